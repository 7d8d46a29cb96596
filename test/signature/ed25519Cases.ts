/** ed25519.ts: the primitive against published vectors and @noble/ed25519, and the refusal of unusable keys. */
import assert from 'node:assert/strict';
import { Buffer } from 'node:buffer';
import { createHash, createPrivateKey, randomBytes, sign } from 'node:crypto';
import * as noble from '@noble/ed25519';

import {
	importPublicKey,
	publicKeyProblem,
	verifyEd25519,
} from '../../nodes/TechWolfTrigger/verification/signature/ed25519';
import { decodeHex } from '../../nodes/TechWolfTrigger/verification/signature/hex';
import { parseSigningKeys, SigningKeyError } from '../../nodes/TechWolfTrigger/verification/signature/keys';
import { generateSigningKeyPair } from '../../sandbox/signer';
import { caseList, encodeHex, flipBit, hex, type ReadVector, type VerifierCase } from './support';

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

export function ed25519Cases(readVector: ReadVector): VerifierCase[] {
	// noble v3 leaves the choice of SHA-512 to the caller for its synchronous API.
	noble.hashes.sha512 = (message: Uint8Array) => new Uint8Array(createHash('sha512').update(message).digest());
	const wycheproof = JSON.parse(readVector('wycheproof_ed25519_test.json')) as WycheproofFile;
	const speccheck = JSON.parse(readVector('ed25519_speccheck_cases.json')) as SpeccheckCase[];
	const rfc = JSON.parse(readVector('rfc8032_7_1.json')) as RfcFile;
	const { cases, add } = caseList();

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

	return cases;
}

/** RFC 8032 secret keys are 32-byte seeds; wrap one as PKCS#8 to sign with node:crypto. */
function rfcPrivateKey(seedHex: string) {
	return createPrivateKeyFromSeed(hex(seedHex));
}

function createPrivateKeyFromSeed(seed: Uint8Array) {
	const prefix = Buffer.from('302e020100300506032b657004220420', 'hex');
	return createPrivateKey({ key: Buffer.concat([prefix, seed]), format: 'der', type: 'pkcs8' });
}
