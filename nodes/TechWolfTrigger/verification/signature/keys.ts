/**
 * The webhook signing keys a user pastes into the credential: one or more hex-encoded Ed25519 public keys, separated
 * by commas, spaces or new lines. Several keys are normal during a key rotation.
 */
import type { KeyObject } from 'node:crypto';

import { importPublicKey, publicKeyProblem, PUBLIC_KEY_BYTES, type PublicKeyProblem } from './ed25519';
import { splitList } from '../../../shared/list';
import { decodeHex } from './hex';

/** The credential that holds the keys (credentials/TechWolfWebhookApi.credentials.ts). */
export const SIGNING_KEYS_CREDENTIAL = 'techWolfWebhookApi';

/** More keys than TechWolf ever has active at once would only multiply the work a hostile request can cause. */
const MAX_TRUSTED_KEYS = 8;

export interface TrustedKey {
	/** 1-based position in the credential, so error messages and items can point at it. */
	position: number;
	/** Lower-case hex of the public key. */
	hex: string;
	/** Short, public identifier of the key: its first 16 hex characters. */
	id: string;
	key: KeyObject;
}

export class SigningKeyError extends Error {
	constructor(message: string) {
		super(message);
		this.name = 'SigningKeyError';
	}
}

const PROBLEM_TEXT: Record<PublicKeyProblem, string> = {
	'wrong-length': `is not ${PUBLIC_KEY_BYTES} bytes long`,
	'non-canonical': 'is not a canonical Ed25519 point encoding',
	'not-on-curve': 'is not a point on the Ed25519 curve',
	'small-order':
		'is a small-order point (such as all zeros): with it, forged signatures verify for any message, so it is refused',
};

function describeKey(position: number, text: string): string {
	const shown = text.length > 20 ? `${text.slice(0, 8)}…${text.slice(-8)}` : text;
	return `Key ${position} ("${shown}")`;
}

/** Parses and checks every configured key; throws a SigningKeyError naming the first offending key. */
export function parseSigningKeys(configured: string): TrustedKey[] {
	const entries = splitList(configured);
	if (entries.length === 0) {
		throw new SigningKeyError('No webhook signing key is configured: paste the public key TechWolf gave you');
	}
	if (entries.length > MAX_TRUSTED_KEYS) {
		throw new SigningKeyError(
			`${entries.length} signing keys are configured; at most ${MAX_TRUSTED_KEYS} are allowed. Remove retired keys`,
		);
	}
	const seen = new Set<string>();
	return entries.map((entry, index) => {
		const position = index + 1;
		const raw = decodeHex(entry, PUBLIC_KEY_BYTES);
		if (!raw) {
			throw new SigningKeyError(
				`${describeKey(position, entry)} is not 64 hexadecimal characters (it has ${entry.length} characters)`,
			);
		}
		const problem = publicKeyProblem(raw);
		if (problem) throw new SigningKeyError(`${describeKey(position, entry)} ${PROBLEM_TEXT[problem]}`);
		const hex = entry.toLowerCase();
		if (seen.has(hex)) throw new SigningKeyError(`${describeKey(position, entry)} is listed twice`);
		seen.add(hex);
		return { position, hex, id: hex.slice(0, 16), key: importPublicKey(raw) };
	});
}
