/**
 * The decision function on its own: every answer handleDelivery() gives, properties over hostile input, and the
 * clock-dependent paths. Runs under Jest and under Deno 2 (test/deno/suites.test.ts).
 */
import * as fc from 'fast-check';
import { sleep, type IWebhookFunctions } from 'n8n-workflow';

import { handleDelivery, headersAsSent, readDelivery, type Delivery } from '../../nodes/TechWolfTrigger/delivery';
import { triggerSettings, type TriggerOptions, type TriggerSettings } from '../../nodes/TechWolfTrigger/settings';
import { buildEvent, signedDelivery } from '../../sandbox/events';
import { generateSigningKeyPair, signWebhookHeaders } from '../../sandbox/signer';
import * as tokens from '../accessToken/tokens';

const key = generateSigningKeyPair();
const settings = triggerSettings(key.publicKeyHex, ['*'], {});
const NOW = 1_763_900_000;
const UPDATED = 'ai.techwolf.employee.skill_profile.updated.v1';

function signedEvent(id: string, timestamp = NOW) {
	const body = Buffer.from(
		JSON.stringify({
			specversion: '1.0',
			type: UPDATED,
			source: 'https://acme.eu.techwolf.ai/employees/E1/skill_profile',
			id,
			time: '2026-11-23T10:00:00Z',
			data: { tenant_name: 'acme', external_id: 'E1' },
		}),
	);
	const headers = signWebhookHeaders({ body, tenant: 'acme', eventId: id, privateKeys: [key.privateKey], timestamp });
	return { rawBody: body, headers, clientAddress: undefined };
}

let scopes = 0;
/** A trigger's memory of its own: each case starts with no ids remembered in this process or in static data. */
const freshMemory = () => ({ scope: `delivery ${++scopes}`, staticData: {} });

/** A delivery of `type` as TechWolf signs it, at `timestamp`. */
function delivery(type: string, options: { id?: string; timestamp?: number; clientAddress?: string } = {}): Delivery {
	const event = buildEvent(type, { tenant: 'acme', externalId: 'E1', ...(options.id ? { id: options.id } : {}) });
	const signed = signedDelivery(event, { privateKeys: [key.privateKey], timestamp: options.timestamp ?? NOW });
	return { headers: signed.headers, rawBody: signed.body, clientAddress: options.clientAddress };
}

/** Raw bytes as the body, validly signed for `eventId`. */
function signedBody(body: string | Uint8Array, eventId = 'evt-raw-1'): Delivery {
	const rawBody = typeof body === 'string' ? Buffer.from(body) : body;
	const headers = signWebhookHeaders({
		body: rawBody,
		tenant: 'acme',
		eventId,
		privateKeys: [key.privateKey],
		timestamp: NOW,
	});
	return { headers, rawBody, clientAddress: undefined };
}

const settingsWith = (options: TriggerOptions, events: string[] = ['*']) =>
	triggerSettings(key.publicKeyHex, events, options);

