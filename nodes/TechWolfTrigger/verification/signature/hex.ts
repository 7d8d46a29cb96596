/**
 * Strict hex decoding. `Buffer.from(s, 'hex')` stops silently at the first bad character, which would turn a
 * mangled signature into a shorter one; so the text is checked first: exactly the expected length, hex digits only.
 */
const HEX_DIGITS = /^[0-9a-fA-F]*$/;

/** `text` decoded as exactly `expectedBytes` bytes of hex, or undefined when it is anything else. */
export function decodeHex(text: string, expectedBytes: number): Uint8Array | undefined {
	if (text.length !== expectedBytes * 2 || !HEX_DIGITS.test(text)) return undefined;
	return new Uint8Array(Buffer.from(text, 'hex'));
}
