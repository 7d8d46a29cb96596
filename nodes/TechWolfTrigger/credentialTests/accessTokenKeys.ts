import type { ICredentialsDecrypted, ICredentialTestFunctions, INodeCredentialTestResult } from 'n8n-workflow';

import { accessTokenVerifierFor } from '../verification/accessToken/credential';
import { readPastedKeys } from '../verification/accessToken';

/**
 * The Test button of "TechWolf Webhook Access Token (Public Key) API": nothing to call, so it reads every pasted key
 * and checks the token policy, exactly as the trigger will.
 */
export async function techWolfAccessTokenKeysTest(
	this: ICredentialTestFunctions,
	credential: ICredentialsDecrypted,
): Promise<INodeCredentialTestResult> {
	const data = credential.data ?? {};
	try {
		accessTokenVerifierFor('publicKey', data);
		const { keys } = readPastedKeys(typeof data.publicKeys === 'string' ? data.publicKeys : '');
		return {
			status: 'OK',
			message: `${keys.length === 1 ? 'The key is' : `All ${keys.length} keys are`} usable: ${keys.map((key) => key.label).join(', ')}`,
		};
	} catch (error) {
		return { status: 'Error', message: (error as Error).message };
	}
}
