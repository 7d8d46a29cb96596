/**
 * The lint arrangement README "Contributing: lint" describes: every shipped file gets exactly @n8n/node-cli's
 * `config` (the rules n8n's scanner applies), the dev tooling gets TypeScript's rules and none of n8n's Cloud rules.
 * ESLint loads its configs as ES modules, so the comparison runs in a plain Node process.
 */
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..');

type Rules = Record<string, unknown>;

function effectiveRules(): Record<string, { ours: Rules; nodeCli: Rules }> {
	const script = `
		const { ESLint } = require('eslint');
		const files = JSON.parse(process.argv[1]);
		(async () => {
			const { config } = await import('@n8n/node-cli/eslint');
			const ours = new ESLint({ cwd: process.cwd() });
			const nodeCli = new ESLint({ cwd: process.cwd(), overrideConfigFile: true, overrideConfig: config });
			const out = {};
			for (const file of files) {
				out[file] = {
					ours: (await ours.calculateConfigForFile(file))?.rules ?? {},
					nodeCli: (await nodeCli.calculateConfigForFile(file))?.rules ?? {},
				};
			}
			process.stdout.write(JSON.stringify(out));
		})();`;
	const files = [
		'package.json',
		'nodes/TechWolf/TechWolf.node.ts',
		'nodes/TechWolfTrigger/TechWolfTrigger.node.ts',
		'credentials/TechWolfOAuth2Api.credentials.ts',
		'test/package/lint-config.test.ts',
		'e2e/start.ts',
		'sandbox/server.ts',
		'bench/run.ts',
	];
	return JSON.parse(
		execFileSync(process.execPath, ['-e', script, JSON.stringify(files)], { cwd: ROOT, encoding: 'utf8' }),
	) as Record<string, { ours: Rules; nodeCli: Rules }>;
}

const rules = effectiveRules();
const cloudRule = /^@n8n\/community-nodes\/|^n8n-nodes-base\//;

test.each(['package.json', 'nodes/TechWolf/TechWolf.node.ts', 'nodes/TechWolfTrigger/TechWolfTrigger.node.ts'])(
	'%s is linted with exactly node-cli config',
	(file) => {
		expect(Object.keys(rules[file].nodeCli).length).toBeGreaterThan(50);
		expect(rules[file].ours).toEqual(rules[file].nodeCli);
	},
);

test('credentials are linted with exactly node-cli config', () => {
	const file = 'credentials/TechWolfOAuth2Api.credentials.ts';
	expect(rules[file].ours).toEqual(rules[file].nodeCli);
	expect(Object.keys(rules[file].ours)).toContain('@n8n/community-nodes/no-restricted-globals');
});

test.each(['test/package/lint-config.test.ts', 'e2e/start.ts', 'sandbox/server.ts', 'bench/run.ts'])(
	'%s (dev tooling) gets the TypeScript rules and none of the Cloud rules',
	(file) => {
		const ours = rules[file].ours;
		expect(Object.keys(ours).filter((name) => cloudRule.test(name))).toEqual([]);
		for (const name of ['@typescript-eslint/no-explicit-any', '@typescript-eslint/consistent-type-imports']) {
			expect(ours[name]).toEqual([2]);
		}
	},
);
