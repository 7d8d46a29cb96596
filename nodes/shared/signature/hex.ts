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
	if (text.length !== expectedBytes * 2) return undefined;
	const bytes = new Uint8Array(expectedBytes);
	for (let i = 0; i < expectedBytes; i++) {
		const high = HEX_VALUES[text[2 * i]];
		const low = HEX_VALUES[text[2 * i + 1]];
		if (high === undefined || low === undefined) return undefined;
		bytes[i] = (high << 4) | low;
	}
	return bytes;
}

export function encodeHex(bytes: Uint8Array): string {
	let text = '';
	for (const byte of bytes) text += byte.toString(16).padStart(2, '0');
	return text;
}
