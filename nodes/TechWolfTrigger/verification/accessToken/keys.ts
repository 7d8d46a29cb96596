/**
 * The public keys access tokens are checked with: read from a JWKS document (RFC 7517 §5) or from what a user pastes
 * (PEM public keys or certificates, a JWK or a JWKS). Only asymmetric verification keys are kept; a key that cannot
 * verify (an HMAC `oct` key, an encryption key, an RSA key under 2048 bits, an Ed25519 key of small order) is set
 * aside with the reason, so that a key set with one odd entry still works and the credential test can say what it
 * skipped.
 */
import { createPublicKey, type JsonWebKey, type KeyObject } from 'node:crypto';

import { MIN_RSA_BITS, normalizePem } from '../../../shared/keys';
import { publicKeyProblem } from '../signature/ed25519';
import { JWS_ALGORITHMS, isSupportedAlgorithm, keyFitsAlgorithm, type JwsAlgorithmName } from './algorithms';

export interface VerificationKey {
	/** JWK `kid`; pasted PEM keys have none. */
	kid?: string;
	/** JWK `alg`: when set, the only algorithm the key may verify. */
	alg?: JwsAlgorithmName;
	key: KeyObject;
	/** Short description for messages, e.g. "RSA 2048-bit key kid=abc". Never the key material. */
	label: string;
}

export interface KeySet {
	keys: VerificationKey[];
	/** Why entries were left out, one line each. */
	skipped: string[];
}

/** A key set larger than any issuer publishes would only make each token with an unknown `kid` more work. */
export const MAX_KEYS = 50;
/** Pasted keys: a handful covers any rotation. */
export const MAX_PASTED_KEYS = 8;

export class AccessTokenKeyError extends Error {
	constructor(message: string) {
		super(message);
		this.name = 'AccessTokenKeyError';
	}
}

function describe(key: KeyObject, kid: string | undefined): string {
	const details = key.asymmetricKeyDetails;
	const kind =
		key.asymmetricKeyType === 'rsa'
			? `RSA ${details?.modulusLength ?? '?'}-bit`
			: key.asymmetricKeyType === 'ec'
				? `EC ${details?.namedCurve ?? '?'}`
				: (key.asymmetricKeyType ?? 'unknown').replace(/^ed/, 'Ed');
	return `${kind} key${kid === undefined ? '' : ` kid=${kid}`}`;
}

/** Why a public key cannot verify any supported algorithm, or undefined when it can verify one. */
function keyProblem(key: KeyObject, alg: JwsAlgorithmName | undefined): string | undefined {
	const type = key.asymmetricKeyType;
	if (type === 'rsa' && (key.asymmetricKeyDetails?.modulusLength ?? 0) < MIN_RSA_BITS) {
		return `RSA keys need at least ${MIN_RSA_BITS} bits`;
	}
	if (type === 'ed25519') {
		const raw = new Uint8Array(key.export({ format: 'der', type: 'spki' })).slice(-32);
		if (publicKeyProblem(raw) !== undefined)
			return 'it is not a usable Ed25519 public key (small order or off the curve)';
	}
	const fits = alg ? [alg] : (Object.keys(JWS_ALGORITHMS) as JwsAlgorithmName[]);
	if (!fits.some((name) => keyFitsAlgorithm(key, name))) {
		return alg
			? `it cannot verify ${alg}, the algorithm it names`
			: `a ${type ?? 'unknown'} key verifies none of the supported algorithms`;
	}
	return undefined;
}

/** One JWK to a verification key, or the reason it is left out. */
function importJwk(jwk: unknown, index: number): VerificationKey | string {
	const where = `key ${index + 1}`;
	if (typeof jwk !== 'object' || jwk === null || Array.isArray(jwk)) return `${where} is not a JSON object`;
	const entry = jwk as Record<string, unknown>;
	const kid = typeof entry.kid === 'string' ? entry.kid : undefined;
	const named = kid === undefined ? where : `${where} (kid=${kid})`;
	if (entry.kty === 'oct') return `${named} is a symmetric (oct) key: HMAC tokens are never accepted`;
	if (entry.kty !== 'RSA' && entry.kty !== 'EC' && entry.kty !== 'OKP') return `${named} has kty ${String(entry.kty)}`;
	if (entry.use !== undefined && entry.use !== 'sig') return `${named} is for use "${String(entry.use)}", not "sig"`;
	if (Array.isArray(entry.key_ops) && !entry.key_ops.includes('verify')) return `${named} is not for "verify"`;
	if ('d' in entry) return `${named} is a private key: publish and paste only public keys`;
	let alg: JwsAlgorithmName | undefined;
	if (entry.alg !== undefined) {
		if (!isSupportedAlgorithm(entry.alg)) return `${named} is for algorithm ${String(entry.alg)}`;
		alg = entry.alg;
	}
	let key: KeyObject;
	try {
		// Only the public members: createPublicKey would otherwise read a private JWK too.
		const { kty, n, e, crv, x, y } = entry;
		key = createPublicKey({ key: { kty, n, e, crv, x, y } as JsonWebKey, format: 'jwk' });
	} catch (error) {
		return `${named} could not be read (${(error as Error).message})`;
	}
	const problem = keyProblem(key, alg);
	if (problem) return `${named}: ${problem}`;
	return { ...(kid !== undefined ? { kid } : {}), ...(alg ? { alg } : {}), key, label: describe(key, kid) };
}

