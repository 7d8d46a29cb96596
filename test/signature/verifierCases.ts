/** verifier.ts: the whole verify path, from headers and raw bytes to a tagged result, signed by the sandbox's signer. */
import assert from 'node:assert/strict';
import * as fc from 'fast-check';

import {
	verifierFor,
	WebhookVerifier,
	type RequestHeaders,
} from '../../nodes/TechWolfTrigger/verification/signature/verifier';
import { VerifierCache } from '../../nodes/TechWolfTrigger/verification/verifierCache';
import { generateSigningKeyPair, signWebhookHeaders } from '../../sandbox/signer';
import { BODY, caseList, EVENT_ID, expectFailure, flipBit, NOW, TENANT, type VerifierCase } from './support';

export function verifierCases(): VerifierCase[] {
	const current = generateSigningKeyPair();
	const next = generateSigningKeyPair();
	const stranger = generateSigningKeyPair();
	const verifier = new WebhookVerifier(`${current.publicKeyHex}\n${next.publicKeyHex}`);
	const signed = (overrides: Partial<Parameters<typeof signWebhookHeaders>[0]> = {}): RequestHeaders =>
		signWebhookHeaders({
			body: BODY,
			tenant: TENANT,
			eventId: EVENT_ID,
			privateKeys: [current.privateKey],
			timestamp: NOW,
			...overrides,
		});
	const { cases, add } = caseList();

	add('a request signed by the current key passes and names the key', () => {
		const result = verifier.verify(signed(), BODY, NOW);
		assert.equal(result.ok, true);
		if (result.ok) {
			assert.deepEqual(result.key, { position: 1, id: current.publicKeyHex.slice(0, 16) });
			assert.equal(result.tenant, TENANT);
			assert.equal(result.eventId, EVENT_ID);
			assert.equal(result.timestamp, NOW);
		}
	});

	add('key rotation: a request signed only by the second configured key passes', () => {
		const result = verifier.verify(signed({ privateKeys: [next.privateKey] }), BODY, NOW);
		assert.equal(result.ok && result.key.position, 2);
	});

	add('key rotation: two signatures of which one is valid pass, in either order', () => {
		for (const privateKeys of [
			[stranger.privateKey, current.privateKey],
			[current.privateKey, stranger.privateKey],
		]) {
			assert.equal(verifier.verify(signed({ privateKeys }), BODY, NOW).ok, true);
		}
	});

	add('whitespace around comma-separated signatures is trimmed; upper-case hex is accepted', () => {
		const headers = signed({ privateKeys: [stranger.privateKey, current.privateKey] });
		const [first, second] = String(headers['x-signature-v1']).split(',');
		headers['x-signature-v1'] = ` ${first} ,\t${second.toUpperCase()} `;
		assert.equal(verifier.verify(headers, BODY, NOW).ok, true);
	});

	add('a signature by an unknown key is rejected', () => {
		expectFailure(verifier.verify(signed({ privateKeys: [stranger.privateKey] }), BODY, NOW), 'no_matching_signature');
	});

	add('a body changed by one byte, or only in whitespace, is rejected', () => {
		const headers = signed();
		expectFailure(verifier.verify(headers, flipBit(BODY, 12), NOW), 'no_matching_signature');
		const reformatted = new TextEncoder().encode(JSON.stringify(JSON.parse(new TextDecoder().decode(BODY)), null, 1));
		expectFailure(verifier.verify(headers, reformatted, NOW), 'no_matching_signature');
		const trailingNewline = new Uint8Array([...BODY, 0x0a]);
		expectFailure(verifier.verify(headers, trailingNewline, NOW), 'no_matching_signature');
	});

	add('the signature covers the raw bytes: a non-UTF-8 body verifies only byte for byte', () => {
		const body = new Uint8Array([0x7b, 0xff, 0xfe, 0x22, 0xc3, 0x28, 0x7d]);
		const headers = signed({ body });
		assert.equal(verifier.verify(headers, body, NOW).ok, true);
		const roundTripped = new TextEncoder().encode(new TextDecoder().decode(body));
		expectFailure(verifier.verify(headers, roundTripped, NOW), 'no_matching_signature');
	});

	add('Buffer and Uint8Array bodies are the same bytes', () => {
		assert.equal(verifier.verify(signed(), Buffer.from(BODY), NOW).ok, true);
	});

	add('changing the timestamp, tenant or event id breaks the signature', () => {
		for (const [name, value] of [
			['x-signature-timestamp', String(NOW + 1)],
			['x-tenant', 'acme2'],
			['x-event-id', `${EVENT_ID}0`],
		] as const) {
			expectFailure(verifier.verify({ ...signed(), [name]: value }, BODY, NOW), 'no_matching_signature');
		}
	});

	add('each missing header is a rejection naming the header', () => {
		for (const name of ['x-signature-timestamp', 'x-tenant', 'x-event-id', 'x-signature-v1']) {
			const headers = signed();
			delete headers[name];
			const result = verifier.verify(headers, BODY, NOW);
			expectFailure(result, 'missing_header');
			assert.match(result.ok ? '' : result.message, new RegExp(name));
			expectFailure(verifier.verify({ ...signed(), [name]: '' }, BODY, NOW), 'missing_header');
		}
	});

	add('a header sent twice is a rejection', () => {
		const headers = signed();
		headers['x-signature-v1'] = [String(headers['x-signature-v1']), String(headers['x-signature-v1'])];
		expectFailure(verifier.verify(headers, BODY, NOW), 'repeated_header');
	});

	add('timestamps must be whole seconds: milliseconds, ISO dates, signs and spaces are rejected', () => {
		for (const timestamp of [`${NOW}000`, '2025-11-23T10:00:00Z', `-${NOW}`, `+${NOW}`, ` ${NOW}`, `${NOW}.0`, '1e9']) {
			const result = verifier.verify(signed({ timestamp }), BODY, NOW);
			assert.equal(result.ok, false, timestamp);
			if (!result.ok) assert.ok(['malformed_header', 'future_timestamp'].includes(result.reason), timestamp);
		}
	});

	add('stale and future timestamps are rejected at the tolerance, accepted within it', () => {
		assert.equal(verifier.verify(signed({ timestamp: NOW - 300 }), BODY, NOW).ok, true);
		assert.equal(verifier.verify(signed({ timestamp: NOW + 300 }), BODY, NOW).ok, true);
		expectFailure(verifier.verify(signed({ timestamp: NOW - 301 }), BODY, NOW), 'stale_timestamp');
		expectFailure(verifier.verify(signed({ timestamp: NOW + 301 }), BODY, NOW), 'future_timestamp');
		const strict = new WebhookVerifier(current.publicKeyHex, { toleranceSeconds: 30 });
		expectFailure(strict.verify(signed({ timestamp: NOW - 31 }), BODY, NOW), 'stale_timestamp');
	});

	add('a tenant or event id with the message separator, spaces or controls is rejected before any crypto', () => {
		for (const [name, value] of [
			['x-tenant', 'ac:me'],
			['x-tenant', 'ac me'],
			['x-event-id', 'a:b'],
			['x-event-id', 'a\u0000b'],
			['x-tenant', 'a'.repeat(257)],
		] as const) {
			expectFailure(verifier.verify({ ...signed(), [name]: value }, BODY, NOW), 'malformed_header');
		}
	});

	add('too many signatures are rejected before any crypto, even when one is valid', () => {
		const privateKeys = [...Array.from({ length: 5 }, () => stranger.privateKey), current.privateKey];
		expectFailure(verifier.verify(signed({ privateKeys }), BODY, NOW), 'too_many_signatures');
	});

	add('malformed signature entries are rejected: short, long, non-hex, empty', () => {
		const good = String(signed()['x-signature-v1']);
		for (const value of [good.slice(0, 127), `${good}0`, `${good.slice(0, 127)}g`, `${good},`, `,${good}`, ' ']) {
			const result = verifier.verify({ ...signed(), 'x-signature-v1': value }, BODY, NOW);
			assert.equal(result.ok, false, value);
		}
	});

	add('a missing raw body is a rejection, never a pass', () => {
		expectFailure(verifier.verify(signed(), undefined, NOW), 'missing_body');
		expectFailure(
			verifier.verify(signed(), JSON.parse(new TextDecoder().decode(BODY)) as unknown as Uint8Array, NOW),
			'missing_body',
		);
	});

	add('verifierFor builds one verifier per key text and options, and keeps none for unusable keys', () => {
		const options = { toleranceSeconds: 300, maxSignatures: 5 };
		const cached = verifierFor(current.publicKeyHex, options);
		assert.equal(verifierFor(current.publicKeyHex, options), cached);
		assert.notEqual(verifierFor(current.publicKeyHex, { ...options, toleranceSeconds: 60 }), cached);
		const rotated = verifierFor(next.publicKeyHex, options);
		assert.notEqual(rotated, cached);
		expectFailure(rotated.verify(signed(), BODY, NOW), 'no_matching_signature');
		const zeros = '0'.repeat(64);
		assert.throws(() => verifierFor(zeros, options), /small-order/);
		assert.throws(() => verifierFor(zeros, options), /small-order/);
	});

	add('VerifierCache keeps the most recent builds, and a build that throws is not kept', () => {
		const cache = new VerifierCache<{ key: string }>(2);
		let builds = 0;
		const get = (key: string) => cache.get(key, () => ({ key, build: ++builds }));
		const first = get('a');
		assert.equal(get('a'), first);
		get('b');
		get('c');
		assert.notEqual(get('a'), first);
		assert.equal(builds, 4);
		const failing = () =>
			cache.get('bad', () => {
				throw new Error('unusable');
			});
		assert.throws(failing, /unusable/);
		assert.throws(failing, /unusable/);
	});

	add('property: arbitrary headers and bodies never throw and never pass', () => {
		const headerValue = fc.oneof(
			fc.string(),
			fc.array(fc.string(), { maxLength: 3 }),
			fc.constant(undefined),
			fc.stringMatching(/^[0-9a-f]{128}(,[0-9a-f]{128}){0,6}$/),
			fc.integer({ min: NOW - 400, max: NOW + 400 }).map(String),
		);
		fc.assert(
			fc.property(
				fc.record({
					'x-signature-timestamp': headerValue,
					'x-tenant': headerValue,
					'x-event-id': headerValue,
					'x-signature-v1': headerValue,
				}),
				fc.uint8Array({ maxLength: 512 }),
				(headers, body) => {
					const result = verifier.verify(headers as RequestHeaders, body, NOW);
					return result.ok === false && typeof result.message === 'string';
				},
			),
			{ numRuns: 500 },
		);
	});

	add('property: any change to a validly signed request is rejected', () => {
		const headers = signed();
		fc.assert(
			fc.property(
				fc.constantFrom('x-signature-timestamp', 'x-tenant', 'x-event-id', 'x-signature-v1', 'body'),
				fc.nat(),
				fc.string({ minLength: 1, maxLength: 4 }),
				(target, position, insert) => {
					if (target === 'body') {
						const body = flipBit(BODY, position % (BODY.length * 8));
						return !verifier.verify(headers, body, NOW).ok;
					}
					const value = String(headers[target]);
					const at = position % (value.length + 1);
					const changed = value.slice(0, at) + insert + value.slice(at);
					// Whitespace around a header value is not part of it (HTTP's optional whitespace; Node trims it too).
					if (changed.trim() === value) return true;
					return !verifier.verify({ ...headers, [target]: changed }, BODY, NOW).ok;
				},
			),
			{ numRuns: 300 },
		);
	});

	return cases;
}
