/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports -- dev tooling, never shipped (README: Lint) */
import { createHmac, createPublicKey, generateKeyPairSync, sign } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import {
	AccessTokenKeyError,
	AccessTokenSettingsError,
	AccessTokenVerifier,
	CLOCK_SKEW_SECONDS,
	DEFAULT_ALGORITHMS,
	JWKS_LIFETIME_SECONDS,
	JwksCache,
	readJwks,
	readPastedKeys,
	verifyJwsSignature,
	type AccessTokenCheck,
	type JwsAlgorithmName,
	type KeySource,
} from '../../nodes/shared/accessToken';
import { generateSigningKey, signJws, type SigningKey } from '../../sandbox/authorizationServer';

const ISSUER = 'https://auth.example.com/';
const AUDIENCE = 'https://n8n.example.com/techwolf';
const JWKS_URL = 'https://auth.example.com/.well-known/jwks.json';
const NOW = 1_800_000_000;

const policy = { issuer: ISSUER, audience: AUDIENCE, algorithms: DEFAULT_ALGORITHMS };
const rsa = generateSigningKey('RS256');
const ec = generateSigningKey('ES256');
const ed = generateSigningKey('EdDSA');

function claims(overrides: Record<string, unknown> = {}): Record<string, unknown> {
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

function token(
	options: { claims?: Record<string, unknown>; header?: Record<string, unknown>; key?: SigningKey } = {},
): string {
	const key = options.key ?? rsa;
	return signJws({ alg: key.algorithm, typ: 'at+jwt', kid: key.kid, ...options.header }, claims(options.claims), key);
}

const bearer = (value: string) => `Bearer ${value}`;

/** A JWKS endpoint in memory: serves `published` and counts the fetches. */
function jwksEndpoint(published: SigningKey[] = [rsa, ec, ed]) {
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

function verifierFor(source: KeySource = { kind: 'jwks', url: JWKS_URL }, overrides: object = {}) {
	const cache = new JwksCache();
	return { verifier: new AccessTokenVerifier({ ...policy, ...overrides }, source, cache), cache };
}

function expectRejected(check: AccessTokenCheck, reason: string, status = 401): void {
	expect(check).toMatchObject({ ok: false, reason, status });
	if (!check.ok) expect(check.message).not.toMatch(/BEGIN|eyJ/);
}

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

describe('access token verifier: algorithms and signatures', () => {
	test('alg "none" is never accepted, in any spelling', async () => {
		const { verifier } = verifierFor();
		for (const alg of ['none', 'None', 'NONE']) {
			const header = Buffer.from(JSON.stringify({ alg, typ: 'JWT' })).toString('base64url');
			const payload = Buffer.from(JSON.stringify(claims())).toString('base64url');
			for (const unsigned of [`${header}.${payload}.`, `${header}.${payload}.AAAA`]) {
				expectRejected(await verifier.verify(bearer(unsigned), jwksEndpoint().fetch, NOW), 'unsupported_algorithm');
			}
		}
	});

	test("an HS256 token signed with the public key's bytes as the HMAC secret is refused", async () => {
		const { verifier } = verifierFor({
			kind: 'pasted',
			keys: readPastedKeys(rsa.publicKey.export({ format: 'pem', type: 'spki' }).toString()),
		});
		const publicPem = rsa.publicKey.export({ format: 'pem', type: 'spki' }).toString();
		const input = `${Buffer.from(JSON.stringify({ alg: 'HS256', typ: 'JWT' })).toString('base64url')}.${Buffer.from(JSON.stringify(claims())).toString('base64url')}`;
		for (const secret of [publicPem, rsa.publicKey.export({ format: 'der', type: 'spki' })]) {
			const forged = `${input}.${createHmac('sha256', secret).update(input).digest('base64url')}`;
			const check = await verifier.verify(bearer(forged), jwksEndpoint().fetch, NOW);
			expectRejected(check, 'unsupported_algorithm');
		}
		// And HMAC cannot be allowed at all.
		expect(
			() =>
				new AccessTokenVerifier(
					{ ...policy, algorithms: ['HS256' as JwsAlgorithmName] },
					{ kind: 'jwks', url: JWKS_URL },
				),
		).toThrow(AccessTokenSettingsError);
	});

	test('an algorithm that is supported but not allowed is refused', async () => {
		const { verifier } = verifierFor(undefined, { algorithms: ['ES256'] });
		expectRejected(
			await verifier.verify(bearer(token({ key: rsa })), jwksEndpoint().fetch, NOW),
			'unsupported_algorithm',
		);
	});

	test('a tampered payload no longer verifies', async () => {
		const { verifier } = verifierFor();
		for (const key of [rsa, ec, ed]) {
			const [header, , signature] = token({ key }).split('.');
			const forgedPayload = Buffer.from(JSON.stringify(claims({ sub: 'someone-else' }))).toString('base64url');
			const check = await verifier.verify(bearer(`${header}.${forgedPayload}.${signature}`), jwksEndpoint().fetch, NOW);
			expectRejected(check, 'invalid_token_signature');
		}
	});

	test('a token signed by a key of its own, named in its header (jwk), is refused', async () => {
		const { verifier } = verifierFor();
		const attacker = generateSigningKey('RS256');
		const forged = token({ key: attacker, header: { kid: rsa.kid, jwk: attacker.jwk } });
		expectRejected(await verifier.verify(bearer(forged), jwksEndpoint().fetch, NOW), 'invalid_token_signature');
	});

	test('a token whose kid points at a key of another type is refused', async () => {
		const { verifier } = verifierFor();
		// Header says RS256 and names the EC key: no key fits.
		const forged = token({ key: rsa, header: { kid: ec.kid } });
		expectRejected(await verifier.verify(bearer(forged), jwksEndpoint().fetch, NOW), 'unknown_signing_key');
	});

	test('ES256 signatures must be r || s, not DER', async () => {
		const { verifier } = verifierFor();
		const header = Buffer.from(JSON.stringify({ alg: 'ES256', kid: ec.kid })).toString('base64url');
		const payload = Buffer.from(JSON.stringify(claims())).toString('base64url');
		const der = sign('sha256', Buffer.from(`${header}.${payload}`), ec.privateKey).toString('base64url');
		expectRejected(
			await verifier.verify(bearer(`${header}.${payload}.${der}`), jwksEndpoint().fetch, NOW),
			'invalid_token_signature',
		);
	});

	const vectors = JSON.parse(readFileSync(join(__dirname, '..', 'vectors', 'jws_known_answers.json'), 'utf8')) as {
		cases: Array<{ source: string; alg: JwsAlgorithmName; jwk: object; jws: string }>;
	};
	test.each(vectors.cases.map((c) => [c.source, c] as const))(
		'%s verifies, and not with one bit changed',
		(_source, vector) => {
			const key = createPublicKey({ key: vector.jwk as never, format: 'jwk' });
			const [header, payload, signature] = vector.jws.split('.') as [string, string, string];
			const input = Buffer.from(`${header}.${payload}`);
			const bytes = Buffer.from(signature, 'base64url');
			expect(verifyJwsSignature(vector.alg, key, input, bytes)).toBe(true);
			bytes[5] ^= 1;
			expect(verifyJwsSignature(vector.alg, key, input, bytes)).toBe(false);
		},
	);
});

describe('access token verifier: the Authorization header', () => {
	test('missing', async () => {
		const { verifier } = verifierFor();
		for (const header of [undefined, '', '   ', []]) {
			expectRejected(await verifier.verify(header, jwksEndpoint().fetch, NOW), 'missing_access_token');
		}
	});

	test('not Bearer, or not one header', async () => {
		const { verifier } = verifierFor();
		const jwt = token();
		for (const header of [
			`Basic ${jwt}`,
			jwt,
			'Bearer',
			`Bearer ${jwt} extra`,
			[bearer(jwt), bearer(jwt)],
			`Bearer ${'a'.repeat(9000)}`,
		]) {
			expectRejected(await verifier.verify(header, jwksEndpoint().fetch, NOW), 'malformed_authorization');
		}
	});

	test('not a JWT', async () => {
		const { verifier } = verifierFor();
		const jwt = token();
		const [h, p, s] = jwt.split('.') as [string, string, string];
		const bad = [
			'Bearer abc',
			`Bearer ${h}.${p}`,
			`Bearer ${h}.${p}.${s}.x.y`,
			`Bearer ${h}=.${p}.${s}`,
			`Bearer ${Buffer.from('[1]').toString('base64url')}.${p}.${s}`,
			`Bearer ${h}.${Buffer.from('not json').toString('base64url')}.${s}`,
			`Bearer ${h}.${p}.${s}=`,
			`Bearer ${h}.${p}.`,
		];
		for (const header of bad) {
			expectRejected(await verifier.verify(header, jwksEndpoint().fetch, NOW), 'malformed_access_token');
		}
	});

	test('a critical header extension is refused', async () => {
		const { verifier } = verifierFor();
		expectRejected(
			await verifier.verify(bearer(token({ header: { crit: ['exp'] } })), jwksEndpoint().fetch, NOW),
			'malformed_access_token',
		);
	});
});

describe('access token verifier: the JWKS', () => {
	test('an unknown kid makes it fetch the key set again once, then refuse', async () => {
		const endpoint = jwksEndpoint([rsa]);
		const { verifier } = verifierFor();
		expect((await verifier.verify(bearer(token()), endpoint.fetch, NOW)).ok).toBe(true);
		expect(endpoint.fetches).toBe(1);

		const unknown = bearer(token({ header: { kid: 'retired-or-forged' } }));
		expectRejected(await verifier.verify(unknown, endpoint.fetch, NOW + 120), 'unknown_signing_key');
		expect(endpoint.fetches).toBe(2);
		// Within the minute that follows, unknown kids do not fetch again: the token cannot be checked yet, a 503
		// (TechWolf delivers again), not a 401 that would drop a delivery signed with a key published a moment ago.
		const pending = await verifier.verify(unknown, endpoint.fetch, NOW + 150);
		expectRejected(pending, 'jwks_unavailable', 503);
		expect(!pending.ok && pending.detail).toMatch(/at most once a minute/);
		expect(endpoint.fetches).toBe(2);
		expectRejected(await verifier.verify(unknown, endpoint.fetch, NOW + 180), 'unknown_signing_key');
		expect(endpoint.fetches).toBe(3);
	});

	test('key rotation: a token signed with the new key passes after one refetch', async () => {
		const endpoint = jwksEndpoint([rsa]);
		const { verifier } = verifierFor();
		await verifier.verify(bearer(token()), endpoint.fetch, NOW);
		const next = generateSigningKey('ES256');
		endpoint.published = [next, rsa];
		const check = await verifier.verify(bearer(token({ key: next })), endpoint.fetch, NOW + 61);
		expect(check).toMatchObject({ ok: true, kid: next.kid });
		expect(endpoint.fetches).toBe(2);
		expect((await verifier.verify(bearer(token({ key: rsa })), endpoint.fetch, NOW + 62)).ok).toBe(true);
		expect(endpoint.fetches).toBe(2);
	});

	test('a JWKS answer that is not JSON is a logged 503, and the endpoint is not hammered', async () => {
		const endpoint = jwksEndpoint();
		endpoint.answer = '<html>Service Unavailable</html>';
		const { verifier } = verifierFor();
		const check = await verifier.verify(bearer(token()), endpoint.fetch, NOW);
		expectRejected(check, 'jwks_unavailable', 503);
		expect(!check.ok && check.detail).toBe(`Could not load the JWKS from ${JWKS_URL}: The answer is not JSON`);
		// Refused without fetching for a few seconds, then fetched again.
		expectRejected(await verifier.verify(bearer(token()), endpoint.fetch, NOW + 5), 'jwks_unavailable', 503);
		expect(endpoint.fetches).toBe(1);
		endpoint.answer = undefined;
		expect((await verifier.verify(bearer(token()), endpoint.fetch, NOW + 11)).ok).toBe(true);
		expect(endpoint.fetches).toBe(2);
	});

	test('a JWKS endpoint that is down, or answers JSON that is not a key set, is a 503 with the reason in the detail', async () => {
		for (const [answer, detail] of [
			[new Error('connect ECONNREFUSED 127.0.0.1:1'), 'The request failed: connect ECONNREFUSED'],
			[JSON.stringify({ error: 'nope' }), 'no "keys" array'],
			[JSON.stringify({ keys: [{ kty: 'oct', k: 'c2VjcmV0' }] }), 'symmetric (oct) key'],
			[{ keys: [] }, 'no usable signature key'],
		] as const) {
			const endpoint = jwksEndpoint();
			endpoint.answer = answer;
			const { verifier } = verifierFor();
			const check = await verifier.verify(bearer(token()), endpoint.fetch, NOW);
			expectRejected(check, 'jwks_unavailable', 503);
			expect(!check.ok && check.detail).toContain(detail);
		}
	});

	test('a refresh that fails keeps refusing with 503, not with a pass', async () => {
		const endpoint = jwksEndpoint([rsa]);
		const { verifier } = verifierFor();
		await verifier.verify(bearer(token()), endpoint.fetch, NOW);
		endpoint.answer = new Error('timeout of 5000ms exceeded');
		const check = await verifier.verify(bearer(token({ key: ec })), endpoint.fetch, NOW + 61);
		expectRejected(check, 'jwks_unavailable', 503);
		// The cached, still fresh set keeps working for the keys it has.
		expect((await verifier.verify(bearer(token({ key: rsa })), endpoint.fetch, NOW + 62)).ok).toBe(true);
	});

	test('readJwks keeps the usable keys and says why it skipped the others', () => {
		const weak = generateKeyPairSync('rsa', { modulusLength: 1024 }).publicKey.export({ format: 'jwk' });
		const set = readJwks({
			keys: [
				rsa.jwk,
				{ ...ec.jwk, use: 'enc' },
				{ kty: 'oct', k: 'c2VjcmV0', kid: 'h' },
				{ ...weak, kid: 'weak' },
				{ ...ed.jwk, alg: 'RS256' },
				{ ...rsa.jwk, kid: 'private', d: 'AQAB' },
				'not a key',
			],
		});
		expect(set.keys.map((key) => key.kid)).toEqual([rsa.kid]);
		expect(set.skipped).toHaveLength(6);
		expect(set.skipped.join('\n')).toMatch(
			/use "enc"[\s\S]*oct[\s\S]*2048 bits[\s\S]*cannot verify RS256[\s\S]*private key[\s\S]*not a JSON object/,
		);
	});

	test('an Ed25519 JWK of small order is skipped', () => {
		const zero = Buffer.alloc(32).toString('base64url');
		expect(() => readJwks({ keys: [{ kty: 'OKP', crv: 'Ed25519', x: zero }] })).toThrow(/small order/);
	});
});

describe('access token verifier: pasted keys', () => {
	const pem = (key: SigningKey) => key.publicKey.export({ format: 'pem', type: 'spki' }).toString();

	test('PEM public keys (several, for a rotation) verify tokens with or without kid', async () => {
		const keys = readPastedKeys(`${pem(rsa)}\n${pem(ed)}`);
		expect(keys.keys.map((key) => key.label)).toEqual(['RSA 2048-bit key', 'Ed25519 key']);
		const { verifier } = verifierFor({ kind: 'pasted', keys });
		const noFetch = async () => {
			throw new Error('pasted keys never fetch');
		};
		expect((await verifier.verify(bearer(token({ key: ed })), noFetch, NOW)).ok).toBe(true);
		expect((await verifier.verify(bearer(token({ key: rsa, header: { kid: undefined } })), noFetch, NOW)).ok).toBe(
			true,
		);
		expectRejected(await verifier.verify(bearer(token({ key: ec })), noFetch, NOW), 'unknown_signing_key');
	});

	test('a PEM pasted on one line with literal \\n, a JWK and a JWKS are read too', () => {
		expect(readPastedKeys(pem(ec).replace(/\n/g, '\\n')).keys).toHaveLength(1);
		expect(readPastedKeys(JSON.stringify(ec.jwk)).keys[0]?.kid).toBe(ec.kid);
		expect(readPastedKeys(JSON.stringify({ keys: [ec.jwk, ed.jwk] })).keys).toHaveLength(2);
	});

	test.each([
		['nothing', '', /No public key/],
		['text', 'hello', /not PEM/],
		['a private key', rsa.privateKey.export({ format: 'pem', type: 'pkcs8' }).toString(), /private key/],
		['a damaged PEM', '-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----', /damaged/],
		[
			'a 1024-bit RSA key',

			generateKeyPairSync('rsa', { modulusLength: 1024 }).publicKey.export({ format: 'pem', type: 'spki' }).toString(),
			/2048 bits/,
		],
		['an HMAC JWK', '{"kty":"oct","k":"c2VjcmV0"}', /oct/],
		['broken JSON', '{not json', /not valid JSON/],
	])('refuses %s', (_what, text, message) => {
		expect(() => readPastedKeys(text)).toThrow(AccessTokenKeyError);
		expect(() => readPastedKeys(text)).toThrow(message);
	});
});

describe('access token verifier: settings', () => {
	test.each([
		[{ issuer: ' ' }, /Issuer is empty/],
		[{ audience: '' }, /Audience is empty/],
		[{ algorithms: [] }, /at least one algorithm/],
		[{ algorithms: ['none'] }, /not supported/],
	])('refuses %j', (overrides, message) => {
		expect(
			() => new AccessTokenVerifier({ ...policy, ...overrides } as never, { kind: 'jwks', url: JWKS_URL }),
		).toThrow(message);
	});
});