describe('handleDelivery: what it acknowledges (200)', () => {
	test('accepted: the parsed CloudEvent as the item, and a claim to settle', async () => {
		const outcome = await handleDelivery(delivery(UPDATED, { id: 'evt-accepted' }), settings, freshMemory(), NOW);
		expect(outcome).toMatchObject({
			status: 200,
			body: { status: 'accepted', eventId: 'evt-accepted', eventType: UPDATED },
			item: {
				eventId: 'evt-accepted',
				eventType: UPDATED,
				knownType: true,
				externalId: 'E1',
				tenant: 'acme',
				time: expect.any(String),
				source: 'https://acme.eu.techwolf.ai/employees/E1/skill_profile',
			},
		});
		expect(typeof outcome.claim?.settle).toBe('function');
	});

	test('duplicate: a redelivery of a recorded event starts nothing', async () => {
		const remembered = freshMemory();
		const first = await handleDelivery(delivery(UPDATED, { id: 'evt-dup' }), settings, remembered, NOW);
		first.claim?.settle(true);
		const again = await handleDelivery(delivery(UPDATED, { id: 'evt-dup' }), settings, remembered, NOW + 30);
		expect(again).toEqual({ status: 200, body: { status: 'duplicate', eventId: 'evt-dup', eventType: UPDATED } });
	});

	test('with deduplication off, every copy is accepted and there is no claim', async () => {
		const off = settingsWith({ deduplicationWindowMinutes: 0 });
		const remembered = freshMemory();
		for (const at of [NOW, NOW + 1]) {
			const outcome = await handleDelivery(delivery(UPDATED, { id: 'evt-off' }), off, remembered, at);
			expect(outcome.body.status).toBe('accepted');
			expect(outcome.claim).toBeUndefined();
		}
	});

	test('ignored: an event type that is not selected, or not known to this node', async () => {
		const selected = settingsWith({}, ['ai.techwolf.employee.created.v1']);
		expect(await handleDelivery(delivery(UPDATED), selected, freshMemory(), NOW)).toEqual({
			status: 200,
			body: { status: 'ignored', eventId: expect.any(String), eventType: UPDATED, reason: 'event type not selected' },
		});
		const unknown = 'ai.techwolf.something.new.v1';
		expect(await handleDelivery(delivery(unknown), settings, freshMemory(), NOW)).toMatchObject({
			status: 200,
			body: { status: 'ignored', eventType: unknown, reason: 'event type not known to this node' },
		});
		const emitUnknown = settingsWith({ emitUnknownTypes: true });
		const accepted = await handleDelivery(delivery(unknown), emitUnknown, freshMemory(), NOW);
		expect(accepted).toMatchObject({ status: 200, body: { status: 'accepted' }, item: { knownType: false } });
	});

	test('ok: a health check is answered, and starts the workflow only when asked to', async () => {
		const check = 'ai.techwolf.health_check';
		expect(await handleDelivery(delivery(check), settings, freshMemory(), NOW)).toMatchObject({
			status: 200,
			body: { status: 'ok', eventType: check },
		});
		const emitted = await handleDelivery(delivery(check), settingsWith({ emitHealthChecks: true }), freshMemory(), NOW);
		expect(emitted).toMatchObject({ status: 200, body: { status: 'accepted' }, item: { eventType: check } });
	});
});

describe('handleDelivery: a copy while the first delivery is being recorded', () => {
	const waiting = (ms: number): TriggerSettings => ({ ...settings, inFlightWaitMs: ms });
	/** The same trigger, its static data loaded for the copy's request (n8n saves the first's only once recorded). */
	const loadedAgain = (remembered: { scope: string }) => ({ scope: remembered.scope, staticData: {} });

	test('503 in_progress once the wait is over, so that TechWolf delivers it again', async () => {
		const remembered = freshMemory();
		const first = await handleDelivery(delivery(UPDATED, { id: 'evt-flight' }), settings, remembered, NOW);
		expect(first.body.status).toBe('accepted');
		const copy = await handleDelivery(
			delivery(UPDATED, { id: 'evt-flight' }),
			waiting(50),
			loadedAgain(remembered),
			NOW,
		);
		expect(copy).toEqual({
			status: 503,
			body: {
				status: 'rejected',
				reason: 'in_progress',
				message: 'An earlier delivery of this event is still being recorded; deliver it again',
			},
		});
		first.claim?.settle(true);
	});

	test('the first recorded meanwhile: the copy is a duplicate; not recorded: the copy runs the event', async () => {
		for (const [recorded, status] of [
			[true, 'duplicate'],
			[false, 'accepted'],
		] as const) {
			const remembered = freshMemory();
			const first = await handleDelivery(delivery(UPDATED, { id: 'evt-wait' }), settings, remembered, NOW);
			const copy = handleDelivery(delivery(UPDATED, { id: 'evt-wait' }), waiting(1_000), loadedAgain(remembered), NOW);
			void sleep(20).then(() => first.claim?.settle(recorded));
			const answer = await copy;
			expect(answer.body.status).toBe(status);
			answer.claim?.settle(true);
		}
	});
});

