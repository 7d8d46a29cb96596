/** Both of TechWolf's pagination styles: offset (`{count, results}`) and keyset (`{has_next, next_starting_after, records}`). */
import { FIXTURE_IDS } from '../../sandbox/data';
import { expectTechWolfError, useSandbox } from './client';

const client = useSandbox();

describe('offset pagination (GET /employees)', () => {
	test('pages cover every employee once, ordered by last_updated then external_id', async () => {
		const seen: { external_id: string; last_updated: string }[] = [];
		for (let offset = 0; ; offset += 100) {
			const page = await client.call(`/employees?limit=100&offset=${offset}`);
			const body = page.body as { count: number; results: { external_id: string; last_updated: string }[] };
			expect(body.count).toBe(FIXTURE_IDS.employeeCount);
			if (body.results.length === 0) break;
			seen.push(...body.results);
		}
		expect(seen).toHaveLength(FIXTURE_IDS.employeeCount);
		expect(new Set(seen.map((employee) => employee.external_id)).size).toBe(FIXTURE_IDS.employeeCount);
		const keys = seen.map((employee) => `${employee.last_updated}|${employee.external_id}`);
		expect(keys).toEqual([...keys].sort());
	});

	test('an out-of-range limit is a 400', async () => {
		expectTechWolfError(await client.call('/employees?limit=0'), 400);
		expectTechWolfError(await client.call('/employees?limit=201'), 400);
	});
});

describe('keyset pagination', () => {
	test('POST /taxonomy/export pages through every change in timestamp order', async () => {
		const records: { external_id: string; timestamp: string }[] = [];
		let startingAfter: string | null = null;
		do {
			const reply = await client.call('/taxonomy/export', {
				method: 'POST',
				json: { limit: 7, ...(startingAfter ? { starting_after: startingAfter } : {}) },
			});
			const page = reply.body as { has_next: boolean; next_starting_after: string | null; records: typeof records };
			records.push(...page.records);
			startingAfter = page.has_next ? page.next_starting_after : null;
		} while (startingAfter);
		expect(records.length).toBeGreaterThanOrEqual(25);
		expect(new Set(records.map((record) => record.external_id)).size).toBe(records.length);
		expect(records.map((record) => record.timestamp)).toEqual(records.map((record) => record.timestamp).sort());
	});

	test('the fixture change is found by external_id; a malformed filter is a 400', async () => {
		const reply = await client.call('/taxonomy/export', {
			method: 'POST',
			json: { filters: [{ filter: 'external_id_is_in_list', external_ids: [FIXTURE_IDS.taxonomyChange] }] },
		});
		expect(reply.body).toMatchObject({
			has_next: false,
			records: [{ external_id: FIXTURE_IDS.taxonomyChange, operation_type: FIXTURE_IDS.taxonomyChangeOperationType }],
		});
		expectTechWolfError(
			await client.call('/taxonomy/export', {
				method: 'POST',
				json: { filters: [{ filter: 'timestamp', value: 'x' }] },
			}),
			400,
		);
	});

	test('POST /export/skills takes nested filters and pages by skill_id', async () => {
		const first = await client.call('/export/skills', {
			method: 'POST',
			json: { limit: 5, filters: { filters: [{ filter: 'skill_source', skill_source: 'vocabulary' }] } },
		});
		const page = first.body as { has_next: boolean; next_starting_after: string; records: { skill_id: string }[] };
		expect(page.has_next).toBe(true);
		expect(page.next_starting_after).toBe(page.records[4]?.skill_id);
		const second = await client.call('/export/skills', {
			method: 'POST',
			json: { limit: 5, starting_after: page.next_starting_after },
		});
		expect((second.body as typeof page).records[0]?.skill_id > page.next_starting_after).toBe(true);
		expectTechWolfError(await client.call('/export/skills', { method: 'POST', json: { filters: [] } }), 400);
	});
});
