/**
 * The TechWolf Trigger end to end at the HTTP level: real requests on 127.0.0.1 into the node's webhook(), run in
 * n8n-core's WebhookContext, signed by the sandbox's signer, with static data kept between requests as n8n does.
 */
import { storedEventCount } from '../../nodes/TechWolfTrigger/deduplication';
import { TechWolfTrigger } from '../../nodes/TechWolfTrigger/TechWolfTrigger.node';
import { EVENT_CATALOG, HEALTH_CHECK_TYPE, type TechWolfEventItem } from '../../nodes/shared/events';
import { buildEvent, signedDelivery } from '../../sandbox/events';
import { generateSigningKeyPair, signWebhookHeaders } from '../../sandbox/signer';
import type { NodeSetup } from '../harness/n8nCoreContexts';
import { startTriggerServer, type TriggerServer } from '../harness/triggerServer';
import { vaultWithKeys } from './fixtures';

const TENANT = 'acme';
const current = generateSigningKeyPair();
const next = generateSigningKeyPair();
const stranger = generateSigningKeyPair();

interface Reply {
	status: number;
	body: Record<string, string>;
}

async function post(server: TriggerServer, body: Uint8Array | string, headers: Record<string, string>): Promise<Reply> {
	const response = await fetch(server.url, { method: 'POST', body, headers });
	return { status: response.status, body: (await response.json()) as Record<string, string> };
}

/** A signed delivery of `type`, by default signed with the current key. */
function delivery(type: string, options: { keys?: (typeof current)[]; timestamp?: number; id?: string } = {}) {
	const event = buildEvent(type, {
		tenant: TENANT,
		externalId: 'E1',
		externalVendor: 'workday',
		operationType: 'vocab_update_rename_skill',
		...(options.id ? { id: options.id } : {}),
	});
	return signedDelivery(event, {
		privateKeys: (options.keys ?? [current]).map((key) => key.privateKey),
		...(options.timestamp !== undefined ? { timestamp: options.timestamp } : {}),
	});
}

function signRaw(body: Uint8Array, eventId = 'evt-raw-1', tenant = TENANT) {
	return signWebhookHeaders({ body, tenant, eventId, privateKeys: [current.privateKey] });
}

let tests = 0;

async function withTrigger(
	parameters: NodeSetup['parameters'],
	run: (server: TriggerServer) => Promise<void>,
	publicKeys = `${current.publicKeyHex}\n${next.publicKeyHex}`,
	vault = vaultWithKeys(publicKeys),
): Promise<void> {
	// Each test its own workflow and credential: the trigger remembers event ids per workflow and node, and caches
	// signing keys per credential id, in process memory.
	const test = ++tests;
	const setup = {
		nodeType: new TechWolfTrigger(),
		parameters,
		credentials: { techWolfWebhookApi: `cred-${test}` },
		workflowId: `workflow-${test}`,
	};
	const server = await startTriggerServer(setup, vault);
	try {
		await run(server);
		expect(server.errors).toEqual([]);
	} finally {
		await server.close();
	}
}

const eventTypes = EVENT_CATALOG.filter((entry) => entry.type !== HEALTH_CHECK_TYPE);

