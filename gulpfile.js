// `npm run build`: TypeScript first, then the assets tsc does not copy (node and credential icons) into dist/.
const { src, dest, series } = require('gulp');
const { spawn } = require('child_process');

function compile(done) {
	const tsc = spawn(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', 'tsconfig.build.json'], {
		stdio: 'inherit',
	});
	tsc.on('exit', (code) => done(code === 0 ? undefined : new Error(`tsc exited with ${code}`)));
}

function copyIcons() {
	return src(['icons/**/*.{png,svg}', 'nodes/**/*.{png,svg}', 'credentials/**/*.{png,svg}'], {
		base: '.',
		encoding: false,
	}).pipe(dest('dist'));
}

exports.build = series(compile, copyIcons);
exports['build:icons'] = copyIcons;