/** Reads a JWKS document (`{"keys": [...]}`), already parsed from JSON; throws AccessTokenKeyError when unusable. */
export function readJwks(document: unknown): KeySet {
	if (typeof document !== 'object' || document === null || !Array.isArray((document as { keys?: unknown }).keys)) {
		throw new AccessTokenKeyError('The answer is not a JWKS: it has no "keys" array');
	}
	const entries = (document as { keys: unknown[] }).keys;
	if (entries.length > MAX_KEYS) {
		throw new AccessTokenKeyError(`The JWKS has ${entries.length} keys; at most ${MAX_KEYS} are read`);
	}
	const keys: VerificationKey[] = [];
	const skipped: string[] = [];
	entries.forEach((entry, index) => {
		const read = importJwk(entry, index);
		if (typeof read === 'string') skipped.push(read);
		else keys.push(read);
	});
	if (keys.length === 0) {
		throw new AccessTokenKeyError(
			`The JWKS has no usable signature key${skipped.length > 0 ? `: ${skipped.join('; ')}` : ''}`,
		);
	}
	return { keys, skipped };
}

const PEM_BLOCK = /-----BEGIN ([A-Z0-9 ]+)-----[\s\S]*?-----END \1-----/g;

/**
 * Reads the keys a user pasted: one or more PEM public keys (`PUBLIC KEY`, `RSA PUBLIC KEY`) or certificates, or a
 * JWK or JWKS as JSON. Unlike a fetched JWKS, every pasted key must be usable: the user can fix it right away.
 */
export function readPastedKeys(text: string): KeySet {
	const trimmed = (text ?? '').trim();
	if (trimmed === '')
		throw new AccessTokenKeyError('No public key is configured: paste your authorization server’s key');
	if (trimmed.startsWith('{')) return readPastedJson(trimmed);
	if (/PRIVATE KEY-----/.test(trimmed)) {
		throw new AccessTokenKeyError(
			'This is a private key: paste the public key (-----BEGIN PUBLIC KEY-----) and keep the private one on your authorization server',
		);
	}
	const blocks = trimmed.replace(/\\r\\n|\\n|\\r/g, '\n').match(PEM_BLOCK) ?? [];
	if (blocks.length === 0) {
		throw new AccessTokenKeyError('The key is not PEM (-----BEGIN PUBLIC KEY-----), a JWK or a JWKS');
	}
	if (blocks.length > MAX_PASTED_KEYS) {
		throw new AccessTokenKeyError(`${blocks.length} keys are pasted; at most ${MAX_PASTED_KEYS} are allowed`);
	}
	const keys = blocks.map((block, index) => {
		const key = readPem(block);
		if (!key) throw new AccessTokenKeyError(`Key ${index + 1} could not be read: the PEM is damaged or incomplete`);
		const problem = keyProblem(key, undefined);
		if (problem) throw new AccessTokenKeyError(`Key ${index + 1} (${describe(key, undefined)}): ${problem}`);
		return { key, label: describe(key, undefined) };
	});
	return { keys, skipped: [] };
}

function readPem(block: string): KeyObject | undefined {
	try {
		return createPublicKey(normalizePem(block));
	} catch {
		return undefined;
	}
}

function parseJson(text: string): { value: unknown } | undefined {
	try {
		return { value: JSON.parse(text) };
	} catch {
		return undefined;
	}
}

function readPastedJson(text: string): KeySet {
	const json = parseJson(text);
	if (!json) throw new AccessTokenKeyError('The key looks like JSON but is not valid JSON');
	const parsed = json.value;
	const document = Array.isArray((parsed as { keys?: unknown }).keys) ? parsed : { keys: [parsed] };
	const set = readJwks(document);
	if (set.skipped.length > 0)
		throw new AccessTokenKeyError(`Not every pasted key is usable: ${set.skipped.join('; ')}`);
	if (set.keys.length > MAX_PASTED_KEYS) {
		throw new AccessTokenKeyError(`${set.keys.length} keys are pasted; at most ${MAX_PASTED_KEYS} are allowed`);
	}
	return set;
}