describe('TechWolf Trigger: accepted events', () => {
	test.each(eventTypes.map((entry) => [entry.name, entry] as const))(
		'%s → 200 and exactly one typed item',
		async (_name, entry) => {
			await withTrigger({}, async (server) => {
				const signed = delivery(entry.type);
				const reply = await post(server, signed.body, signed.headers);
				expect(reply).toEqual({
					status: 200,
					body: { status: 'accepted', eventId: signed.event.id, eventType: entry.type },
				});
				expect(server.emitted).toHaveLength(1);
				const item = server.emitted[0].json as unknown as TechWolfEventItem;
				expect(item).toMatchObject({
					eventId: signed.event.id,
					eventType: entry.type,
					eventName: entry.name,
					entity: entry.entity,
					change: entry.change,
					version: 1,
					knownType: true,
					externalId: entry.data === 'taxonomyChange' ? signed.event.data.external_id : 'E1',
					tenant: TENANT,
					externalVendor: entry.data === 'skill' ? 'workday' : null,
					operationType: entry.data === 'taxonomyChange' ? 'vocab_update_rename_skill' : null,
					time: signed.event.time,
					source: signed.event.source,
					verifiedByKey: current.publicKeyHex.slice(0, 16),
					cloudEvent: JSON.parse(signed.body.toString('utf8')),
				});
				expect(typeof item.apiCall).toBe('string');
				expect(item.apiCall).not.toContain('{external_id}');
			});
		},
	);

	test('the health check is answered 200 and starts nothing, unless asked to', async () => {
		await withTrigger({}, async (server) => {
			const signed = delivery(HEALTH_CHECK_TYPE);
			expect(await post(server, signed.body, signed.headers)).toEqual({
				status: 200,
				body: { status: 'ok', eventId: signed.event.id, eventType: HEALTH_CHECK_TYPE },
			});
			expect(server.emitted).toHaveLength(0);
		});
		await withTrigger({ options: { emitHealthChecks: true } }, async (server) => {
			const signed = delivery(HEALTH_CHECK_TYPE);
			expect((await post(server, signed.body, signed.headers)).body.status).toBe('accepted');
			expect(server.emitted.map((item) => item.json.eventName)).toEqual(['health_check']);
		});
	});

	test('a health check is still verified: unsigned, it is a 401', async () => {
		await withTrigger({}, async (server) => {
			const signed = delivery(HEALTH_CHECK_TYPE, { keys: [stranger] });
			expect((await post(server, signed.body, signed.headers)).status).toBe(401);
		});
	});

	test('key rotation: the second configured key, and two signatures of which one is valid, pass', async () => {
		await withTrigger({}, async (server) => {
			const byNext = delivery(eventTypes[0].type, { keys: [next] });
			expect((await post(server, byNext.body, byNext.headers)).status).toBe(200);
			const both = delivery(eventTypes[0].type, { keys: [stranger, current] });
			expect((await post(server, both.body, both.headers)).status).toBe(200);
			expect(server.emitted.map((item) => item.json.verifiedByKey)).toEqual([
				next.publicKeyHex.slice(0, 16),
				current.publicKeyHex.slice(0, 16),
			]);
		});
	});

	test('a duplicate delivery is acknowledged and not emitted; static data remembers it', async () => {
		await withTrigger({}, async (server) => {
			const first = delivery(eventTypes[0].type, { id: 'a6c1d1f4-0000-4000-8000-00000000d0p1' });
			expect((await post(server, first.body, first.headers)).body.status).toBe('accepted');
			// A redelivery is signed anew, with a fresh timestamp, but carries the same event id.
			const again = delivery(eventTypes[0].type, { id: 'a6c1d1f4-0000-4000-8000-00000000d0p1' });
			expect(await post(server, again.body, again.headers)).toEqual({
				status: 200,
				body: { status: 'duplicate', eventId: first.event.id, eventType: eventTypes[0].type },
			});
			expect(server.emitted).toHaveLength(1);
			const nodeData = server.storedStaticData()['node:TechWolf Trigger'] as Record<string, unknown>;
			expect(storedEventCount(nodeData)).toBe(1);
		});
	});

	test('20 concurrent copies of one event: one accepted and emitted, 19 duplicates', async () => {
		await withTrigger({}, async (server) => {
			const copies = Array.from({ length: 20 }, () =>
				delivery(eventTypes[0].type, { id: 'a6c1d1f4-0000-4000-8000-0000000c0c20' }),
			);
			const replies = await Promise.all(copies.map((copy) => post(server, copy.body, copy.headers)));
			const statuses = replies.map((reply) => reply.body.status).sort();
			expect(statuses).toEqual(['accepted', ...new Array<string>(19).fill('duplicate')]);
			expect(server.emitted).toHaveLength(1);
		});
	});

	test('deduplication can be turned off', async () => {
		await withTrigger({ options: { deduplicationWindowMinutes: 0 } }, async (server) => {
			const signed = delivery(eventTypes[0].type);
			await post(server, signed.body, signed.headers);
			await post(server, signed.body, signed.headers);
			expect(server.emitted).toHaveLength(2);
		});
	});
});

