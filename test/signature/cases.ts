/** Every signature case, module by module, for runners that take them all at once (test/deno/signature.test.ts). */
import { ed25519Cases } from './ed25519Cases';
import { hexCases } from './hexCases';
import { keysCases } from './keysCases';
import type { ReadVector, VerifierCase } from './support';
import { verifierCases } from './verifierCases';

export function signatureCases(readVector: ReadVector): VerifierCase[] {
	return [...ed25519Cases(readVector), ...keysCases(), ...verifierCases(), ...hexCases()];
}
