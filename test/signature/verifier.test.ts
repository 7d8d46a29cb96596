import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { verifierCases } from './verifierCases';

const readVector = (fileName: string) => readFileSync(join(__dirname, '..', 'vectors', fileName), 'utf8');

describe('webhook signature verifier (node:crypto)', () => {
	for (const testCase of verifierCases(readVector)) test(testCase.name, async () => testCase.run());
});
