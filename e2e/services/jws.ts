/**
 * The signing side of JWT access tokens for the consumer's authorization server (e2e/services/authorization-server.ts):
 * key pairs published as JWKs with the RFC 7638 thumbprint as `kid`, and JWS compact serialization (RFC 7515 §7.1)
 * signed per RFC 7518 §3 and RFC 8037. Written from the standards, not from the node's verifier.
 */
import { createHash, generateKeyPairSync, sign, type JsonWebKey, type KeyObject } from 'node:crypto';

export type TokenAlgorithm = 'RS256' | 'ES256' | 'EdDSA';

export interface SigningKey {
	kid: string;
	algorithm: TokenAlgorithm;
	privateKey: KeyObject;
	publicKey: KeyObject;
	/** The public JWK as published, with kid, use and alg. */
	jwk: JsonWebKey & { kid: string; use: 'sig'; alg: TokenAlgorithm };
}

function base64url(bytes: Uint8Array | string): string {
	return Buffer.from(bytes).toString('base64url');
}

/** RFC 7638: SHA-256 over the required members, in lexicographic order, without whitespace. */
function thumbprint(jwk: JsonWebKey): string {
	const members: Record<string, readonly string[]> = {
		RSA: ['e', 'kty', 'n'],
		EC: ['crv', 'kty', 'x', 'y'],
		OKP: ['crv', 'kty', 'x'],
	};
	const required = members[jwk.kty ?? ''] ?? [];
	const canonical = `{${required.map((name) => `"${name}":"${String(jwk[name as keyof JsonWebKey])}"`).join(',')}}`;
	return base64url(createHash('sha256').update(canonical).digest());
}

export function generateSigningKey(algorithm: TokenAlgorithm): SigningKey {
	const pair =
		algorithm === 'RS256'
			? generateKeyPairSync('rsa', { modulusLength: 2048 })
			: algorithm === 'ES256'
				? generateKeyPairSync('ec', { namedCurve: 'P-256' })
				: generateKeyPairSync('ed25519');
	const publicJwk = pair.publicKey.export({ format: 'jwk' });
	const kid = thumbprint(publicJwk);
	return {
		kid,
		algorithm,
		privateKey: pair.privateKey,
		publicKey: pair.publicKey,
		jwk: { ...publicJwk, kid, use: 'sig', alg: algorithm },
	};
}

/** JWS compact serialization (RFC 7515 §7.1) signed per RFC 7518 §3: ECDSA as fixed-width r || s. */
export function signJws(header: Record<string, unknown>, claims: Record<string, unknown>, key: SigningKey): string {
	const input = `${base64url(JSON.stringify(header))}.${base64url(JSON.stringify(claims))}`;
	const data = Buffer.from(input);
	const signature =
		key.algorithm === 'RS256'
			? sign('sha256', data, key.privateKey)
			: key.algorithm === 'ES256'
				? sign('sha256', data, { key: key.privateKey, dsaEncoding: 'ieee-p1363' })
				: sign(null, data, key.privateKey);
	return `${input}.${base64url(signature)}`;
}
