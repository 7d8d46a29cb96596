/**
 * Every line the trigger writes to n8n's log goes through log(). n8n's text log writes a message as it is, and the
 * trigger's lines quote what a sender controls (an access token's kid or algorithm, a JWKS server's error): a newline
 * there would start a forged log line, and bidi or zero-width characters would disguise one. So each line is made
 * printable, escaped and bounded as a whole, whatever it quotes.
 */
import type { Logger } from 'n8n-workflow';

/** Longer than any line the trigger writes about a request; the rest of a longer one is cut. */
export const MAX_LOG_LINE_LENGTH = 1000;

/** Letters, marks, numbers, punctuation, symbols and the space; everything else (controls, format, separators, unassigned) is escaped. */
const PRINTABLE = /^[\p{L}\p{M}\p{N}\p{P}\p{S} ]$/u;
const NAMED_ESCAPES: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t', '\\': '\\\\' };

function escaped(character: string): string {
	const named = NAMED_ESCAPES[character];
	if (named !== undefined) return named;
	if (PRINTABLE.test(character)) return character;
	const code = character.codePointAt(0) as number;
	return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u{${code.toString(16)}}`;
}

/**
 * `text` as one printable line: a backslash, newlines and tabs escaped as in JavaScript, any other character that is
 * not printable as \xHH or \u{H}; at most `maxLength` characters, then how much was cut.
 */
export function printable(text: string, maxLength = MAX_LOG_LINE_LENGTH): string {
	let line = '';
	let read = 0;
	for (const character of text) {
		const shown = escaped(character);
		if (line.length + shown.length > maxLength) return `${line}... (${text.length - read} more characters)`;
		line += shown;
		read += character.length;
	}
	return line;
}

export function log(logger: Logger, level: 'debug' | 'warn' | 'error', line: string): void {
	logger[level](printable(line));
}
