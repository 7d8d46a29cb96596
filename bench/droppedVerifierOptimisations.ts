/**
 * The optimised forms of webhook-signature steps the product dropped for plain code in issue 19, as they were
 * (git: nodes/TechWolfTrigger/verification/signature/ before that issue), kept here so that verifier.bench.ts can
 * measure the decision again. Not product code: nothing in nodes/ imports this.
 */
/** Value of each ASCII hex digit by char code, -1 for every other char. */
const HEX_VALUES = new Int8Array(128).fill(-1);
for (let i = 0; i < 16; i++) {
	HEX_VALUES[i.toString(16).charCodeAt(0)] = i;
	HEX_VALUES[i.toString(16).toUpperCase().charCodeAt(0)] = i;
}

function hexValue(text: string, index: number): number {
	const code = text.charCodeAt(index);
	return code < 128 ? HEX_VALUES[code] : -1;
}

function decodeHexInto(text: string, target: Uint8Array): boolean {
	if (text.length !== target.length * 2) return false;
	for (let i = 0; i < target.length; i++) {
		const high = hexValue(text, 2 * i);
		const low = hexValue(text, 2 * i + 1);
		if (high < 0 || low < 0) return false;
		target[i] = (high << 4) | low;
	}
	return true;
}

/** One 64-byte slot per allowed signature (5), reused by every request. */
const SLOTS = Array.from({ length: 5 }, () => new Uint8Array(64));

export const DROPPED = {
	decodeHexTable(text: string, expectedBytes: number): Uint8Array | undefined {
		const bytes = new Uint8Array(expectedBytes);
		return decodeHexInto(text, bytes) ? bytes : undefined;
	},
	decodeHexIntoSlots(entries: readonly string[]): boolean {
		return entries.every((entry, index) => decodeHexInto(entry, SLOTS[index]));
	},
};
