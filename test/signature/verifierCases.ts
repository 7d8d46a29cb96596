/* eslint-disable @n8n/community-nodes/no-restricted-imports -- dev tooling, never shipped (README: Lint) */
/**
 * The verifier's test suite, written once and run by two runtimes: Jest on Node (verifier.test.ts) and Deno 2
 * (test/deno/verifier.test.ts). Each runner passes in how it reads the vector files; everything else is shared.
 */
import assert from 'node:assert/strict';
import { Buffer } from 'node:buffer';
import { createHash, createPrivateKey, randomBytes, sign } from 'node:crypto';
import * as fc from 'fast-check';
import * as noble from '@noble/ed25519';

import { importPublicKey, publicKeyProblem, verifyEd25519 } from '../../nodes/shared/signature/ed25519';
import { decodeHex } from '../../nodes/shared/signature/hex';
import { parseSigningKeys, SigningKeyError } from '../../nodes/shared/signature/keys';
import { WebhookVerifier, type RequestHeaders, type Verification } from '../../nodes/shared/signature/verifier';
import { generateSigningKeyPair, signWebhookHeaders } from '../../sandbox/signer';

export interface VerifierCase {
	name: string;
	run: () => void | Promise<void>;
}

/** How a runner reads a file of test/vectors/ as text. */
export type ReadVector = (fileName: string) => string;

interface WycheproofFile {
	testGroups: Array<{
		publicKey: { pk: string };
		tests: Array<{ tcId: number; comment: string; msg: string; sig: string; result: 'valid' | 'invalid' }>;
	}>;
}
interface SpeccheckCase {
	message: string;
	pub_key: string;
	signature: string;
}
interface RfcFile {
	vectors: Array<{ name: string; secretKey: string; publicKey: string; message: string; signature: string }>;
}

const NOW = 1_763_900_000;
const TENANT = 'acme';
const EVENT_ID = '6f1c2a9e-8d3b-4c55-9a21-3f0e7b9d4c10';
const BODY = new TextEncoder().encode(
	`{"specversion":"1.0","type":"ai.techwolf.employee.skill_profile.updated.v1","id":"${EVENT_ID}","time":"2025-11-23T10:00:00Z","data":{"tenant_name":"acme","external_id":"E1"}}`,
);

const encodeHex = (bytes: Uint8Array): string => Buffer.from(bytes).toString('hex');

function hex(text: string): Uint8Array {
	const bytes = decodeHex(text, text.length / 2);
	if (!bytes) throw new Error(`bad hex in a vector: ${text.slice(0, 16)}`);
	return bytes;
}

function flipBit(bytes: Uint8Array, bit: number): Uint8Array {
	const copy = Uint8Array.from(bytes);
	if (copy.length > 0) copy[Math.floor(bit / 8) % copy.length] ^= 1 << (bit % 8);
	return copy;
}

function expectFailure(result: Verification, reason: string): void {
	assert.equal(result.ok, false, `expected a rejection (${reason}), got a pass`);
	if (!result.ok) assert.equal(result.reason, reason, result.message);
}

