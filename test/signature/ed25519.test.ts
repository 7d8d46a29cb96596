import { readVector } from '../vectors/read';
import { ed25519Cases } from './ed25519Cases';

describe('Ed25519 primitive and key checks (ed25519.ts)', () => {
	for (const testCase of ed25519Cases(readVector)) test(testCase.name, async () => testCase.run());
});
