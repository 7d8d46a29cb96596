/** keys.ts: the credential's key text, parsed and checked key by key. */
import assert from 'node:assert/strict';

import { publicKeyProblem } from '../../nodes/TechWolfTrigger/verification/signature/ed25519';
import { parseSigningKeys } from '../../nodes/TechWolfTrigger/verification/signature/keys';
import { generateSigningKeyPair } from '../../sandbox/signer';
import { caseList, encodeHex, type VerifierCase } from './support';

export function keysCases(): VerifierCase[] {
	const current = generateSigningKeyPair();
	const next = generateSigningKeyPair();
	const { cases, add } = caseList();

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
