/**
 * The JWS signature algorithms an access token may use (RFC 7518 §3, RFC 8037 for EdDSA), each bound to the one key
 * type that may verify it, and verified with Node's built-in crypto. Anything not in this table, `none` and the HMAC
 * algorithms (HS256, ...) included, has no entry and so can never verify: HMAC needs a shared secret, and checking an
 * HS256 token "with the public key as secret" is the classic way to forge tokens under a public key.
 */
import { constants, verify, type KeyObject } from 'node:crypto';

import { MIN_RSA_BITS } from '../../../shared/keys';

export interface JwsAlgorithm {
	/** Node's digest name; null for EdDSA, which hashes internally. */
	hash: 'sha256' | 'sha384' | 'sha512' | null;
	/** JWK `kty` a key for this algorithm has. */
	kty: 'RSA' | 'EC' | 'OKP';
	/** Named curves (JWK `crv`) allowed for EC and OKP keys. */
	curves?: readonly string[];
	/** PS*: RSASSA-PSS with the salt as long as the hash (RFC 7518 §3.5). */
	pss?: true;
}

export const JWS_ALGORITHMS = {
	RS256: { hash: 'sha256', kty: 'RSA' },
	RS384: { hash: 'sha384', kty: 'RSA' },
	RS512: { hash: 'sha512', kty: 'RSA' },
	PS256: { hash: 'sha256', kty: 'RSA', pss: true },
	PS384: { hash: 'sha384', kty: 'RSA', pss: true },
	PS512: { hash: 'sha512', kty: 'RSA', pss: true },
	ES256: { hash: 'sha256', kty: 'EC', curves: ['P-256'] },
	ES384: { hash: 'sha384', kty: 'EC', curves: ['P-384'] },
	ES512: { hash: 'sha512', kty: 'EC', curves: ['P-521'] },
	EdDSA: { hash: null, kty: 'OKP', curves: ['Ed25519', 'Ed448'] },
} as const satisfies Record<string, JwsAlgorithm>;

export type JwsAlgorithmName = keyof typeof JWS_ALGORITHMS;

export const SUPPORTED_ALGORITHMS = Object.keys(JWS_ALGORITHMS) as JwsAlgorithmName[];

/** RS256 is what Auth0, Entra ID, Keycloak and Okta sign with by default; ES256 and EdDSA are the modern choices. */
export const DEFAULT_ALGORITHMS: readonly JwsAlgorithmName[] = ['RS256', 'ES256', 'EdDSA'];

/** Node's names for the JWK curves, as `asymmetricKeyDetails.namedCurve` reports them. */
const NODE_CURVES: Record<string, string> = { 'P-256': 'prime256v1', 'P-384': 'secp384r1', 'P-521': 'secp521r1' };

export function isSupportedAlgorithm(name: unknown): name is JwsAlgorithmName {
	return typeof name === 'string' && Object.prototype.hasOwnProperty.call(JWS_ALGORITHMS, name);
}

/**
 * Whether `key` is of the type `algorithm` needs: an RSA key of at least 2048 bits for RS/PS, a key on the named
 * curve for ES, an Ed25519 or Ed448 key for EdDSA. A key of another type never verifies, whatever the token says.
 */
export function keyFitsAlgorithm(key: KeyObject, algorithm: JwsAlgorithmName): boolean {
	const spec: JwsAlgorithm = JWS_ALGORITHMS[algorithm];
	if (key.type !== 'public') return false;
	const type = key.asymmetricKeyType;
	switch (spec.kty) {
		case 'RSA':
			return type === 'rsa' && (key.asymmetricKeyDetails?.modulusLength ?? 0) >= MIN_RSA_BITS;
		case 'EC':
			return type === 'ec' && spec.curves?.some((curve) => NODE_CURVES[curve] === namedCurve(key)) === true;
		case 'OKP':
			return type === 'ed25519' || type === 'ed448';
	}
}

function namedCurve(key: KeyObject): string | undefined {
	return key.asymmetricKeyDetails?.namedCurve;
}

/**
 * Verifies a JWS signature over `signingInput` (the token's first two segments, as received). ECDSA signatures are
 * the fixed-width `r || s` of RFC 7518 §3.4, not DER. False, never a throw, for anything that does not verify.
 */
export function verifyJwsSignature(
	algorithm: JwsAlgorithmName,
	key: KeyObject,
	signingInput: Uint8Array,
	signature: Uint8Array,
): boolean {
	if (!keyFitsAlgorithm(key, algorithm)) return false;
	const spec: JwsAlgorithm = JWS_ALGORITHMS[algorithm];
	try {
		if (spec.kty === 'EC') return verify(spec.hash, signingInput, { key, dsaEncoding: 'ieee-p1363' }, signature);
		if (spec.pss) {
			return verify(
				spec.hash,
				signingInput,
				{ key, padding: constants.RSA_PKCS1_PSS_PADDING, saltLength: constants.RSA_PSS_SALTLEN_DIGEST },
				signature,
			);
		}
		return verify(spec.hash, signingInput, key, signature);
	} catch {
		return false;
	}
}
