/** The access-token verifier: algorithms and signatures, and the Authorization header. */
import { createHmac, createPublicKey, sign } from 'node:crypto';

import {
	AccessTokenSettingsError,
	AccessTokenVerifier,
	readPastedKeys,
	verifyJwsSignature,
	type JwsAlgorithmName,
} from '../../nodes/TechWolfTrigger/verification/accessToken';
import { generateSigningKey } from '../../e2e/services/jws';
import { readVector } from '../vectors/read';
import {
	JWKS_URL,
	NOW,
	policy,
	rsa,
	ec,
	ed,
	claims,
	token,
	bearer,
	jwksEndpoint,
	verifierFor,
	expectRejected,
} from './tokens';

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

	const vectors = JSON.parse(readVector('jws_known_answers.json')) as {
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
