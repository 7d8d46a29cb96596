/**
 * TechWolf's side of a webhook delivery: signs `timestamp:tenant:event_id:raw_body` with one or more Ed25519 private
 * keys (several during a key rotation) and produces the request headers. Tests, the e2e suite, the benchmarks and
 * `npm run send-event` all sign through this one function; the message layout comes from the module the verifier uses
 * (nodes/TechWolfTrigger/verification/signature/message.ts), so that signer and verifier cannot drift apart.
 */
import { generateKeyPairSync, sign, type KeyObject } from 'node:crypto';

import { signedMessage } from '../nodes/TechWolfTrigger/verification/signature/message';

const encodeHex = (bytes: Uint8Array): string => Buffer.from(bytes).toString('hex');

export interface SigningKeyPair {
	privateKey: KeyObject;
	publicKey: KeyObject;
	/** Raw 32-byte public key as 64 hex characters, the form TechWolf hands to its customers. */
	publicKeyHex: string;
}

export function generateSigningKeyPair(): SigningKeyPair {
	const { privateKey, publicKey } = generateKeyPairSync('ed25519');
	return { privateKey, publicKey, publicKeyHex: rawPublicKeyHex(publicKey) };
}

export function rawPublicKeyHex(publicKey: KeyObject): string {
	// An Ed25519 SubjectPublicKeyInfo ends with the raw 32-byte key.
	return encodeHex(new Uint8Array(publicKey.export({ format: 'der', type: 'spki' })).slice(-32));
}

export interface SignOptions {
	body: Uint8Array;
	tenant: string;
	eventId: string;
	privateKeys: readonly KeyObject[];
	/** Seconds since the epoch; now by default. */
	timestamp?: number | string;
}

export function signatureHex(privateKey: KeyObject, message: Uint8Array): string {
	return encodeHex(sign(null, message, privateKey));
}

export function signWebhookHeaders(options: SignOptions): Record<string, string> {
	const timestamp = String(options.timestamp ?? Math.floor(Date.now() / 1000));
	const message = signedMessage(timestamp, options.tenant, options.eventId, options.body);
	return {
		'content-type': 'application/json',
		'user-agent': 'TechWolf-Webhooks/1.0',
		'x-event-id': options.eventId,
		'x-tenant': options.tenant,
		'x-signature-timestamp': timestamp,
		'x-signature-v1': options.privateKeys.map((key) => signatureHex(key, message)).join(','),
	};
}
