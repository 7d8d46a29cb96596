/* eslint-disable @n8n/community-nodes/no-dangerous-functions, @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports -- dev tooling, never shipped (README: Lint) */
/**
 * The lint arrangement README "Lint" describes: `n8n-node lint` in strict mode with node-cli's default config, so
 * every file gets n8n's Cloud rules; dev tooling (never shipped) names, in one header line, the n8n rules it has to
 * break to be a Node program, and keeps every other rule.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';

import { DEV_TOOLING, headerFor } from '../../scripts/dev-lint-headers';

const ROOT = join(__dirname, '..', '..');
const SHIPPED = ['nodes', 'credentials'];
const DIRECTIVE = /(?:^|\s)\/[*/]\s*(?:eslint|globals?)\b/;
function tsFiles(folder: string): string[] {
	return readdirSync(join(ROOT, folder), { recursive: true, withFileTypes: true })
		.filter((entry) => entry.isFile() && entry.name.endsWith('.ts'))
		.map((entry) => relative(ROOT, join(entry.parentPath, entry.name)));
}

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

test('dev tooling disables only n8n community-node rules, in its first line', () => {
	const misplaced: string[] = [];
	for (const file of DEV_TOOLING.flatMap(tsFiles)) {
		const lines = readFileSync(join(ROOT, file), 'utf8').split('\n');
		lines.forEach((line, index) => {
			if (!DIRECTIVE.test(line)) return;
			const rules = /^\/\* eslint-disable (.*?) -- /.exec(line)?.[1].split(', ') ?? [];
			const onlyN8nRules = rules.every((rule) => rule.startsWith('@n8n/community-nodes/'));
			if (index !== 0 || !onlyN8nRules || line !== headerFor(rules)) misplaced.push(`${file}:${index + 1}`);
		});
	}
	expect(misplaced).toEqual([]);
});

test('no dev tooling header disables a rule the file does not break', () => {
	// Lints the dev tooling with unused directives as errors; ESLint loads its config as an ES module, so this runs in
	// a plain Node process rather than inside Jest.
	const script = `
		const { ESLint } = require('eslint');
		(async () => {
			const eslint = new ESLint({ cwd: process.cwd(), overrideConfig: { linterOptions: { reportUnusedDisableDirectives: 'error' } } });
			const results = await eslint.lintFiles(JSON.parse(process.argv[1]));
			const problems = results.flatMap((r) => r.messages.map((m) => r.filePath + ':' + m.line + ' ' + m.message));
			process.stdout.write(JSON.stringify(problems));
		})();`;
	const problems = JSON.parse(
		execFileSync(process.execPath, ['-e', script, JSON.stringify(DEV_TOOLING)], { cwd: ROOT, encoding: 'utf8' }),
	) as string[];
	expect(problems).toEqual([]);
});
