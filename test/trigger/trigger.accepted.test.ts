/** The TechWolf Trigger over real HTTP: events it accepts and emits, health checks, rotation, duplicates. */
import { storedEventCount } from '../../nodes/TechWolfTrigger/deduplication';
import { HEALTH_CHECK_TYPE, type TechWolfEventItem } from '../../nodes/shared/events';
import { current, delivery, eventTypes, next, post, stranger, TENANT, withTrigger } from './triggerRequests';

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
