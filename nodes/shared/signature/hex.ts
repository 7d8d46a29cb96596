/**
 * Strict hex decoding. `Buffer.from(s, 'hex')` stops silently at the first bad character, which would turn a
 * mangled signature into a shorter one; here anything but an exact, complete hex string of the expected length is
 * refused.
 */
const HEX_VALUES: Record<string, number> = {};
for (let i = 0; i < 16; i++) {
	HEX_VALUES[i.toString(16)] = i;
	HEX_VALUES[i.toString(16).toUpperCase()] = i;
}

export function decodeHex(text: string, expectedBytes: number): Uint8Array | undefined {
	const bytes = new Uint8Array(expectedBytes);
	return decodeHexInto(text, bytes) ? bytes : undefined;
}

/** Decodes into `target` (all of it) and says whether `text` was exactly that many bytes of hex. */
export function decodeHexInto(text: string, target: Uint8Array): boolean {
	if (text.length !== target.length * 2) return false;
	for (let i = 0; i < target.length; i++) {
		const high = HEX_VALUES[text[2 * i]];
		const low = HEX_VALUES[text[2 * i + 1]];
		if (high === undefined || low === undefined) return false;
		target[i] = (high << 4) | low;
	}
	return true;
}

export function encodeHex(bytes: Uint8Array): string {
	let text = '';
	for (const byte of bytes) text += byte.toString(16).padStart(2, '0');
	return text;
}
