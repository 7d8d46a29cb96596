/** What the user configures for access tokens (issuer, audience, scopes, algorithms, where the keys are), checked once. */
import { parseHttpUrl } from '../../../shared/credentialFields';
import { SUPPORTED_ALGORITHMS, isSupportedAlgorithm, type JwsAlgorithmName } from './algorithms';
import type { KeySet } from './keys';

/** Where the keys come from: a JWKS URL (fetched and cached) or keys the user pasted. */
export type KeySource = { kind: 'jwks'; url: string } | { kind: 'pasted'; keys: KeySet };

export interface AccessTokenPolicy {
	issuer: string;
	audience: string;
	/** Scopes the token must all carry; none by default. */
	requiredScopes?: readonly string[];
	algorithms: readonly JwsAlgorithmName[];
}

export class AccessTokenSettingsError extends Error {
	constructor(message: string) {
		super(message);
		this.name = 'AccessTokenSettingsError';
	}
}

/** Checks the policy once, when the settings are built; throws AccessTokenSettingsError with what to fix. */
export function checkedPolicy(policy: AccessTokenPolicy): Required<AccessTokenPolicy> {
	const issuer = policy.issuer.trim();
	const audience = policy.audience.trim();
	if (issuer === '') throw new AccessTokenSettingsError('Issuer is empty: enter the iss of your authorization server');
	if (audience === '')
		throw new AccessTokenSettingsError('Audience is empty: enter the aud your tokens are issued for');
	if (policy.algorithms.length === 0) {
		throw new AccessTokenSettingsError('Select at least one algorithm under Allowed Algorithms');
	}
	for (const algorithm of policy.algorithms) {
		if (!isSupportedAlgorithm(algorithm)) {
			throw new AccessTokenSettingsError(
				`Algorithm ${String(algorithm)} is not supported; choose from ${SUPPORTED_ALGORITHMS.join(', ')}`,
			);
		}
	}
	return { issuer, audience, requiredScopes: policy.requiredScopes ?? [], algorithms: [...policy.algorithms] };
}

/**
 * A JWKS URL must be https: the keys it serves decide which tokens pass, so anyone on the path of a plain-http fetch
 * could substitute their own. Plain http is accepted only for a JWKS on the same machine (a local authorization
 * server), where there is no path to be on.
 */
export function checkJwksUrl(text: string): string {
	const trimmed = text.trim();
	const url = parseHttpUrl(trimmed);
	if (url === 'not a URL') throw new AccessTokenSettingsError(`JWKS URL "${trimmed}" is not a URL`);
	if (url === 'not http') throw new AccessTokenSettingsError('JWKS URL must start with https://');
	if (url.protocol === 'http:' && !isLoopbackHost(url.hostname)) {
		throw new AccessTokenSettingsError(
			`JWKS URL must start with https://: plain http:// is accepted only for a JWKS on this machine (localhost, 127.0.0.0/8 or [::1]), not for ${url.hostname}`,
		);
	}
	return url.toString();
}

/**
 * Whether a URL's host (as the URL parser writes it: lower case, IPv4 in dotted decimal, IPv6 compressed in brackets)
 * is the loopback interface.
 */
function isLoopbackHost(hostname: string): boolean {
	return hostname === 'localhost' || hostname === '[::1]' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(hostname);
}
