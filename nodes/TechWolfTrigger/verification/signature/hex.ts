/**
 * Strict hex decoding. `Buffer.from(s, 'hex')` stops silently at the first bad character, which would turn a
 * mangled signature into a shorter one; here anything but an exact, complete hex string of the expected length is
 * refused.
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

/** `text` decoded as exactly `expectedBytes` bytes of hex, or undefined when it is anything else. */
export function decodeHex(text: string, expectedBytes: number): Uint8Array | undefined {
	const bytes = new Uint8Array(expectedBytes);
	return decodeHexInto(text, bytes) ? bytes : undefined;
}

/**
 * Decodes into `target` (all of it) and says whether `text` was exactly that many bytes of hex. Char codes and a
 * typed table, not per-char strings and an object: this runs for every signature (bench/README.md, "Hex decoding").
 */
export function decodeHexInto(text: string, target: Uint8Array): boolean {
	if (text.length !== target.length * 2) return false;
	for (let i = 0; i < target.length; i++) {
		const high = hexValue(text, 2 * i);
		const low = hexValue(text, 2 * i + 1);
		if (high < 0 || low < 0) return false;
		target[i] = (high << 4) | low;
	}
	return true;
}
