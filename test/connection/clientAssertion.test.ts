/** The node's client-assertion signer, read by an independent verifier (the sandbox's) and by Node's crypto directly. */
import { generateKeyPairSync, verify, type KeyObject } from 'node:crypto';

import {
	ASSERTION_LIFETIME_SECONDS,
	CLIENT_ASSERTION_TYPE,
	ClientAssertionError,
	readPrivateKey,
	signClientAssertion,
} from '../../nodes/TechWolf/connection/clientAssertion';
import { normalizePem } from '../../nodes/shared/keys';
import { AssertionRefused, ClientAssertionVerifier, JWT_BEARER_ASSERTION_TYPE } from '../../sandbox/clientAssertion';

const TOKEN_URL = 'https://techwolf.eu.auth0.com/oauth/token';
const CLIENT_ID = 'client-abc';
const NOW = 1_800_000_000;

function pair(type: 'rsa' | 'ec', options: { modulusLength?: number; namedCurve?: string }) {
	const generated =
		type === 'rsa'
			? generateKeyPairSync('rsa', { modulusLength: options.modulusLength ?? 2048 })
			: generateKeyPairSync('ec', { namedCurve: options.namedCurve ?? 'prime256v1' });
	return {
		privatePem: generated.privateKey.export({ type: 'pkcs8', format: 'pem' }) as string,
		publicPem: generated.publicKey.export({ type: 'spki', format: 'pem' }) as string,
		publicKey: generated.publicKey,
	};
}

const rsa = pair('rsa', {});
const p256 = pair('ec', {});

function decode(assertion: string) {
	const [header, payload, signature] = assertion.split('.') as [string, string, string];
	return {
		header: JSON.parse(Buffer.from(header, 'base64url').toString()) as Record<string, unknown>,
		payload: JSON.parse(Buffer.from(payload, 'base64url').toString()) as Record<string, unknown>,
		message: Buffer.from(`${header}.${payload}`),
		signature: Buffer.from(signature, 'base64url'),
	};
}

const expectations = { clientId: CLIENT_ID, tokenUrl: TOKEN_URL, now: NOW };

test('the assertion type is the jwt-bearer URN on both sides', () => {
	expect(CLIENT_ASSERTION_TYPE).toBe('urn:ietf:params:oauth:client-assertion-type:jwt-bearer');
	expect(JWT_BEARER_ASSERTION_TYPE).toBe(CLIENT_ASSERTION_TYPE);
});

describe.each([
	['RSA 2048', rsa, 'RS256'],
	['EC P-256', p256, 'ES256'],
])('%s key', (_name, keys, algorithm) => {
	test(`signs ${algorithm} with the documented claims plus iat and a fresh jti`, () => {
		const { assertion, algorithm: chosen } = signClientAssertion({
			clientId: CLIENT_ID,
			tokenUrl: TOKEN_URL,
			privateKeyPem: keys.privatePem,
			now: NOW,
		});
		expect(chosen).toBe(algorithm);
		const { header, payload, message, signature } = decode(assertion);
		expect(header).toEqual({ alg: algorithm, typ: 'JWT' });
		expect(payload).toEqual({
			iss: CLIENT_ID,
			sub: CLIENT_ID,
			aud: TOKEN_URL,
			iat: NOW,
			exp: NOW + ASSERTION_LIFETIME_SECONDS,
			jti: expect.stringMatching(/^[0-9a-f-]{36}$/),
		});
		const publicKey: KeyObject = keys.publicKey;
		const valid =
			algorithm === 'ES256'
				? verify('sha256', message, { key: publicKey, dsaEncoding: 'ieee-p1363' }, signature)
				: verify('sha256', message, publicKey, signature);
		expect(valid).toBe(true);
		if (algorithm === 'ES256') expect(signature).toHaveLength(64);
	});

	test('the sandbox verifier accepts it once and refuses the replay', () => {
		const verifier = new ClientAssertionVerifier([keys.publicPem]);
		const { assertion } = signClientAssertion({
			clientId: CLIENT_ID,
			tokenUrl: TOKEN_URL,
			privateKeyPem: keys.privatePem,
			now: NOW,
		});
		expect(verifier.verify(assertion, expectations).iss).toBe(CLIENT_ID);
		expect(() => verifier.verify(assertion, expectations)).toThrow('replayed jti');
		const second = signClientAssertion({
			clientId: CLIENT_ID,
			tokenUrl: TOKEN_URL,
			privateKeyPem: keys.privatePem,
			now: NOW,
		});
		expect(decode(second.assertion).payload.jti).not.toBe(decode(assertion).payload.jti);
		expect(() => verifier.verify(second.assertion, expectations)).not.toThrow();
	});
});

