/**
 * `npm run scan` is n8n's scanner and it does fail: a copy of the shipped sources (and the icons they name) passes its source leg, and the same
 * copy with one `process.env` read in a node fails it, naming the rule (n8n Cloud allows no environment access).
 */
import { spawnSync } from 'node:child_process';
import { appendFileSync, cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..');
let checkout: string;

function scan(dir: string): { status: number | null; output: string } {
	const result = spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'scripts', 'scan.ts'), dir], {
		cwd: ROOT,
		encoding: 'utf8',
		// Jest sets NODE_ENV=test, under which eslint-plugin-n8n-nodes-base swaps real file names for its fixtures'.
		env: { ...process.env, NODE_ENV: 'production' },
	});
	return { status: result.status, output: result.stdout + result.stderr };
}

beforeAll(() => {
	checkout = mkdtempSync(join(tmpdir(), 'scan-fixture-'));
	for (const entry of ['package.json', 'nodes', 'credentials', 'icons'])
		cpSync(join(ROOT, entry), join(checkout, entry), { recursive: true });
});
afterAll(() => rmSync(checkout, { recursive: true, force: true }));

test('the shipped sources pass the source leg', () => {
	const { status, output } = scan(checkout);
	expect(output).toMatch(/^pass {2}source: package\.json, \{nodes,credentials\}/m);
	expect(status).toBe(0);
}, 60_000);

test('an environment read in a node fails it, naming the rule and the file', () => {
	appendFileSync(
		join(checkout, 'nodes', 'TechWolf', 'TechWolf.node.ts'),
		'\nexport const leak = process.env.SECRET;\n',
	);
	const { status, output } = scan(checkout);
	expect(output).toMatch(/^FAIL {2}source: .*ESLint violations found/m);
	expect(output).toContain('TechWolf.node.ts');
	expect(output).toContain('@n8n/community-nodes/no-restricted-globals');
	expect(status).toBe(1);
}, 60_000);
