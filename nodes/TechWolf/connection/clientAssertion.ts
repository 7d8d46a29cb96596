/**
 * Private-key JWT client authentication (RFC 7523 §2.2, OpenID Connect Core §9 `private_key_jwt`): the client signs a
 * short-lived JWT with its private key, and the token endpoint verifies it with the public key TechWolf registered.
 *
 * TechWolf's Authentication page gives the claims (`iss` = `sub` = client_id, `aud` = the token URL, `exp`); the rest
 * of that page is not readable, so the algorithm and the token request's parameter names are the standard ones:
 * RS256 for an RSA key, ES256 for an EC P-256 key, sent as `client_assertion` with the jwt-bearer
 * `client_assertion_type`. Each assertion also carries `iat` and a fresh `jti`, so that the server can refuse a replay.
 *
 * Node's built-in crypto only: n8n Cloud refuses runtime dependencies. Every key problem is a ClientAssertionError
 * whose message tells the user what to paste instead; nothing here logs or echoes the key.
 */
import { createPrivateKey, randomUUID, sign, type KeyObject } from 'node:crypto';

import { MIN_RSA_BITS, normalizePem } from '../../shared/keys';

/** `client_assertion_type` for a JWT client assertion (RFC 7523 §2.2). */
export const CLIENT_ASSERTION_TYPE = 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer';

/** The signing algorithms offered, one per key type: the JWS names of RFC 7518 §3.1. */
export type ClientAssertionAlgorithm = 'RS256' | 'ES256';

/**
 * How long an assertion is valid. It is used once, right away; Auth0 (TechWolf's authorization server) accepts at
 * most five minutes, and a minute leaves room for a host clock that is slightly off.
 */
export const ASSERTION_LIFETIME_SECONDS = 60;

export class ClientAssertionError extends Error {}

export interface ClientAssertionInput {
	clientId: string;
	/** The token endpoint the assertion is sent to: its `aud`. */
	tokenUrl: string;
	/** The private key as PEM (PKCS #8 `PRIVATE KEY`, PKCS #1 `RSA PRIVATE KEY` or SEC 1 `EC PRIVATE KEY`). */
	privateKeyPem: string;
	/** Optional `kid` header, when the authorization server names the registered key. */
	keyId?: string;
	/** Unix seconds; the clock by default. */
	now?: number;
	/** The `jti`; a random UUID by default. */
	jwtId?: string;
}

export interface ClientAssertion {
	assertion: string;
	algorithm: ClientAssertionAlgorithm;
}

/** Reads the private key, refusing anything that is not an unencrypted RSA or P-256 private key, with a reason. */
export function readPrivateKey(privateKeyPem: string): KeyObject {
	const pem = normalizePem(privateKeyPem ?? '');
	if (pem === '')
		throw new ClientAssertionError('Private Key is empty: paste the PEM of the key you registered with TechWolf');
	if (/-----BEGIN (RSA )?PUBLIC KEY-----|-----BEGIN CERTIFICATE-----/.test(pem)) {
		throw new ClientAssertionError(
			'Private Key holds a public key or a certificate: paste the private key (-----BEGIN PRIVATE KEY-----); TechWolf keeps the public one',
		);
	}
	if (/-----BEGIN ENCRYPTED PRIVATE KEY-----|Proc-Type: 4,ENCRYPTED/.test(pem)) {
		throw new ClientAssertionError(
			'Private Key is encrypted with a passphrase: export it unencrypted (openssl pkey -in key.pem -out plain.pem); n8n encrypts credentials at rest',
		);
	}
	if (!/-----BEGIN [A-Z ]*PRIVATE KEY-----/.test(pem)) {
		throw new ClientAssertionError(
			'Private Key is not a PEM private key: it must start with -----BEGIN PRIVATE KEY-----',
		);
	}
	const key = parsePrivateKey(pem);
	if (!key) {
		throw new ClientAssertionError(
			'Private Key could not be read: the PEM is damaged or incomplete (check the BEGIN and END lines)',
		);
	}
	algorithmFor(key);
	return key;
}

function parsePrivateKey(pem: string): KeyObject | undefined {
	try {
		return createPrivateKey({ key: pem, format: 'pem' });
	} catch {
		return undefined;
	}
}

/** RS256 for RSA (2048 bits or more), ES256 for EC P-256; any other key is refused with what is supported. */
export function algorithmFor(key: KeyObject): ClientAssertionAlgorithm {
	const details = key.asymmetricKeyDetails ?? {};
	switch (key.asymmetricKeyType) {
		case 'rsa': {
			const bits = details.modulusLength ?? 0;
			if (bits < MIN_RSA_BITS) {
				throw new ClientAssertionError(`Private Key is RSA with ${bits} bits; use at least ${MIN_RSA_BITS} bits`);
			}
			return 'RS256';
		}
		case 'ec':
			if (details.namedCurve === 'prime256v1') return 'ES256';
			throw new ClientAssertionError(
				`Private Key is on the elliptic curve ${details.namedCurve ?? 'unknown'}; only P-256 (ES256) is supported, or use an RSA key (RS256)`,
			);
		default:
			throw new ClientAssertionError(
				`Private Key is of type ${key.asymmetricKeyType ?? 'unknown'}; use an RSA key (signed RS256) or an EC P-256 key (signed ES256)`,
			);
	}
}

function base64urlJson(value: object): string {
	return Buffer.from(JSON.stringify(value), 'utf8').toString('base64url');
}

/** The JWS signing input `base64url(header).base64url(payload)` (RFC 7515 §5.1). */
function signingInput(header: object, payload: object): string {
	return `${base64urlJson(header)}.${base64urlJson(payload)}`;
}

/**
 * Signs one client assertion. ES256 signatures are the raw 64-byte `r || s` JWS requires (RFC 7518 §3.4), not the
 * DER form OpenSSL produces by default.
 */
export function signClientAssertion(input: ClientAssertionInput): ClientAssertion {
	const clientId = (input.clientId ?? '').trim();
	if (clientId === '') throw new ClientAssertionError('Client ID is empty: it is the iss and sub of the assertion');
	const key = readPrivateKey(input.privateKeyPem);
	const algorithm = algorithmFor(key);
	const now = input.now ?? Math.floor(Date.now() / 1000);
	const keyId = input.keyId?.trim();
	const header = { alg: algorithm, typ: 'JWT', ...(keyId ? { kid: keyId } : {}) };
	const payload = {
		iss: clientId,
		sub: clientId,
		aud: input.tokenUrl,
		iat: now,
		exp: now + ASSERTION_LIFETIME_SECONDS,
		jti: input.jwtId ?? randomUUID(),
	};
	const message = signingInput(header, payload);
	const signature =
		algorithm === 'ES256'
			? sign('sha256', Buffer.from(message), { key, dsaEncoding: 'ieee-p1363' })
			: sign('sha256', Buffer.from(message), key);
	return { assertion: `${message}.${signature.toString('base64url')}`, algorithm };
}
