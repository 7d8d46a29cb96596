/** The decision function on its own: properties over hostile input, and the clock-dependent paths. */
import * as fc from 'fast-check';

import type { IWebhookFunctions } from 'n8n-workflow';

import { handleDelivery, headersAsSent, readDelivery } from '../../nodes/TechWolfTrigger/delivery';
import { triggerSettings } from '../../nodes/TechWolfTrigger/settings';
import { generateSigningKeyPair, signWebhookHeaders } from '../../sandbox/signer';

const key = generateSigningKeyPair();
const settings = triggerSettings(key.publicKeyHex, ['*'], {});
const NOW = 1_763_900_000;

function signedEvent(id: string, timestamp = NOW) {
	const body = Buffer.from(
		JSON.stringify({
			specversion: '1.0',
			type: 'ai.techwolf.employee.skill_profile.updated.v1',
			source: 'https://acme.eu.techwolf.ai/employees/E1/skill_profile',
			id,
			time: '2026-11-23T10:00:00Z',
			data: { tenant_name: 'acme', external_id: 'E1' },
		}),
	);
	const headers = signWebhookHeaders({ body, tenant: 'acme', eventId: id, privateKeys: [key.privateKey], timestamp });
	return { rawBody: body, headers, clientAddress: undefined };
}

describe('handleDelivery', () => {
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
					outcome.settle?.(true);
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
		accepted.settle?.(true);
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