describe('TechWolf Trigger: filters', () => {
	test('types not selected are acknowledged with 200 and not emitted', async () => {
		const [selected, other] = eventTypes;
		await withTrigger({ events: [selected.type] }, async (server) => {
			const ignored = delivery(other.type);
			expect(await post(server, ignored.body, ignored.headers)).toEqual({
				status: 200,
				body: {
					status: 'ignored',
					eventId: ignored.event.id,
					eventType: other.type,
					reason: 'event type not selected',
				},
			});
			const wanted = delivery(selected.type);
			expect((await post(server, wanted.body, wanted.headers)).body.status).toBe('accepted');
			expect(server.emitted.map((item) => item.json.eventType)).toEqual([selected.type]);
		});
	});

	test('unknown future types and versions are acknowledged, and emitted only when asked', async () => {
		const future = (type: string) => {
			const body = Buffer.from(
				JSON.stringify({
					specversion: '1.0',
					type,
					source: 'https://acme.eu.techwolf.ai/employees/E9',
					id: `id-${type}`,
					time: '2026-11-23T10:00:00Z',
					data: { tenant_name: TENANT, external_id: 'E9' },
				}),
			);
			return { body, headers: signRaw(body, `id-${type}`) };
		};
		const v2 = 'ai.techwolf.employee.skill_profile.updated.v2';
		await withTrigger({}, async (server) => {
			const signed = future(v2);
			expect((await post(server, signed.body, signed.headers)).body).toMatchObject({
				status: 'ignored',
				reason: 'event type not known to this node',
			});
			expect(server.emitted).toHaveLength(0);
		});
		await withTrigger({ options: { emitUnknownTypes: true } }, async (server) => {
			const signed = future(v2);
			expect((await post(server, signed.body, signed.headers)).body.status).toBe('accepted');
			expect(server.emitted[0].json).toMatchObject({
				eventType: v2,
				eventName: 'employee.skill_profile.updated',
				version: 2,
				entity: 'employee',
				knownType: false,
				externalId: 'E9',
				apiCall: null,
			});
		});
	});

	test('expected tenant: other tenants are rejected with 401', async () => {
		await withTrigger({ options: { expectedTenant: 'other' } }, async (server) => {
			const signed = delivery(eventTypes[0].type);
			expect(await post(server, signed.body, signed.headers)).toMatchObject({
				status: 401,
				body: { status: 'rejected', reason: 'unexpected_tenant' },
			});
		});
	});

	test('source allowlist: a matching custom range passes, TechWolf presets alone reject localhost with 403', async () => {
		const signed = () => delivery(eventTypes[0].type);
		await withTrigger({ options: { customAllowedRanges: '10.0.0.0/8, 127.0.0.0/8' } }, async (server) => {
			const request = signed();
			expect((await post(server, request.body, request.headers)).status).toBe(200);
		});
		await withTrigger({ options: { allowedSources: ['techwolfEu', 'techwolfUs'] } }, async (server) => {
			const request = signed();
			expect(await post(server, request.body, request.headers)).toMatchObject({
				status: 403,
				body: { reason: 'source_not_allowed' },
			});
			expect(server.emitted).toHaveLength(0);
		});
	});
});

