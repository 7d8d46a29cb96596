/**
 * What the two access-token credentials ask for, and how their data becomes a verifier: the one place that knows the
 * field names. "TechWolf Webhook Access Token (JWKS) API" holds a JWKS URL, "TechWolf Webhook Access Token (Public
 * Key) API" pasted keys; both hold the same token policy (issuer, audience, scopes, algorithms).
 */
import type { ICredentialDataDecryptedObject, INodeProperties } from 'n8n-workflow';

import { DEFAULT_ALGORITHMS, SUPPORTED_ALGORITHMS, type JwsAlgorithmName } from './algorithms';
import { readPastedKeys } from './keys';
import { checkJwksUrl, type AccessTokenPolicy, type KeySource } from './policy';
import { AccessTokenVerifier } from './verifier';
import { VerifierCache } from '../verifierCache';
import { credentialText } from '../../../shared/credentialFields';
import { splitList } from '../../../shared/list';

export const JWKS_CREDENTIAL = 'techWolfWebhookJwksApi';
export const PUBLIC_KEY_CREDENTIAL = 'techWolfWebhookTokenKeyApi';

/** Where the trigger's "Access Token Keys" parameter says the keys are. */
export type AccessTokenKeySource = 'jwks' | 'publicKey';

export const ACCESS_TOKEN_CREDENTIAL: Record<AccessTokenKeySource, string> = {
	jwks: JWKS_CREDENTIAL,
	publicKey: PUBLIC_KEY_CREDENTIAL,
};

export const accessTokenPolicyProperties: INodeProperties[] = [
	{
		displayName: 'Issuer',
		name: 'issuer',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'https://auth.example.com/',
		description:
			'The iss of the tokens, exactly as your authorization server writes it (Auth0 and Okta end it with a slash)',
	},
	{
		displayName: 'Audience',
		name: 'audience',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'https://n8n.example.com/techwolf',
		description:
			'The aud the tokens must be issued for: the audience (or resource) you gave TechWolf as an extra token-request parameter',
	},
	{
		displayName: 'Required Scopes',
		name: 'requiredScopes',
		type: 'string',
		default: '',
		placeholder: 'techwolf:webhooks',
		description:
			"Scopes every token must carry (in its scope or scp claim), separated by spaces. Empty: the token's scopes are not checked.",
	},
	{
		displayName: 'Allowed Algorithms',
		name: 'algorithms',
		type: 'multiOptions',
		default: [...DEFAULT_ALGORITHMS],
		description:
			'Signature algorithms a token may use. Unsigned (none) and HMAC (HS256…) tokens are never accepted: they cannot be checked with a public key.',
		options: SUPPORTED_ALGORITHMS.map((name) => ({ name, value: name })),
	},
];

/** The token policy of either credential. */
export function accessTokenPolicy(data: ICredentialDataDecryptedObject): AccessTokenPolicy {
	const algorithms = Array.isArray(data.algorithms) ? (data.algorithms as JwsAlgorithmName[]) : [...DEFAULT_ALGORITHMS];
	return {
		issuer: credentialText(data, 'issuer'),
		audience: credentialText(data, 'audience'),
		requiredScopes: splitList(credentialText(data, 'requiredScopes'), /\s+/),
		algorithms,
	};
}

/** The key source of a credential of `kind`; throws AccessTokenSettingsError or AccessTokenKeyError with what to fix. */
export function accessTokenKeySource(kind: AccessTokenKeySource, data: ICredentialDataDecryptedObject): KeySource {
	return kind === 'jwks'
		? { kind: 'jwks', url: checkJwksUrl(credentialText(data, 'jwksUrl')) }
		: { kind: 'pasted', keys: readPastedKeys(credentialText(data, 'publicKeys')) };
}

const verifiers = new VerifierCache<AccessTokenVerifier>();

/**
 * The verifier for a credential of `kind`, built once per credential data (VerifierCache). Throws
 * AccessTokenSettingsError or AccessTokenKeyError with what to fix.
 */
export function accessTokenVerifierFor(
	kind: AccessTokenKeySource,
	data: ICredentialDataDecryptedObject,
): AccessTokenVerifier {
	return verifiers.get(
		JSON.stringify([kind, data]),
		() => new AccessTokenVerifier(accessTokenPolicy(data), accessTokenKeySource(kind, data)),
	);
}