describe('handleDelivery: what it rejects', () => {
	test('403 source_not_allowed: an address outside the allowed ranges, before anything else is read', async () => {
		const allowlist = settingsWith({ customAllowedRanges: '10.0.0.0/8' });
		const outside = await handleDelivery(
			{ headers: {}, rawBody: undefined, clientAddress: '192.0.2.1' },
			allowlist,
			freshMemory(),
			NOW,
		);
		expect(outside).toMatchObject({ status: 403, body: { status: 'rejected', reason: 'source_not_allowed' } });
		const inside = delivery(UPDATED, { clientAddress: '10.1.2.3' });
		expect((await handleDelivery(inside, allowlist, freshMemory(), NOW)).body.status).toBe('accepted');
	});

	const signed = () => delivery(UPDATED);
	const withHeaders = (headers: Record<string, string | string[] | undefined>): Delivery => {
		const request = signed();
		return { ...request, headers: { ...request.headers, ...headers } };
	};
	test.each([
		['missing_body', () => ({ ...signed(), rawBody: undefined })],
		['missing_header', () => withHeaders({ 'x-event-id': undefined })],
		['repeated_header', () => withHeaders({ 'x-tenant': ['acme', 'acme'] })],
		['malformed_header', () => withHeaders({ 'x-signature-timestamp': 'soon' })],
		['stale_timestamp', () => delivery(UPDATED, { timestamp: NOW - 301 })],
		['future_timestamp', () => delivery(UPDATED, { timestamp: NOW + 301 })],
		['too_many_signatures', () => withHeaders({ 'x-signature-v1': Array(6).fill('ab'.repeat(64)).join(',') })],
		['malformed_signature', () => withHeaders({ 'x-signature-v1': 'not hex' })],
		['no_matching_signature', () => withHeaders({ 'x-signature-v1': 'ab'.repeat(64) })],
	] as const)('401 %s', async (reason, make) => {
		const outcome = await handleDelivery(make(), settings, freshMemory(), NOW);
		expect(outcome).toMatchObject({ status: 401, body: { status: 'rejected', reason } });
		expect(outcome.item).toBeUndefined();
	});

	test('401 unexpected_tenant: a validly signed event of another tenant than Expected Tenant', async () => {
		const globexOnly = settingsWith({ expectedTenant: 'globex' });
		expect(await handleDelivery(signed(), globexOnly, freshMemory(), NOW)).toMatchObject({
			status: 401,
			body: { reason: 'unexpected_tenant' },
		});
	});

	test.each([
		['not JSON', '{"specversion":"1.0",', 'The body is not JSON'],
		['a JSON array', '[1,2]', 'The body is not a JSON object'],
		['without specversion', { type: UPDATED, id: 'evt-raw-1', time: 't', data: {} }, 'specversion must be "1.0"'],
		['without type', { specversion: '1.0', id: 'evt-raw-1', time: 't', data: {} }, 'type is missing'],
		['without data', { specversion: '1.0', type: UPDATED, id: 'evt-raw-1', time: 't' }, 'data is missing'],
		['with another id', { specversion: '1.0', type: UPDATED, id: 'other', time: 't', data: {} }, 'X-Event-Id'],
		[
			'of a known type without its external_id',
			{ specversion: '1.0', type: UPDATED, id: 'evt-raw-1', time: 't', data: { tenant_name: 'acme' } },
			'data.external_id is missing',
		],
		['not UTF-8', new Uint8Array([0x7b, 0x22, 0xff, 0x22, 0x7d]), 'The body is not valid UTF-8'],
	] as const)('400 invalid_cloudevent: a validly signed body %s', async (_name, body, message) => {
		const raw = typeof body === 'string' || body instanceof Uint8Array ? body : JSON.stringify(body);
		const outcome = await handleDelivery(signedBody(raw), settings, freshMemory(), NOW);
		expect(outcome).toMatchObject({ status: 400, body: { status: 'rejected', reason: 'invalid_cloudevent' } });
		expect(outcome.body.message).toContain(message);
	});
});

