/** The TechWolf Trigger over real HTTP: what the options let through (event types, unknown types, tenant, source). */
import { delivery, eventTypes, post, signRaw, TENANT, withTrigger } from './triggerRequests';

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