export function verifierCases(readVector: ReadVector): VerifierCase[] {
	// noble v3 leaves the choice of SHA-512 to the caller for its synchronous API.
	noble.hashes.sha512 = (message: Uint8Array) => new Uint8Array(createHash('sha512').update(message).digest());
	const wycheproof = JSON.parse(readVector('wycheproof_ed25519_test.json')) as WycheproofFile;
	const speccheck = JSON.parse(readVector('ed25519_speccheck_cases.json')) as SpeccheckCase[];
	const rfc = JSON.parse(readVector('rfc8032_7_1.json')) as RfcFile;

	const current = generateSigningKeyPair();
	const next = generateSigningKeyPair();
	const stranger = generateSigningKeyPair();
	const verifier = new WebhookVerifier(`${current.publicKeyHex}\n${next.publicKeyHex}`);
	const signed = (overrides: Partial<Parameters<typeof signWebhookHeaders>[0]> = {}): RequestHeaders =>
		signWebhookHeaders({
			body: BODY,
			tenant: TENANT,
			eventId: EVENT_ID,
			privateKeys: [current.privateKey],
			timestamp: NOW,
			...overrides,
		});

	const cases: VerifierCase[] = [];
	const add = (name: string, run: VerifierCase['run']) => cases.push({ name, run });

	// --- The primitive against published vectors ---------------------------------------------------------------
	for (const vector of rfc.vectors) {
		add(`RFC 8032 §7.1 ${vector.name}: verifies, and fails after a one-bit change`, () => {
			assert.equal(publicKeyProblem(hex(vector.publicKey)), undefined);
			const key = importPublicKey(hex(vector.publicKey));
			const message = hex(vector.message);
			const signature = hex(vector.signature);
			assert.equal(verifyEd25519(key, message, signature), true);
			assert.equal(verifyEd25519(key, flipBit(signature, 5), signature), false);
			if (message.length > 0) assert.equal(verifyEd25519(key, flipBit(message, 3), signature), false);
			assert.equal(encodeHex(sign(null, message, rfcPrivateKey(vector.secretKey))), vector.signature);
		});
	}

	add('Wycheproof: all 151 vectors give the expected answer through the primitive', () => {
		let count = 0;
		for (const group of wycheproof.testGroups) {
			assert.equal(publicKeyProblem(hex(group.publicKey.pk)), undefined, `group key ${group.publicKey.pk}`);
			const key = importPublicKey(hex(group.publicKey.pk));
			for (const test of group.tests) {
				const signature = decodeHex(test.sig, test.sig.length / 2) ?? new Uint8Array(0);
				const accepted = verifyEd25519(key, hex(test.msg), signature);
				assert.equal(accepted, test.result === 'valid', `tcId ${test.tcId} ${test.comment}`);
				count++;
			}
		}
		assert.equal(count, 151);
	});

	add('speccheck: small-order and non-canonical public keys are refused with a message naming the key', () => {
		const expected = ['small-order', 'small-order', undefined, undefined, undefined, undefined, undefined, undefined];
		for (const [index, testCase] of speccheck.entries()) {
			const problem = publicKeyProblem(hex(testCase.pub_key));
			if (index < expected.length) assert.equal(problem, expected[index], `speccheck case ${index}`);
			if (index >= 10) assert.equal(problem, 'non-canonical', `speccheck case ${index}`);
			if (problem) {
				assert.throws(
					() => parseSigningKeys(testCase.pub_key),
					(error: unknown) =>
						error instanceof SigningKeyError && /^Key 1 \("[0-9a-f]{8}…[0-9a-f]{8}"\)/.test(error.message),
				);
			}
		}
	});

	add('small-order keys: our check agrees with @noble/ed25519 on all eight torsion points', () => {
		// Every encoding whose y is a small-order y, with both sign bits; noble decodes them and judges the order.
		const p = BigInt(2) ** BigInt(255) - BigInt(19);
		const c8 = BigInt('2707385501144840649318225287225658788936804267575313519463743609750303402022');
		let smallOrderPoints = 0;
		for (const y of [BigInt(0), BigInt(1), p - BigInt(1), c8, p - c8]) {
			for (const signBit of [0, 1]) {
				const bytes = new Uint8Array(32);
				let rest = y;
				for (let i = 0; i < 32; i++) {
					bytes[i] = Number(rest & BigInt(255));
					rest >>= BigInt(8);
				}
				bytes[31] |= signBit << 7;
				let nobleSaysSmall: boolean | 'undecodable';
				try {
					nobleSaysSmall = noble.Point.fromBytes(bytes, false).isSmallOrder();
				} catch {
					nobleSaysSmall = 'undecodable';
				}
				const ours = publicKeyProblem(bytes);
				if (nobleSaysSmall === true) {
					smallOrderPoints++;
					assert.equal(ours, 'small-order', encodeHex(bytes));
				} else {
					assert.notEqual(ours, undefined, `${encodeHex(bytes)} must be refused`);
				}
			}
		}
		assert.equal(smallOrderPoints, 8);
	});

	add('small-order keys are refused, and show why: node:crypto accepts a forgery under the identity key', () => {
		const identity = hex(`01${'0'.repeat(62)}`);
		const forged = new Uint8Array(64);
		forged.set(identity); // R = the identity, S = 0: [S]B = R + [k]A holds for every message
		for (const text of ['anything', 'at all', '']) {
			assert.equal(verifyEd25519(importPublicKey(identity), new TextEncoder().encode(text), forged), true);
		}
		assert.throws(() => parseSigningKeys('0'.repeat(64)), /Key 1 .* small-order point/);
		assert.throws(() => parseSigningKeys(`01${'0'.repeat(62)}`), /small-order/);
		assert.throws(() => parseSigningKeys(`ec${'f'.repeat(60)}7f`), /small-order/);
		assert.throws(() => parseSigningKeys(`ed${'f'.repeat(60)}7f`), /not a canonical/);
	});

	add('a key of the wrong length is named as such, not as a point off the curve', () => {
		for (const length of [0, 31, 33, 64]) assert.equal(publicKeyProblem(new Uint8Array(length)), 'wrong-length');
		assert.notEqual(publicKeyProblem(new Uint8Array(32)), 'wrong-length');
	});

	add('keys: separators, positions, duplicates, counts and lengths', () => {
		const parsed = parseSigningKeys(` ${current.publicKeyHex.toUpperCase()} ,\n${next.publicKeyHex};`);
		assert.deepEqual(
			parsed.map((key) => [key.position, key.hex]),
			[
				[1, current.publicKeyHex],
				[2, next.publicKeyHex],
			],
		);
		assert.equal(parsed[0].id, current.publicKeyHex.slice(0, 16));
		assert.throws(() => parseSigningKeys('  \n '), /No webhook signing key/);
		assert.throws(() => parseSigningKeys(`${current.publicKeyHex} abc`), /Key 2 \("abc"\) is not 64 hexadecimal/);
		assert.throws(() => parseSigningKeys(`${current.publicKeyHex.slice(0, 63)}g`), /Key 1 .* not 64 hexadecimal/);
		assert.throws(() => parseSigningKeys(`${current.publicKeyHex},${current.publicKeyHex}`), /Key 2 .* listed twice/);
		const nine = Array.from({ length: 9 }, () => generateSigningKeyPair().publicKeyHex).join(',');
		assert.throws(() => parseSigningKeys(nine), /at most 8/);
		const notOnCurve = findKeyNotOnCurve();
		assert.throws(() => parseSigningKeys(notOnCurve), /not a point on the Ed25519 curve/);
	});

	// --- The whole verify path -------------------------------------------------------------------------------------
	add('a request signed by the current key passes and names the key', () => {
		const result = verifier.verify(signed(), BODY, NOW);
		assert.equal(result.ok, true);
		if (result.ok) {
			assert.deepEqual(result.key, { position: 1, id: current.publicKeyHex.slice(0, 16) });
			assert.equal(result.tenant, TENANT);
			assert.equal(result.eventId, EVENT_ID);
			assert.equal(result.timestamp, NOW);
		}
	});

	add('key rotation: a request signed only by the second configured key passes', () => {
		const result = verifier.verify(signed({ privateKeys: [next.privateKey] }), BODY, NOW);
		assert.equal(result.ok && result.key.position, 2);
	});

	add('key rotation: two signatures of which one is valid pass, in either order', () => {
		for (const privateKeys of [
			[stranger.privateKey, current.privateKey],
			[current.privateKey, stranger.privateKey],
		]) {
			assert.equal(verifier.verify(signed({ privateKeys }), BODY, NOW).ok, true);
		}
	});

	add('whitespace around comma-separated signatures is trimmed; upper-case hex is accepted', () => {
		const headers = signed({ privateKeys: [stranger.privateKey, current.privateKey] });
		const [first, second] = String(headers['x-signature-v1']).split(',');
		headers['x-signature-v1'] = ` ${first} ,\t${second.toUpperCase()} `;
		assert.equal(verifier.verify(headers, BODY, NOW).ok, true);
	});

	add('a signature by an unknown key is rejected', () => {
		expectFailure(verifier.verify(signed({ privateKeys: [stranger.privateKey] }), BODY, NOW), 'no_matching_signature');
	});

	add('a body changed by one byte, or only in whitespace, is rejected', () => {
		const headers = signed();
		expectFailure(verifier.verify(headers, flipBit(BODY, 12), NOW), 'no_matching_signature');
		const reformatted = new TextEncoder().encode(JSON.stringify(JSON.parse(new TextDecoder().decode(BODY)), null, 1));
		expectFailure(verifier.verify(headers, reformatted, NOW), 'no_matching_signature');
		const trailingNewline = new Uint8Array([...BODY, 0x0a]);
		expectFailure(verifier.verify(headers, trailingNewline, NOW), 'no_matching_signature');
	});

	add('the signature covers the raw bytes: a non-UTF-8 body verifies only byte for byte', () => {
		const body = new Uint8Array([0x7b, 0xff, 0xfe, 0x22, 0xc3, 0x28, 0x7d]);
		const headers = signed({ body });
		assert.equal(verifier.verify(headers, body, NOW).ok, true);
		const roundTripped = new TextEncoder().encode(new TextDecoder().decode(body));
		expectFailure(verifier.verify(headers, roundTripped, NOW), 'no_matching_signature');
	});

	add('Buffer and Uint8Array bodies are the same bytes', () => {
		assert.equal(verifier.verify(signed(), Buffer.from(BODY), NOW).ok, true);
	});

	add('changing the timestamp, tenant or event id breaks the signature', () => {
		for (const [name, value] of [
			['x-signature-timestamp', String(NOW + 1)],
			['x-tenant', 'acme2'],
			['x-event-id', `${EVENT_ID}0`],
		] as const) {
			expectFailure(verifier.verify({ ...signed(), [name]: value }, BODY, NOW), 'no_matching_signature');
		}
	});

	add('each missing header is a rejection naming the header', () => {
		for (const name of ['x-signature-timestamp', 'x-tenant', 'x-event-id', 'x-signature-v1']) {
			const headers = signed();
			delete headers[name];
			const result = verifier.verify(headers, BODY, NOW);
			expectFailure(result, 'missing_header');
			assert.match(result.ok ? '' : result.message, new RegExp(name));
			expectFailure(verifier.verify({ ...signed(), [name]: '' }, BODY, NOW), 'missing_header');
		}
	});

	add('a header sent twice is a rejection', () => {
		const headers = signed();
		headers['x-signature-v1'] = [String(headers['x-signature-v1']), String(headers['x-signature-v1'])];
		expectFailure(verifier.verify(headers, BODY, NOW), 'repeated_header');
	});

	add('timestamps must be whole seconds: milliseconds, ISO dates, signs and spaces are rejected', () => {
		for (const timestamp of [`${NOW}000`, '2025-11-23T10:00:00Z', `-${NOW}`, `+${NOW}`, ` ${NOW}`, `${NOW}.0`, '1e9']) {
			const result = verifier.verify(signed({ timestamp }), BODY, NOW);
			assert.equal(result.ok, false, timestamp);
			if (!result.ok) assert.ok(['malformed_header', 'future_timestamp'].includes(result.reason), timestamp);
		}
	});

	add('stale and future timestamps are rejected at the tolerance, accepted within it', () => {
		assert.equal(verifier.verify(signed({ timestamp: NOW - 300 }), BODY, NOW).ok, true);
		assert.equal(verifier.verify(signed({ timestamp: NOW + 300 }), BODY, NOW).ok, true);
		expectFailure(verifier.verify(signed({ timestamp: NOW - 301 }), BODY, NOW), 'stale_timestamp');
		expectFailure(verifier.verify(signed({ timestamp: NOW + 301 }), BODY, NOW), 'future_timestamp');
		const strict = new WebhookVerifier(current.publicKeyHex, { toleranceSeconds: 30 });
		expectFailure(strict.verify(signed({ timestamp: NOW - 31 }), BODY, NOW), 'stale_timestamp');
	});

	add('a tenant or event id with the message separator, spaces or controls is rejected before any crypto', () => {
		for (const [name, value] of [
			['x-tenant', 'ac:me'],
			['x-tenant', 'ac me'],
			['x-event-id', 'a:b'],
			['x-event-id', 'a\u0000b'],
			['x-tenant', 'a'.repeat(257)],
		] as const) {
			expectFailure(verifier.verify({ ...signed(), [name]: value }, BODY, NOW), 'malformed_header');
		}
	});

	add('too many signatures are rejected before any crypto, even when one is valid', () => {
		const privateKeys = [...Array.from({ length: 5 }, () => stranger.privateKey), current.privateKey];
		expectFailure(verifier.verify(signed({ privateKeys }), BODY, NOW), 'too_many_signatures');
	});

	add('hex decoding is strict: exact length, hex digits only (no look-alikes beyond ASCII), either case', () => {
		const bytes = Uint8Array.from({ length: 32 }, (_, index) => (index * 37 + 11) & 0xff);
		const text = encodeHex(bytes);
		assert.deepEqual(decodeHex(text, 32), bytes);
		assert.deepEqual(decodeHex(text.toUpperCase(), 32), bytes);
		for (const bad of [
			text.slice(0, 62),
			`${text}00`,
			`${text.slice(0, 62)}0g`,
			`${text.slice(0, 62)} 0`,
			`${text.slice(0, 62)}0\u0660`, // ARABIC-INDIC DIGIT ZERO
			`${text.slice(0, 62)}0\uff10`, // FULLWIDTH DIGIT ZERO
			`${text.slice(0, 62)}0\u0130`, // a char whose low byte is '0' (0x30)
		]) {
			assert.equal(decodeHex(bad, 32), undefined, JSON.stringify(bad));
		}
	});

	add('malformed signature entries are rejected: short, long, non-hex, empty', () => {
		const good = String(signed()['x-signature-v1']);
		for (const value of [good.slice(0, 127), `${good}0`, `${good.slice(0, 127)}g`, `${good},`, `,${good}`, ' ']) {
			const result = verifier.verify({ ...signed(), 'x-signature-v1': value }, BODY, NOW);
			assert.equal(result.ok, false, value);
		}
	});

	add('a missing raw body is a rejection, never a pass', () => {
		expectFailure(verifier.verify(signed(), undefined, NOW), 'missing_body');
		expectFailure(
			verifier.verify(signed(), JSON.parse(new TextDecoder().decode(BODY)) as unknown as Uint8Array, NOW),
			'missing_body',
		);
	});

	add('differential: agrees with @noble/ed25519 (zip215: false) on random keys, messages and tamperings', () => {
		for (let i = 0; i < 64; i++) {
			const pair = generateSigningKeyPair();
			const message = randomBytes(i * 7);
			const signature = new Uint8Array(sign(null, message, pair.privateKey));
			const key = importPublicKey(hex(pair.publicKeyHex));
			const candidates = [
				[message, signature],
				[message, flipBit(signature, i * 11)],
				[flipBit(message, i), signature],
				[message, new Uint8Array(randomBytes(64))],
			] as const;
			for (const [candidateMessage, candidateSignature] of candidates) {
				const ours = verifyEd25519(key, candidateMessage, candidateSignature);
				const theirs = noble.verify(candidateSignature, candidateMessage, hex(pair.publicKeyHex), { zip215: false });
				assert.equal(ours, theirs, `iteration ${i}`);
			}
		}
	});

	add('property: arbitrary headers and bodies never throw and never pass', () => {
		const headerValue = fc.oneof(
			fc.string(),
			fc.array(fc.string(), { maxLength: 3 }),
			fc.constant(undefined),
			fc.stringMatching(/^[0-9a-f]{128}(,[0-9a-f]{128}){0,6}$/),
			fc.integer({ min: NOW - 400, max: NOW + 400 }).map(String),
		);
		fc.assert(
			fc.property(
				fc.record({
					'x-signature-timestamp': headerValue,
					'x-tenant': headerValue,
					'x-event-id': headerValue,
					'x-signature-v1': headerValue,
				}),
				fc.uint8Array({ maxLength: 512 }),
				(headers, body) => {
					const result = verifier.verify(headers as RequestHeaders, body, NOW);
					return result.ok === false && typeof result.message === 'string';
				},
			),
			{ numRuns: 500 },
		);
	});

	add('property: any change to a validly signed request is rejected', () => {
		const headers = signed();
		fc.assert(
			fc.property(
				fc.constantFrom('x-signature-timestamp', 'x-tenant', 'x-event-id', 'x-signature-v1', 'body'),
				fc.nat(),
				fc.string({ minLength: 1, maxLength: 4 }),
				(target, position, insert) => {
					if (target === 'body') {
						const body = flipBit(BODY, position % (BODY.length * 8));
						return !verifier.verify(headers, body, NOW).ok;
					}
					const value = String(headers[target]);
					const at = position % (value.length + 1);
					const changed = value.slice(0, at) + insert + value.slice(at);
					return !verifier.verify({ ...headers, [target]: changed }, BODY, NOW).ok;
				},
			),
			{ numRuns: 300 },
		);
	});

	return cases;
}

/** A y whose x² has no square root: such 32 bytes decode to no point at all. */
function findKeyNotOnCurve(): string {
	for (let y = 2; y < 100; y++) {
		const bytes = new Uint8Array(32);
		bytes[0] = y;
		if (publicKeyProblem(bytes) === 'not-on-curve') return encodeHex(bytes);
	}
	throw new Error('no off-curve y below 100');
}

/** RFC 8032 secret keys are 32-byte seeds; wrap one as PKCS#8 to sign with node:crypto. */
function rfcPrivateKey(seedHex: string) {
	return createPrivateKeyFromSeed(hex(seedHex));
}

function createPrivateKeyFromSeed(seed: Uint8Array) {
	const prefix = Buffer.from('302e020100300506032b657004220420', 'hex');
	return createPrivateKey({ key: Buffer.concat([prefix, seed]), format: 'der', type: 'pkcs8' });
}
