import { keysCases } from './keysCases';

describe('signing keys from the credential (keys.ts)', () => {
	for (const testCase of keysCases()) test(testCase.name, async () => testCase.run());
});
