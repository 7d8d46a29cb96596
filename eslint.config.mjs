// Two lints in one run of `n8n-node lint` (README, "Contributing: lint"):
// - what ships (nodes/, credentials/, package.json): @n8n/node-cli's own `config`, every rule as n8n sets it, the same
//   rules n8n's package scanner applies;
// - the dev tooling (test/, sandbox/, e2e/, bench/, scripts/): Node programs that never ship and need what n8n Cloud forbids
//   (process, timers, child_process, fs), so they get TypeScript's recommended rules instead of the Cloud set.
// Strict mode (`n8n.strict`) would require this file to be node-cli's two-line default, which lints the dev tooling
// with the Cloud rules too; package.json therefore sets `strict: false`, and test/package/lint-config.test.ts proves
// that the shipped code still gets exactly node-cli's config.
import js from '@eslint/js';
import { config as n8nNodeConfig } from '@n8n/node-cli/eslint';
import tseslint from 'typescript-eslint';

export const devTooling = ['test/**', 'sandbox/**', 'e2e/**', 'bench/**', 'scripts/**'];

export default tseslint.config(
	{ ignores: ['.cache/**', '.e2e/**', 'coverage/**', 'test/vectors/**'] },
	...n8nNodeConfig.map((block) =>
		block.files ? { ...block, ignores: [...(block.ignores ?? []), ...devTooling] } : block,
	),
	{
		files: devTooling.map((folder) => `${folder}/*.ts`),
		extends: [js.configs.recommended, ...tseslint.configs.recommended],
		rules: {
			'@typescript-eslint/no-explicit-any': 'error',
			'@typescript-eslint/consistent-type-imports': 'error',
			// Destructuring to drop fields ({ secret, ...rest }) is how this code omits them.
			'@typescript-eslint/no-unused-vars': [
				'error',
				{ ignoreRestSiblings: true, varsIgnorePattern: '^_', argsIgnorePattern: '^_' },
			],
		},
	},
);
