import { hexCases } from './hexCases';

describe('strict hex decoding (hex.ts)', () => {
	for (const testCase of hexCases()) test(testCase.name, async () => testCase.run());
});
