/**
 * Part 1: the whole verify path (headers, message assembly, verification) against raw node:crypto verification of
 * the same bytes with a cached key (the limit) and against @noble/ed25519 (zip215: false); and the reject paths
 * against one verification.
 */
import { createHash, verify as cryptoVerify, randomBytes } from 'node:crypto';
import * as noble from '@noble/ed25519';

import { decodeHex } from '../nodes/TechWolfTrigger/verification/signature/hex';
import { signedMessage } from '../nodes/TechWolfTrigger/verification/signature/message';
import { WebhookVerifier } from '../nodes/TechWolfTrigger/verification/signature/verifier';
import { generateSigningKeyPair, signWebhookHeaders } from '../sandbox/signer';
import { runCases, type CaseResult } from './measure';

noble.hashes.sha512 = (message: Uint8Array) => new Uint8Array(createHash('sha512').update(message).digest());

export interface VerifyBenchResult {
	bodyBytes: number;
	cases: CaseResult[];
}

export function benchVerify(bodyBytes: number, rounds: number): VerifyBenchResult {
	const pair = generateSigningKeyPair();
	const verifier = new WebhookVerifier(pair.publicKeyHex);
	// A JSON-ish body of the size asked for: what TechWolf sends, padded.
	const body = Buffer.from(
		`{"specversion":"1.0","pad":"${randomBytes(bodyBytes)
			.toString('base64')
			.slice(0, Math.max(0, bodyBytes - 30))}"}`,
	);
	const timestamp = Math.floor(Date.now() / 1000);
	const headers = signWebhookHeaders({
		body,
		tenant: 'acme',
		eventId: 'evt-bench-1',
		privateKeys: [pair.privateKey],
		timestamp,
	});
	const message = signedMessage(String(timestamp), 'acme', 'evt-bench-1', body);
	const signature = decodeHex(headers['x-signature-v1'], 64) as Uint8Array;
	const rawKey = decodeHex(pair.publicKeyHex, 32) as Uint8Array;
	const now = timestamp;
	const prefix = Buffer.from(`${timestamp}:acme:evt-bench-1:`);
	const assembled = new Uint8Array(message.length);
	// The limit for a verifier handed the headers and the body apart: a one-shot Ed25519 API needs the signed
	// message in one buffer, so the body is copied once before the same raw verification.
	const copyThenVerify = () => {
		assembled.set(prefix);
		assembled.set(body, prefix.length);
		return cryptoVerify(null, assembled, pair.publicKey, signature);
	};

	const stale = { ...headers, 'x-signature-timestamp': String(timestamp - 3600) };
	const malformed = { ...headers, 'x-signature-v1': 'zz' + headers['x-signature-v1'].slice(2) };
	const tooMany = { ...headers, 'x-signature-v1': Array(6).fill(headers['x-signature-v1']).join(',') };

	const expectOk = (ok: boolean) => {
		if (!ok) throw new Error('benchmark setup: verification failed');
	};
	expectOk(verifier.verify(headers, body, now).ok);
	expectOk(cryptoVerify(null, message, pair.publicKey, signature));
	expectOk(noble.verify(signature, message, rawKey, { zip215: false }));
	expectOk(copyThenVerify());

	const cases = [
		{ name: 'verify path (ours)', run: () => verifier.verify(headers, body, now) },
		{
			name: 'node:crypto verify, cached key (limit)',
			run: () => cryptoVerify(null, message, pair.publicKey, signature),
		},
		...(bodyBytes <= 64 * 1024
			? [
					{
						name: '@noble/ed25519 verify, zip215: false',
						run: () => noble.verify(signature, message, rawKey, { zip215: false }),
					},
				]
			: []),
		{ name: 'copy into one buffer, then node:crypto verify', run: copyThenVerify },
		{ name: 'reject: stale timestamp', run: () => verifier.verify(stale, body, now) },
		{ name: 'reject: malformed signature header', run: () => verifier.verify(malformed, body, now) },
		{ name: 'reject: too many signatures', run: () => verifier.verify(tooMany, body, now) },
	];
	// Many short rounds rather than a few long ones: this VM's neighbours come in bursts of seconds, and a burst that
	// hits one case of a round but not the other skews one pair, not the median of 25.
	return { bodyBytes, cases: runCases(cases, { rounds, roundMillis: 250 }) };
}
