/** The access-token verifier: valid tokens, their validity period, issuer, audience and scopes. */
import { CLOCK_SKEW_SECONDS, JWKS_LIFETIME_SECONDS } from '../../nodes/TechWolfTrigger/verification/accessToken';
import { AUDIENCE, NOW, rsa, ec, ed, token, bearer, jwksEndpoint, verifierFor, expectRejected } from './tokens';

describe('access token verifier: valid tokens', () => {
	test.each([
		['RS256', rsa],
		['ES256', ec],
		['EdDSA', ed],
	] as const)('a valid %s token from the JWKS passes', async (_name, key) => {
		const endpoint = jwksEndpoint();
		const { verifier } = verifierFor();
		const check = await verifier.verify(bearer(token({ key })), endpoint.fetch, NOW);
		expect(check).toEqual({
			ok: true,
			algorithm: key.algorithm,
			kid: key.kid,
			subject: 'techwolf-webhooks',
			scopes: ['webhooks:deliver'],
			expiresAt: NOW + 3600,
		});
		expect(endpoint.fetches).toBe(1);
	});

	test('the key set is cached: a hundred tokens, one fetch', async () => {
		const endpoint = jwksEndpoint();
		const { verifier } = verifierFor();
		for (let i = 0; i < 100; i++) {
			expect((await verifier.verify(bearer(token()), endpoint.fetch, NOW + i)).ok).toBe(true);
		}
		expect(endpoint.fetches).toBe(1);
	});

	test('concurrent first requests share one fetch', async () => {
		const endpoint = jwksEndpoint();
		const { verifier } = verifierFor();
		const checks = await Promise.all(
			Array.from({ length: 10 }, () => verifier.verify(bearer(token()), endpoint.fetch, NOW)),
		);
		expect(checks.every((check) => check.ok)).toBe(true);
		expect(endpoint.fetches).toBe(1);
	});

	test(`the cache lifetime is bounded: after ${JWKS_LIFETIME_SECONDS} s the key set is fetched again`, async () => {
		const endpoint = jwksEndpoint();
		const { verifier } = verifierFor();
		await verifier.verify(bearer(token()), endpoint.fetch, NOW);
		await verifier.verify(
			bearer(token({ claims: { exp: NOW + 7200 } })),
			endpoint.fetch,
			NOW + JWKS_LIFETIME_SECONDS - 1,
		);
		expect(endpoint.fetches).toBe(1);
		// A key the server removed stops verifying once the lifetime is over.
		endpoint.published = [ec];
		const late = await verifier.verify(
			bearer(token({ claims: { exp: NOW + 7200 } })),
			endpoint.fetch,
			NOW + JWKS_LIFETIME_SECONDS,
		);
		expect(endpoint.fetches).toBe(2);
		expectRejected(late, 'unknown_signing_key');
	});

	test('an audience list that contains ours passes; the scope may also come as scp (a list)', async () => {
		const { verifier } = verifierFor(undefined, { requiredScopes: ['webhooks:deliver'] });
		const check = await verifier.verify(
			bearer(token({ claims: { aud: ['other', AUDIENCE], scope: undefined, scp: ['webhooks:deliver', 'x'] } })),
			jwksEndpoint().fetch,
			NOW,
		);
		expect(check).toMatchObject({ ok: true, scopes: ['webhooks:deliver', 'x'] });
	});

	test('the scheme is case-insensitive and the token may be followed by spaces', async () => {
		const { verifier } = verifierFor();
		expect((await verifier.verify(`bearer   ${token()}  `, jwksEndpoint().fetch, NOW)).ok).toBe(true);
	});
});

describe('access token verifier: validity period', () => {
	test(`expired: refused once exp is more than the ${CLOCK_SKEW_SECONDS} s clock skew ago`, async () => {
		const { verifier } = verifierFor();
		const fetch = jwksEndpoint().fetch;
		expectRejected(
			await verifier.verify(bearer(token({ claims: { exp: NOW - CLOCK_SKEW_SECONDS } })), fetch, NOW),
			'expired_access_token',
		);
		expect(
			(await verifier.verify(bearer(token({ claims: { exp: NOW - CLOCK_SKEW_SECONDS + 1 } })), fetch, NOW)).ok,
		).toBe(true);
	});

	test('not yet valid: refused while nbf is more than the clock skew ahead', async () => {
		const { verifier } = verifierFor();
		const fetch = jwksEndpoint().fetch;
		expectRejected(
			await verifier.verify(bearer(token({ claims: { nbf: NOW + CLOCK_SKEW_SECONDS + 1 } })), fetch, NOW),
			'access_token_not_yet_valid',
		);
		expect((await verifier.verify(bearer(token({ claims: { nbf: NOW + CLOCK_SKEW_SECONDS } })), fetch, NOW)).ok).toBe(
			true,
		);
	});

	test('a token without exp, or with a non-numeric exp or nbf, is refused', async () => {
		const { verifier } = verifierFor();
		const fetch = jwksEndpoint().fetch;
		for (const bad of [{ exp: undefined }, { exp: '9999999999' }, { nbf: 'soon' }]) {
			expectRejected(await verifier.verify(bearer(token({ claims: bad })), fetch, NOW), 'malformed_access_token');
		}
	});
});

describe('access token verifier: issuer, audience, scope', () => {
	test('wrong issuer', async () => {
		const { verifier } = verifierFor();
		for (const iss of ['https://evil.example.com/', 'https://auth.example.com', undefined, 42]) {
			expectRejected(
				await verifier.verify(bearer(token({ claims: { iss } })), jwksEndpoint().fetch, NOW),
				'wrong_issuer',
			);
		}
	});

	test('wrong audience', async () => {
		const { verifier } = verifierFor();
		for (const aud of ['https://other.example.com', [], ['a', 'b'], undefined]) {
			expectRejected(
				await verifier.verify(bearer(token({ claims: { aud } })), jwksEndpoint().fetch, NOW),
				'wrong_audience',
			);
		}
	});

	test('a required scope missing', async () => {
		const { verifier } = verifierFor(undefined, { requiredScopes: ['webhooks:deliver', 'techwolf'] });
		const check = await verifier.verify(bearer(token()), jwksEndpoint().fetch, NOW);
		expectRejected(check, 'missing_scope');
		expect(!check.ok && check.message).toContain('techwolf');
	});

	test('claims are checked before any key is fetched', async () => {
		const endpoint = jwksEndpoint();
		const { verifier } = verifierFor();
		await verifier.verify(bearer(token({ claims: { exp: NOW - 3600 } })), endpoint.fetch, NOW);
		expect(endpoint.fetches).toBe(0);
	});
});
