/** The access-token verifier: where keys come from (a JWKS, pasted keys) and the settings it refuses. */
import { generateKeyPairSync } from 'node:crypto';

import {
	AccessTokenKeyError,
	AccessTokenVerifier,
	checkJwksUrl,
	readJwks,
	readPastedKeys,
} from '../../nodes/TechWolfTrigger/verification/accessToken';
import { accessTokenVerifierFor } from '../../nodes/TechWolfTrigger/verification/accessToken/credential';
import { generateSigningKey, type SigningKey } from '../../e2e/services/jws';
import { JWKS_URL, NOW, policy, rsa, ec, ed, token, bearer, jwksEndpoint, verifierFor, expectRejected } from './tokens';

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

describe('access token verifier: built once per credential', () => {
	const data = (key: SigningKey) => ({
		publicKeys: key.publicKey.export({ format: 'pem', type: 'spki' }).toString(),
		issuer: policy.issuer,
		audience: policy.audience,
		algorithms: [...policy.algorithms],
	});
	const noFetch = async () => {
		throw new Error('pasted keys never fetch');
	};

	test('the same credential data reuses its verifier; changed data builds a new one', async () => {
		const verifier = accessTokenVerifierFor('publicKey', data(rsa));
		expect(accessTokenVerifierFor('publicKey', data(rsa))).toBe(verifier);
		const rotated = accessTokenVerifierFor('publicKey', data(ec));
		expect(rotated).not.toBe(verifier);
		expect((await rotated.verify(bearer(token({ key: ec })), noFetch, NOW)).ok).toBe(true);
		expectRejected(await rotated.verify(bearer(token({ key: rsa })), noFetch, NOW), 'unknown_signing_key');
		expect(accessTokenVerifierFor('publicKey', { ...data(rsa), audience: 'another' })).not.toBe(verifier);
	});

	test('unusable keys throw on every request: nothing is kept', () => {
		const unusable = { ...data(rsa), publicKeys: 'hello' };
		expect(() => accessTokenVerifierFor('publicKey', unusable)).toThrow(/not PEM/);
		expect(() => accessTokenVerifierFor('publicKey', unusable)).toThrow(/not PEM/);
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

describe('access token settings: the JWKS URL', () => {
	test.each([
		'https://auth.example.com/.well-known/jwks.json',
		'http://localhost:8080/jwks',
		'http://127.0.0.1:9000/jwks',
		'http://127.1/jwks',
		'http://0x7f.0.0.1/jwks',
		'http://[::1]:9000/jwks',
		'http://[0:0:0:0:0:0:0:1]/jwks',
	])('accepts %s', (url) => {
		expect(() => checkJwksUrl(url)).not.toThrow();
	});

	test.each([
		['http://auth.example.com/jwks', 'auth.example.com'],
		['http://10.0.0.7/jwks', '10.0.0.7'],
		['http://localhost.example.com/jwks', 'localhost.example.com'],
		['http://127.0.0.1.nip.io/jwks', '127.0.0.1.nip.io'],
		['http://[::ffff:127.0.0.1]/jwks', '[::ffff:7f00:1]'],
		['http://[2001:db8::1]/jwks', '[2001:db8::1]'],
	])('refuses plain http to another machine: %s', (url, host) => {
		expect(() => checkJwksUrl(url)).toThrow(
			`JWKS URL must start with https://: plain http:// is accepted only for a JWKS on this machine (localhost, 127.0.0.0/8 or [::1]), not for ${host}`,
		);
	});

	test('refuses what is not an http(s) URL', () => {
		expect(() => checkJwksUrl('auth.example.com/jwks')).toThrow('is not a URL');
		expect(() => checkJwksUrl('file:///etc/jwks.json')).toThrow('JWKS URL must start with https://');
	});
});
