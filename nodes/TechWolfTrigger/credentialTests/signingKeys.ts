import type { ICredentialsDecrypted, ICredentialTestFunctions, INodeCredentialTestResult } from 'n8n-workflow';

import { parseSigningKeys, SigningKeyError } from '../verification/signature';

/** The credential's Test button: there is no TechWolf API to call, so check that every key is a usable Ed25519 key. */
export async function techWolfSigningKeysTest(
	this: ICredentialTestFunctions,
	credential: ICredentialsDecrypted,
): Promise<INodeCredentialTestResult> {
	const text = credential.data?.publicKeys;
	try {
		const keys = parseSigningKeys(typeof text === 'string' ? text : '');
		const ids = keys.map((key) => key.id).join(', ');
		return {
			status: 'OK',
			message: `${keys.length === 1 ? 'The key is' : `All ${keys.length} keys are`} valid Ed25519 public keys (${ids})`,
		};
	} catch (error) {
		// parseSigningKeys throws nothing else; any other error is reported the same way rather than crashing the test.
		return { status: 'Error', message: error instanceof SigningKeyError ? error.message : String(error) };
	}
}
