import { verifierCases } from './verifierCases';

describe('webhook signature verifier (verifier.ts, node:crypto)', () => {
	for (const testCase of verifierCases()) test(testCase.name, async () => testCase.run());
});
