/**
 * The Ed25519 primitive: Node's built-in crypto (OpenSSL), imported as `node:crypto` so that the same module runs
 * under Deno. No third-party code: n8n Cloud refuses runtime dependencies, and OpenSSL agrees with every Wycheproof
 * vector (test/signature/ runs them all, under Node and Deno).
 *
 * OpenSSL does not refuse small-order public keys, and with one of those (an all-zero placeholder, say) the signature
 * (R = that point, S = 0) verifies for any message. So keys are checked here, once, when they are configured:
 * canonical encoding, on the curve, and not one of the eight points of small order.
 */
import { createPublicKey, verify, type KeyObject } from 'node:crypto';

/** DER prefix of a SubjectPublicKeyInfo holding a raw 32-byte Ed25519 key (RFC 8410). */
const SPKI_ED25519_PREFIX = [0x30, 0x2a, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x03, 0x21, 0x00];

export const PUBLIC_KEY_BYTES = 32;
export const SIGNATURE_BYTES = 64;

// Curve constants as BigInt() calls rather than literals, so that the module compiles for the ES2019/2020 targets n8n uses.
const P = BigInt(2) ** BigInt(255) - BigInt(19);
const ZERO = BigInt(0);
const ONE = BigInt(1);
/** d = -121665 / 121666 mod p */
const D = mod(-BigInt(121665) * modPow(BigInt(121666), P - BigInt(2)));
/** y-coordinate of the points of order 8 (the other one is p - C8); libsodium's small-order blocklist holds both. */
const C8 = BigInt('2707385501144840649318225287225658788936804267575313519463743609750303402022');
/** y-coordinates of all eight points of small order: identity (1), order 2 (p-1), order 4 (0), order 8 (±C8). */
const SMALL_ORDER_Y = [ONE, P - ONE, ZERO, C8, P - C8];

function mod(value: bigint): bigint {
	const result = value % P;
	return result >= ZERO ? result : result + P;
}

function modPow(base: bigint, exponent: bigint): bigint {
	let result = ONE;
	let b = mod(base);
	let e = exponent;
	while (e > ZERO) {
		if (e & ONE) result = (result * b) % P;
		b = (b * b) % P;
		e >>= ONE;
	}
	return result;
}

export type PublicKeyProblem = 'wrong-length' | 'non-canonical' | 'not-on-curve' | 'small-order';

/** Why `raw` is not a usable Ed25519 public key (32 bytes), or undefined when it is one. */
export function publicKeyProblem(raw: Uint8Array): PublicKeyProblem | undefined {
	if (raw.length !== PUBLIC_KEY_BYTES) return 'wrong-length';
	let y = ZERO;
	for (let i = PUBLIC_KEY_BYTES - 1; i >= 0; i--) y = (y << BigInt(8)) | BigInt(i === 31 ? raw[i] & 0x7f : raw[i]);
	const xIsOdd = (raw[31] & 0x80) !== 0;
	if (y >= P) return 'non-canonical';
	// x² = (y² - 1) / (d·y² + 1); a point exists only if the right-hand side is a square (Euler's criterion).
	const u = mod(y * y - ONE);
	const v = mod(D * y * y + ONE);
	const xSquared = mod(u * modPow(v, P - BigInt(2)));
	if (xSquared !== ZERO && modPow(xSquared, (P - ONE) / BigInt(2)) !== ONE) return 'not-on-curve';
	// x = 0 has no negative; its encoding with the sign bit set is a second spelling of the same point.
	if (xSquared === ZERO && xIsOdd) return 'non-canonical';
	if (SMALL_ORDER_Y.includes(y)) return 'small-order';
	return undefined;
}

/** Builds the KeyObject for a configured key; done once per key (verifierFor() caches), never per request. */
export function importPublicKey(raw: Uint8Array): KeyObject {
	const der = new Uint8Array(SPKI_ED25519_PREFIX.length + PUBLIC_KEY_BYTES);
	der.set(SPKI_ED25519_PREFIX);
	der.set(raw, SPKI_ED25519_PREFIX.length);
	return createPublicKey({ key: der as unknown as Buffer, format: 'der', type: 'spki' });
}

/** Plain RFC 8032 verification; false, never a throw, for anything that is not a valid signature. */
export function verifyEd25519(key: KeyObject, message: Uint8Array, signature: Uint8Array): boolean {
	if (signature.length !== SIGNATURE_BYTES) return false;
	try {
		return verify(null, message, key, signature);
	} catch {
		return false;
	}
}