describe('handleDelivery: with Require Access Token', () => {
	const AT = tokens.NOW;
	const guarded = (endpoint = tokens.jwksEndpoint()) => ({
		endpoint,
		settings: triggerSettings(
			key.publicKeyHex,
			['*'],
			{},
			{ verifier: tokens.verifierFor().verifier, fetchJwks: endpoint.fetch },
		),
	});
	const withToken = (authorization: string | undefined, request = delivery(UPDATED, { timestamp: AT })): Delivery => ({
		...request,
		headers: { ...request.headers, authorization },
	});

	test.each([
		['RS256', tokens.rsa],
		['ES256', tokens.ec],
		['EdDSA', tokens.ed],
	] as const)('a valid %s token from the JWKS: accepted', async (_name, signingKey) => {
		const { settings: required } = guarded();
		const outcome = await handleDelivery(
			withToken(tokens.bearer(tokens.token({ key: signingKey }))),
			required,
			freshMemory(),
			AT,
		);
		expect(outcome.body.status).toBe('accepted');
	});

	const forged = (): string => {
		const [header, payload, signature] = tokens.token().split('.') as [string, string, string];
		return `${header}.${payload}.${signature.startsWith('A') ? 'B' : 'A'}${signature.slice(1)}`;
	};
	test.each([
		['missing_access_token', (): string | undefined => undefined],
		['malformed_authorization', () => `Basic ${tokens.token()}`],
		['malformed_access_token', () => tokens.bearer('not.a-token')],
		['unsupported_algorithm', () => tokens.bearer(tokens.token({ header: { alg: 'none' } }))],
		['wrong_issuer', () => tokens.bearer(tokens.token({ claims: { iss: 'https://elsewhere.example.com/' } }))],
		['wrong_audience', () => tokens.bearer(tokens.token({ claims: { aud: 'https://other.example.com/' } }))],
		['expired_access_token', () => tokens.bearer(tokens.token({ claims: { exp: AT - 3600 } }))],
		['access_token_not_yet_valid', () => tokens.bearer(tokens.token({ claims: { nbf: AT + 3600 } }))],
		['unknown_signing_key', () => tokens.bearer(tokens.token({ header: { kid: 'retired-or-forged' } }))],
		['invalid_token_signature', () => tokens.bearer(forged())],
	] as const)('401 %s', async (reason, authorization) => {
		const { settings: required } = guarded();
		const outcome = await handleDelivery(withToken(authorization()), required, freshMemory(), AT);
		expect(outcome).toMatchObject({ status: 401, body: { status: 'rejected', reason } });
		expect(outcome.body.message).not.toMatch(/eyJ/);
	});

	test('503 jwks_unavailable: a key set that cannot be loaded is a retry, with the details for the log only', async () => {
		const endpoint = tokens.jwksEndpoint();
		endpoint.answer = new Error('connect ECONNREFUSED');
		const { settings: required } = guarded(endpoint);
		const outcome = await handleDelivery(withToken(tokens.bearer(tokens.token())), required, freshMemory(), AT);
		expect(outcome).toMatchObject({ status: 503, body: { status: 'rejected', reason: 'jwks_unavailable' } });
		expect(outcome.warning).toContain('ECONNREFUSED');
		expect(JSON.stringify(outcome.body)).not.toContain('ECONNREFUSED');
	});

	test("a forged TechWolf signature is refused before the token's keys are fetched", async () => {
		const { settings: required, endpoint } = guarded();
		const request = withToken(tokens.bearer(tokens.token()));
		request.headers['x-signature-v1'] = 'ab'.repeat(64);
		expect((await handleDelivery(request, required, freshMemory(), AT)).body.reason).toBe('no_matching_signature');
		expect(endpoint.fetches).toBe(0);
	});
});

