/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports -- dev tooling, never shipped (README: Lint) */
/**
 * `npm run lint:headers`: rewrites the first-line header of every dev-tooling file so that it names exactly the n8n
 * community-node rules the file breaks as a Node program (README: Lint). Only n8n's rules are ever named; any other
 * problem stays for `npm run lint` to report. test/package/lint-config.test.ts checks the result.
 */
import { ESLint } from 'eslint';
import { readFile, writeFile } from 'node:fs/promises';

export const DEV_TOOLING = ['test', 'sandbox', 'e2e', 'dev', 'bench', 'scripts'];
const N8N_RULE = /^@n8n\/community-nodes\//;
const SUFFIX = ' -- dev tooling, never shipped (README: Lint) */';
const EXISTING_HEADER =
	/^\/\* eslint-disable @n8n\/community-nodes\/.* -- dev tooling, never shipped \(README: Lint\) \*\/\n/;

export function headerFor(rules: string[]): string {
	return `/* eslint-disable ${[...rules].sort().join(', ')}${SUFFIX}`;
}

async function main(): Promise<void> {
	// Inline config off: what each file breaks, whatever its header says today.
	const eslint = new ESLint({ allowInlineConfig: false });
	const results = await eslint.lintFiles(DEV_TOOLING.map((folder) => `${folder}/**/*.ts`));
	let changed = 0;
	for (const result of results) {
		const rules = [...new Set(result.messages.map((m) => m.ruleId ?? '').filter((id) => N8N_RULE.test(id)))];
		const source = await readFile(result.filePath, 'utf8');
		const body = source.replace(EXISTING_HEADER, '');
		const next = rules.length > 0 ? `${headerFor(rules)}\n${body}` : body;
		if (next !== source) {
			await writeFile(result.filePath, next);
			changed += 1;
			process.stdout.write(`${result.filePath}: ${rules.length > 0 ? rules.join(', ') : 'no header needed'}\n`);
		}
	}
	process.stdout.write(`${changed} header(s) rewritten\n`);
}

if (require.main === module) {
	main().catch((error: unknown) => {
		process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
		process.exit(1);
	});
}
