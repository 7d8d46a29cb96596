/**
 * What `npm publish` would upload: a fresh build packed with `npm pack --dry-run`. Only the compiled nodes,
 * credentials and icons plus npm's standard files ship; no test or dev-tooling file, no TypeScript source, and the
 * size stays in the range of what ships today (a leak of the dev tooling more than doubles it).
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..');
/** Packed today: about 175 kB gzipped, 700 kB unpacked (with the skills team's operations, issue 18). */
const MAX_PACKED_BYTES = 200_000;
const MAX_UNPACKED_BYTES = 850_000;

interface PackResult {
	size: number;
	unpackedSize: number;
	files: Array<{ path: string }>;
}

interface Manifest {
	main: string;
	n8n: { nodes: string[]; credentials: string[] };
}

const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as Manifest;
let packed: PackResult;
let files: string[];

beforeAll(() => {
	execFileSync('npm', ['run', '--silent', 'build'], { cwd: ROOT, stdio: 'pipe' });
	const output = execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], {
		cwd: ROOT,
		encoding: 'utf8',
		stdio: ['ignore', 'pipe', 'pipe'],
	});
	[packed] = JSON.parse(output) as PackResult[];
	files = packed.files.map((file) => file.path).sort();
}, 120_000);

test('only npm standard files and the compiled nodes, credentials and icons ship', () => {
	const allowed = /^(package\.json|README\.md|LICENSE|index\.js|dist\/(nodes|credentials|icons)\/.+)$/;
	expect(files.filter((file) => !allowed.test(file))).toEqual([]);
	expect(files).toEqual(expect.arrayContaining(['package.json', 'README.md', 'LICENSE', manifest.main]));
});

test('every node and credential package.json registers is in the tarball, with its codex for nodes', () => {
	const registered = [...manifest.n8n.nodes, ...manifest.n8n.credentials];
	expect(registered.filter((file) => !files.includes(file))).toEqual([]);
	const codexFiles = manifest.n8n.nodes.map((file) => file.replace(/\.js$/, '.json'));
	expect(codexFiles.filter((file) => !files.includes(file))).toEqual([]);
});

test('no test, dev-tooling or TypeScript source file ships', () => {
	const dev = /(^|\/)(test|tests|__tests__|e2e|sandbox|bench|coverage|\.cache)\/|\.(test|spec)\.|(^|\/)[^/]+\.ts$/;
	const shipped = files.filter((file) => !file.endsWith('.d.ts'));
	expect(shipped.filter((file) => dev.test(file))).toEqual([]);
});

test('the tarball stays small', () => {
	expect(packed.size).toBeLessThan(MAX_PACKED_BYTES);
	expect(packed.unpackedSize).toBeLessThan(MAX_UNPACKED_BYTES);
});