describe('handleDelivery: properties and the clock', () => {
	test('property: whatever a sender sends, the answer is 200, 400, 401 or 403 and never a throw', async () => {
		const valid = signedEvent('evt-1');
		await fc.assert(
			fc.asyncProperty(
				fc.dictionary(
					fc.constantFrom('x-signature-timestamp', 'x-tenant', 'x-event-id', 'x-signature-v1', 'content-type'),
					fc.oneof(fc.string(), fc.array(fc.string(), { maxLength: 2 })),
				),
				fc.option(fc.uint8Array({ maxLength: 300 }), { nil: undefined }),
				fc.boolean(),
				async (randomHeaders, randomBody, useValidHeaders) => {
					const outcome = await handleDelivery(
						{
							headers: useValidHeaders ? { ...valid.headers, ...randomHeaders } : randomHeaders,
							rawBody: randomBody,
							clientAddress: '127.0.0.1',
						},
						settings,
						{ scope: 'fuzz', staticData: {} },
						NOW,
					);
					outcome.claim?.settle(true);
					return [200, 400, 401, 403].includes(outcome.status) && (outcome.status !== 200 || !!outcome.body.eventId);
				},
			),
			{ numRuns: 400 },
		);
	});

	test('a redelivery after the window is accepted again', async () => {
		const remembered = { scope: 'window', staticData: {} };
		const first = signedEvent('evt-window', NOW);
		const accepted = await handleDelivery(first, settings, remembered, NOW);
		expect(accepted.body.status).toBe('accepted');
		accepted.claim?.settle(true);
		const soon = signedEvent('evt-window', NOW + 120);
		expect((await handleDelivery(soon, settings, remembered, NOW + 120)).body.status).toBe('duplicate');
		const later = signedEvent('evt-window', NOW + 3660);
		expect((await handleDelivery(later, settings, remembered, NOW + 3660)).body.status).toBe('accepted');
	});

	test('settings refuse unusable options with messages to act on', () => {
		expect(() => triggerSettings(key.publicKeyHex, [], {})).toThrow('Select at least one event');
		expect(() => triggerSettings(key.publicKeyHex, ['*'], { toleranceSeconds: 0 })).toThrow('Timestamp Tolerance');
		expect(() => triggerSettings(key.publicKeyHex, ['*'], { deduplicationWindowMinutes: -1 })).toThrow(
			'Deduplication Window',
		);
		expect(() => triggerSettings(key.publicKeyHex, ['*'], { customAllowedRanges: '10.0.0.0/40' })).toThrow(
			'"10.0.0.0/40" is not an IP address or CIDR range',
		);
		expect(() => triggerSettings('0'.repeat(64), ['*'], {})).toThrow(/Key 1 .* small-order/);
	});
});

describe('the request as read', () => {
	test('headers are read line by line: lower-case names, a repeated header as all its lines', () => {
		const headers = headersAsSent([
			'Authorization',
			'Bearer first',
			'X-Tenant',
			'acme',
			'authorization',
			'Bearer second',
			'__proto__',
			'x',
		]);
		expect(headers.authorization).toEqual(['Bearer first', 'Bearer second']);
		expect(headers['x-tenant']).toBe('acme');
		expect(headers.__proto__).toBe('x');
		expect(Object.keys(headers).sort()).toEqual(['__proto__', 'authorization', 'x-tenant']);
	});

	test('a request without its header lines (rawHeaders) is refused, not read from the folded headers', async () => {
		const context = {
			getRequestObject: () => ({ rawBody: Buffer.from('{}'), ip: '127.0.0.1' }),
			getHeaderData: () => ({ authorization: 'Bearer first' }),
		} as unknown as IWebhookFunctions;
		await expect(readDelivery(context)).rejects.toThrow(/rawHeaders/);
	});
});