describe('TechWolf Trigger: rejections', () => {
	const type = 'ai.techwolf.employee.skill_profile.updated.v1';
	const now = () => Math.floor(Date.now() / 1000);

	test.each([
		['a forged signature', () => ({ ...delivery(type), tamper: { 'x-signature-v1': 'ab'.repeat(64) } })],
		['a key that is not configured', () => delivery(type, { keys: [stranger] })],
		['a stale timestamp', () => delivery(type, { timestamp: now() - 301 })],
		['a future timestamp', () => delivery(type, { timestamp: now() + 301 })],
		['a missing X-Signature-V1', () => ({ ...delivery(type), drop: 'x-signature-v1' })],
		['a missing X-Signature-Timestamp', () => ({ ...delivery(type), drop: 'x-signature-timestamp' })],
		['a missing X-Tenant', () => ({ ...delivery(type), drop: 'x-tenant' })],
		['a missing X-Event-Id', () => ({ ...delivery(type), drop: 'x-event-id' })],
	])('%s → 401, nothing emitted, nothing remembered', async (_name, make) => {
		await withTrigger({}, async (server) => {
			const request = make() as ReturnType<typeof delivery> & { tamper?: Record<string, string>; drop?: string };
			const headers: Record<string, string> = { ...request.headers, ...request.tamper };
			if (request.drop) delete headers[request.drop];
			const reply = await post(server, request.body, headers);
			expect(reply.status).toBe(401);
			expect(reply.body.status).toBe('rejected');
			expect(reply.body.message).not.toMatch(/[0-9a-f]{64}/);
			expect(server.emitted).toHaveLength(0);
			expect(server.storedStaticData()['node:TechWolf Trigger']).toBeUndefined();
		});
	});

	test('a body changed by one byte, or only in whitespace, or re-encoded → 401', async () => {
		await withTrigger({}, async (server) => {
			const signed = delivery(type);
			const oneByte = Buffer.from(signed.body);
			oneByte[oneByte.length - 3] ^= 1;
			const whitespace = Buffer.from(JSON.stringify(JSON.parse(signed.body.toString('utf8')), null, 2));
			for (const body of [oneByte, whitespace, Buffer.concat([signed.body, Buffer.from('\n')])]) {
				expect((await post(server, body, signed.headers)).status).toBe(401);
			}
			expect(server.emitted).toHaveLength(0);
		});
	});

	test('a missing raw body is a rejection, never a pass', async () => {
		await withTrigger({}, async (server) => {
			const signed = delivery(type);
			server.dropRawBodyOnce();
			expect(await post(server, signed.body, signed.headers)).toMatchObject({
				status: 401,
				body: { reason: 'missing_body' },
			});
			expect(server.emitted).toHaveLength(0);
		});
	});

	test.each([
		['not JSON', '{"specversion":"1.0",', 'The body is not JSON'],
		['a JSON array', '[1,2]', 'The body is not a JSON object'],
		['without specversion', { type, id: 'evt-raw-1', time: 't', data: {} }, 'specversion must be "1.0"'],
		['without type', { specversion: '1.0', id: 'evt-raw-1', time: 't', data: {} }, 'type is missing or not a string'],
		['without time', { specversion: '1.0', type, id: 'evt-raw-1', data: {} }, 'time is missing or not a string'],
		['without data', { specversion: '1.0', type, id: 'evt-raw-1', time: 't' }, 'data is missing or not an object'],
		[
			'with another id than X-Event-Id',
			{ specversion: '1.0', type, id: 'other', time: 't', data: {} },
			'differs from X-Event-Id',
		],
		[
			'with another tenant than X-Tenant',
			{ specversion: '1.0', type, id: 'evt-raw-1', time: 't', data: { tenant_name: 'globex', external_id: 'E1' } },
			'differs from X-Tenant',
		],
		[
			'of a known type without its external_id',
			{ specversion: '1.0', type, id: 'evt-raw-1', time: 't', data: { tenant_name: TENANT } },
			'data.external_id is missing',
		],
	])('a validly signed body %s → 400 saying what is wrong', async (_name, body, message) => {
		await withTrigger({}, async (server) => {
			const bytes = Buffer.from(typeof body === 'string' ? body : JSON.stringify(body));
			const reply = await post(server, bytes, signRaw(bytes));
			expect(reply.status).toBe(400);
			expect(reply.body).toMatchObject({ status: 'rejected', reason: 'invalid_cloudevent' });
			expect(reply.body.message).toContain(message);
			expect(server.emitted).toHaveLength(0);
		});
	});

	test('a validly signed non-UTF-8 body → 400; the same body with any signature change → 401', async () => {
		await withTrigger({}, async (server) => {
			const bytes = Buffer.from([0x7b, 0x22, 0xff, 0x22, 0x7d]);
			const headers = signRaw(bytes);
			expect(await post(server, bytes, headers)).toMatchObject({
				status: 400,
				body: { message: 'The body is not valid UTF-8' },
			});
			expect((await post(server, bytes, { ...headers, 'x-event-id': 'evt-raw-2' })).status).toBe(401);
		});
	});

	test('a changed credential is read again after at most 60 s; until then requests reuse its keys', async () => {
		const vault = vaultWithKeys(current.publicKeyHex);
		const now = Date.now();
		const clock = jest.spyOn(Date, 'now').mockReturnValue(now);
		try {
			await withTrigger(
				{},
				async (server) => {
					const byCurrent = () => delivery(type);
					const byNext = () => delivery(type, { keys: [next] });
					const status = async (signed: ReturnType<typeof delivery>) =>
						(await post(server, signed.body, signed.headers)).status;
					expect(await status(byCurrent())).toBe(200);
					vault.set('techWolfWebhookApi', { publicKeys: next.publicKeyHex }); // the old key removed
					clock.mockReturnValue(now + 59_000);
					expect(await status(byCurrent())).toBe(200);
					expect(await status(byNext())).toBe(401);
					clock.mockReturnValue(now + 60_000);
					expect(await status(byCurrent())).toBe(401);
					expect(await status(byNext())).toBe(200);
				},
				current.publicKeyHex,
				vault,
			);
		} finally {
			clock.mockRestore();
		}
	});

	test('unusable signing keys: 500 without details to the sender (TechWolf retries later)', async () => {
		await withTrigger(
			{},
			async (server) => {
				const signed = delivery(type);
				expect(await post(server, signed.body, signed.headers)).toEqual({
					status: 500,
					body: { status: 'rejected', reason: 'misconfigured', message: 'The receiving workflow is misconfigured' },
				});
				expect(server.emitted).toHaveLength(0);
			},
			'0'.repeat(64),
		);
	});
});
