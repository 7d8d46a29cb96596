/** What the access-token verifier tests share: an issuer, its keys, tokens it signs, and a JWKS endpoint in memory. */

import {
	AccessTokenVerifier,
	DEFAULT_ALGORITHMS,
	JwksCache,
	type AccessTokenCheck,
	type KeySource,
} from '../../nodes/TechWolfTrigger/verification/accessToken';
import { generateSigningKey, signJws, type SigningKey } from '../../e2e/services/jws';

export const ISSUER = 'https://auth.example.com/';
export const AUDIENCE = 'https://n8n.example.com/techwolf';
export const JWKS_URL = 'https://auth.example.com/.well-known/jwks.json';
export const NOW = 1_800_000_000;

export const policy = { issuer: ISSUER, audience: AUDIENCE, algorithms: DEFAULT_ALGORITHMS };
export const rsa = generateSigningKey('RS256');
export const ec = generateSigningKey('ES256');
export const ed = generateSigningKey('EdDSA');

export function claims(overrides: Record<string, unknown> = {}): Record<string, unknown> {
	return {
		iss: ISSUER,
		sub: 'techwolf-webhooks',
		aud: AUDIENCE,
		client_id: 'techwolf-webhooks',
		scope: 'webhooks:deliver',
		iat: NOW - 10,
		exp: NOW + 3600,
		jti: 'a1',
		...overrides,
	};
}

export function token(
	options: { claims?: Record<string, unknown>; header?: Record<string, unknown>; key?: SigningKey } = {},
): string {
	const key = options.key ?? rsa;
	return signJws({ alg: key.algorithm, typ: 'at+jwt', kid: key.kid, ...options.header }, claims(options.claims), key);
}

export const bearer = (value: string) => `Bearer ${value}`;

/** A JWKS endpoint in memory: serves `published` and counts the fetches. */
export function jwksEndpoint(published: SigningKey[] = [rsa, ec, ed]) {
	const endpoint = {
		published,
		fetches: 0,
		answer: undefined as unknown,
		fetch: async (url: string): Promise<unknown> => {
			expect(url).toBe(JWKS_URL);
			endpoint.fetches++;
			if (endpoint.answer instanceof Error) throw endpoint.answer;
			return endpoint.answer ?? JSON.stringify({ keys: endpoint.published.map((key) => key.jwk) });
		},
	};
	return endpoint;
}

export function verifierFor(source: KeySource = { kind: 'jwks', url: JWKS_URL }, overrides: object = {}) {
	const cache = new JwksCache();
	return { verifier: new AccessTokenVerifier({ ...policy, ...overrides }, source, cache), cache };
}

export function expectRejected(check: AccessTokenCheck, reason: string, status = 401): void {
	expect(check).toMatchObject({ ok: false, reason, status });
	if (!check.ok) expect(check.message).not.toMatch(/BEGIN|eyJ/);
}
