// `npm run build`: an empty dist/ (a file left by an older build would otherwise ship), TypeScript with the package's
// tsconfig.json (what ships, nothing else), then the assets tsc does not copy (node and credential icons).
const fs = require('fs');
const { src, dest, series } = require('gulp');
const { spawn } = require('child_process');

function clean(done) {
	fs.rmSync('dist', { recursive: true, force: true });
	done();
}

function compile(done) {
	const tsc = spawn(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', 'tsconfig.json'], {
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

exports.build = series(clean, compile, copyIcons);
exports['build:icons'] = copyIcons;
