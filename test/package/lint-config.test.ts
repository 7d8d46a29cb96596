/**
 * The lint arrangement CONTRIBUTING.md "Lint" describes: `n8n-node lint` in strict mode with node-cli's default config
 * for the package; each dev-tooling folder (never shipped) has its own eslint.config.mjs, n8n's config without the
 * community-node rules, which ESLint finds because `npm run lint` has it look a file's config up from its folder.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';

const ROOT = join(__dirname, '..', '..');
function tsFiles(folder: string): string[] {
	return readdirSync(join(ROOT, folder), { recursive: true, withFileTypes: true })
		.filter((entry) => entry.isFile() && entry.name.endsWith('.ts'))
		.map((entry) => relative(ROOT, join(entry.parentPath, entry.name)));
}

const SHIPPED = ['nodes', 'credentials'];
const DEV_CONFIG = "export { default } from '../eslint.dev-tooling.mjs';\n";
/** Every other top-level folder with TypeScript in it: dev tooling. */
const DEV_TOOLING = readdirSync(ROOT, { withFileTypes: true })
	.filter((entry) => entry.isDirectory() && !entry.name.startsWith('.') && !SHIPPED.includes(entry.name))
	.map((entry) => entry.name)
	.filter((folder) => !['node_modules', 'dist'].includes(folder) && tsFiles(folder).length > 0);
const DIRECTIVE = /(?:^|\s)\/[*/]\s*(?:eslint|globals?)\b/;

const normalize = (text: string): string => text.replace(/\s+/g, ' ').trim();

test('eslint.config.mjs is node-cli default and package.json keeps strict mode (n8n-node cloud-support: eligible)', () => {
	const template = readFileSync(
		join(ROOT, 'node_modules/@n8n/node-cli/dist/template/templates/shared/default/eslint.config.mjs'),
		'utf8',
	);
	expect(normalize(readFileSync(join(ROOT, 'eslint.config.mjs'), 'utf8'))).toBe(normalize(template));
	const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { n8n: { strict: boolean } };
	expect(manifest.n8n.strict).toBe(true);
});

test('shipped code has no eslint directive (n8n scanner ignores them, so they would only hide its findings)', () => {
	const files = SHIPPED.flatMap(tsFiles);
	expect(files.length).toBeGreaterThan(20);
	expect(files.filter((file) => DIRECTIVE.test(readFileSync(join(ROOT, file), 'utf8')))).toEqual([]);
});

test('each dev-tooling folder has the dev-tooling config and no ESLint directive', () => {
	expect(DEV_TOOLING).toEqual(expect.arrayContaining(['test', 'sandbox', 'e2e', 'dev', 'bench', 'scripts']));
	for (const folder of DEV_TOOLING) {
		const config = join(ROOT, folder, 'eslint.config.mjs');
		expect([folder, existsSync(config) && readFileSync(config, 'utf8')]).toEqual([folder, DEV_CONFIG]);
	}
	const files = DEV_TOOLING.flatMap(tsFiles);
	expect(files.filter((file) => DIRECTIVE.test(readFileSync(join(ROOT, file), 'utf8')))).toEqual([]);
});

test("npm run lint's ESLint gives the package n8n's community-node rules and the dev tooling none of them", () => {
	const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
	const flag = /^ESLINT_FLAGS=(\S+) n8n-node lint$/.exec(manifest.scripts.lint)?.[1];
	expect(flag).toBeDefined();
	const samples = [...SHIPPED, ...DEV_TOOLING].map((folder) => tsFiles(folder)[0]);
	// ESLint loads its configs as ES modules, so this runs in a plain Node process rather than inside Jest.
	const script = `
		const { ESLint } = require('eslint');
		(async () => {
			const [flag, files] = JSON.parse(process.argv[1]);
			const eslint = new ESLint({ cwd: process.cwd(), flags: [flag] });
			const rules = {};
			for (const file of files) {
				const { rules: all } = await eslint.calculateConfigForFile(file);
				rules[file] = Object.keys(all).filter((rule) => rule.startsWith('@n8n/community-nodes/') && [2, 'error'].includes([all[rule]].flat()[0]));
			}
			process.stdout.write(JSON.stringify(rules));
		})();`;
	const rules = JSON.parse(
		execFileSync(process.execPath, ['-e', script, JSON.stringify([flag, samples])], { cwd: ROOT, encoding: 'utf8' }),
	) as Record<string, string[]>;
	for (const file of samples) {
		const shipped = SHIPPED.some((folder) => file.startsWith(`${folder}/`));
		if (shipped)
			expect([file, rules[file]]).toEqual([
				file,
				expect.arrayContaining(['@n8n/community-nodes/no-restricted-imports']),
			]);
		else expect([file, rules[file]]).toEqual([file, []]);
	}
});
