/** The trigger's log lines: printable, escaped and bounded, whatever a sender put into them. */
import * as fc from 'fast-check';

import { log, MAX_LOG_LINE_LENGTH, printable } from '../../nodes/TechWolfTrigger/log';
import { recordingLogger } from '../harness/triggerServer';

describe('printable()', () => {
	test.each([
		['a newline, which would start a forged log line', 'kid\n2026-01-01 INFO forged', 'kid\\n2026-01-01 INFO forged'],
		['a carriage return', 'a\rb', 'a\\rb'],
		['a tab', 'a\tb', 'a\\tb'],
		['NUL and other C0 controls', 'a\u0000b\u001bc', 'a\\x00b\\x1bc'],
		['DEL and C1 controls (NEL)', 'a\u007fb\u0085c', 'a\\x7fb\\x85c'],
		['bidi overrides and isolates', 'user\u202egnp.exe\u2066x\u2069', 'user\\u{202e}gnp.exe\\u{2066}x\\u{2069}'],
		['zero-width characters and a BOM', 'a\u200bb\ufeffc', 'a\\u{200b}b\\u{feff}c'],
		['the Unicode line and paragraph separators', 'a\u2028b\u2029c', 'a\\u{2028}b\\u{2029}c'],
		['a lone surrogate', 'a\ud800b', 'a\\u{d800}b'],
		['a backslash, so that an escape cannot be faked', 'a\\nb', 'a\\\\nb'],
	])('escapes %s', (_name, text, expected) => {
		expect(printable(text)).toBe(expected);
	});

	test('keeps printable text as it is: ASCII, accented letters, punctuation, symbols', () => {
		const text =
			'The token\u2019s signing key (kid r\u00e9sum\u00e9-2024 \u2026 \u20ac \u{1f511}) is not in the key set';
		expect(printable(text)).toBe(text);
	});

	test('bounds the line and says how much was cut; an escape is never cut in half', () => {
		expect(printable('x'.repeat(MAX_LOG_LINE_LENGTH))).toBe('x'.repeat(MAX_LOG_LINE_LENGTH));
		expect(printable('x'.repeat(MAX_LOG_LINE_LENGTH + 5))).toBe(
			`${'x'.repeat(MAX_LOG_LINE_LENGTH)}... (5 more characters)`,
		);
		expect(printable('abc\n\n', 4)).toBe('abc... (2 more characters)');
		expect(printable('\u0000'.repeat(10), 9)).toBe('\\x00\\x00... (8 more characters)');
	});

	test('property: any text becomes one line of printable characters, never longer than the bound and its note', () => {
		fc.assert(
			fc.property(fc.string({ unit: 'binary', maxLength: 60 }), fc.integer({ min: 8, max: 40 }), (text, bound) => {
				const line = printable(text, bound);
				expect(line).toMatch(/^[\p{L}\p{M}\p{N}\p{P}\p{S} ]*$/u);
				expect(line.replace(/\.\.\. \(\d+ more characters\)$/, '').length).toBeLessThanOrEqual(bound);
			}),
		);
	});
});

describe('log()', () => {
	test('writes one escaped line at the level asked for', () => {
		const lines: Array<{ level: string; message: string }> = [];
		const logger = recordingLogger(lines);
		log(logger, 'warn', 'TechWolf Trigger: key forged\nINFO fake line');
		log(logger, 'debug', 'TechWolf Trigger rejected a request (401): kid \u202eevil');
		expect(lines).toEqual([
			{ level: 'warn', message: 'TechWolf Trigger: key forged\\nINFO fake line' },
			{ level: 'debug', message: 'TechWolf Trigger rejected a request (401): kid \\u{202e}evil' },
		]);
	});
});