describe('the sandbox verifier refuses', () => {
	const sign = (overrides: Partial<Parameters<typeof signClientAssertion>[0]> = {}) =>
		signClientAssertion({
			clientId: CLIENT_ID,
			tokenUrl: TOKEN_URL,
			privateKeyPem: rsa.privatePem,
			now: NOW,
			...overrides,
		}).assertion;
	const verifier = () => new ClientAssertionVerifier([rsa.publicPem]);

	test('an expired assertion', () => {
		expect(() => verifier().verify(sign(), { ...expectations, now: NOW + ASSERTION_LIFETIME_SECONDS })).toThrow(
			'expired',
		);
	});
	test('another audience', () => {
		expect(() => verifier().verify(sign({ tokenUrl: 'https://elsewhere/oauth/token' }), expectations)).toThrow('aud');
	});
	test('another client', () => {
		expect(() => verifier().verify(sign({ clientId: 'someone-else' }), expectations)).toThrow('iss and sub');
	});
	test('a key that is not registered', () => {
		const other = pair('rsa', {});
		expect(() => verifier().verify(sign({ privateKeyPem: other.privatePem }), expectations)).toThrow(
			'Invalid signature',
		);
	});
	test('an ES256 assertion when only an RSA key is registered', () => {
		expect(() => verifier().verify(sign({ privateKeyPem: p256.privatePem }), expectations)).toThrow('No ES256 key');
	});
	test('a tampered payload', () => {
		const [header, , signature] = sign().split('.');
		const payload = Buffer.from(
			JSON.stringify({ iss: CLIENT_ID, sub: CLIENT_ID, aud: TOKEN_URL, exp: NOW + 30, jti: 'x' }),
		).toString('base64url');
		expect(() => verifier().verify(`${header}.${payload}.${signature}`, expectations)).toThrow('Invalid signature');
	});
	test('alg none, and anything that is not a compact JWS', () => {
		const unsigned = `${Buffer.from('{"alg":"none"}').toString('base64url')}.${Buffer.from('{}').toString('base64url')}.`;
		expect(() => verifier().verify(unsigned, expectations)).toThrow('Unsupported assertion algorithm none');
		expect(() => verifier().verify('a.b', expectations)).toThrow(AssertionRefused);
		expect(() => verifier().verify(undefined, expectations)).toThrow('missing');
	});
});

describe('keys the signer refuses, naming what to paste instead', () => {
	const refuse = (pem: string) => () => readPrivateKey(pem);

	test('an empty field', () => expect(refuse('  ')).toThrow('Private Key is empty'));
	test('a public key or certificate', () => expect(refuse(rsa.publicPem)).toThrow('holds a public key'));
	test('an encrypted key', () => {
		const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
		const encrypted = privateKey.export({
			type: 'pkcs8',
			format: 'pem',
			cipher: 'aes-256-cbc',
			passphrase: 'secret',
		}) as string;
		expect(refuse(encrypted)).toThrow('encrypted with a passphrase');
	});
	test('a damaged PEM', () =>
		expect(refuse('-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----')).toThrow('could not be read'));
	test('text that is no PEM', () => expect(refuse('my secret')).toThrow('not a PEM private key'));
	test('RSA under 2048 bits', () =>
		expect(refuse(pair('rsa', { modulusLength: 1024 }).privatePem)).toThrow('1024 bits'));
	test('another curve', () => expect(refuse(pair('ec', { namedCurve: 'secp384r1' }).privatePem)).toThrow('secp384r1'));
	test('Ed25519', () => {
		const ed = generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }) as string;
		expect(refuse(ed)).toThrow(ClientAssertionError);
		expect(refuse(ed)).toThrow('ed25519; use an RSA key (signed RS256) or an EC P-256 key (signed ES256)');
	});
	test('no client id', () =>
		expect(() => signClientAssertion({ clientId: ' ', tokenUrl: TOKEN_URL, privateKeyPem: rsa.privatePem })).toThrow(
			'Client ID is empty',
		));
});

describe('PEMs as they get pasted', () => {
	test('with literal \\n sequences, or on one line with spaces', () => {
		const escaped = rsa.privatePem.trim().replace(/\n/g, '\\n');
		const spaced = rsa.privatePem.trim().replace(/\n/g, ' ');
		expect(normalizePem(escaped)).toBe(rsa.privatePem.trim());
		expect(normalizePem(spaced)).toBe(rsa.privatePem.trim());
		expect(readPrivateKey(spaced).asymmetricKeyType).toBe('rsa');
	});
	test('PKCS #1 and SEC 1 keys as well as PKCS #8', () => {
		const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
		expect(readPrivateKey(privateKey.export({ type: 'pkcs1', format: 'pem' }) as string).asymmetricKeyType).toBe('rsa');
		const ec = generateKeyPairSync('ec', { namedCurve: 'prime256v1' }).privateKey;
		expect(readPrivateKey(ec.export({ type: 'sec1', format: 'pem' }) as string).asymmetricKeyType).toBe('ec');
	});
	test('a key id becomes the kid header', () => {
		const { assertion } = signClientAssertion({
			clientId: CLIENT_ID,
			tokenUrl: TOKEN_URL,
			privateKeyPem: p256.privatePem,
			keyId: 'k-1',
		});
		expect(decode(assertion).header).toEqual({ alg: 'ES256', typ: 'JWT', kid: 'k-1' });
	});
});
