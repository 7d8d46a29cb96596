/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports -- dev tooling, never shipped (README: Lint) */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { ed25519Cases } from './ed25519Cases';

const readVector = (fileName: string) => readFileSync(join(__dirname, '..', 'vectors', fileName), 'utf8');

describe('Ed25519 primitive and key checks (ed25519.ts)', () => {
	for (const testCase of ed25519Cases(readVector)) test(testCase.name, async () => testCase.run());
});
