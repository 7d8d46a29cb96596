/** hex.ts: strict decoding, so that a mangled signature is never read as a shorter one. */
import assert from 'node:assert/strict';

import { decodeHex } from '../../nodes/TechWolfTrigger/verification/signature/hex';
import { caseList, encodeHex, type VerifierCase } from './support';

export function hexCases(): VerifierCase[] {
	const { cases, add } = caseList();

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

	return cases;
}
