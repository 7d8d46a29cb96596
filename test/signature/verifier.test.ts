/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports -- dev tooling, never shipped (README: Lint) */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { verifierCases } from './verifierCases';

const readVector = (fileName: string) => readFileSync(join(__dirname, '..', 'vectors', fileName), 'utf8');

describe('webhook signature verifier (node:crypto)', () => {
	for (const testCase of verifierCases(readVector)) test(testCase.name, async () => testCase.run());
});
