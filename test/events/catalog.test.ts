/** The catalog's derived fields: what describeType() reads from a type, for catalog entries and future types alike. */
import { describeType, EVENT_CATALOG, findEvent, HEALTH_CHECK_TYPE } from '../../nodes/shared/events';

describe('describeType', () => {
	test.each([
		[
			'ai.techwolf.employee.skill_profile.archived.v2',
			{ name: 'employee.skill_profile.archived', entity: 'employee', change: 'skill_profile.archived', version: 2 },
		],
		[
			'ai.techwolf.job_architecture.job.skill_profile.archived.v2',
			{ name: 'job.skill_profile.archived', entity: 'job', change: 'skill_profile.archived', version: 2 },
		],
		[
			'ai.techwolf.taxonomy.skill.archived.v3',
			{ name: 'taxonomy.skill.archived', entity: 'skill', change: 'archived', version: 3 },
		],
		[
			'ai.techwolf.taxonomy.updated.v1',
			{ name: 'taxonomy.updated', entity: 'taxonomy', change: 'updated', version: 1 },
		],
		['ai.techwolf.course.created', { name: 'course.created', entity: 'course', change: 'created', version: null }],
		[HEALTH_CHECK_TYPE, { name: 'health_check', entity: 'tenant', change: 'health_check', version: null }],
	])('%s', (type, expected) => {
		expect(describeType(type)).toEqual(expected);
	});
});

describe('EVENT_CATALOG', () => {
	test('names are unique, and each finds its entry by type and by name', () => {
		expect(new Set(EVENT_CATALOG.map((entry) => entry.name)).size).toBe(EVENT_CATALOG.length);
		for (const entry of EVENT_CATALOG) {
			expect(findEvent(entry.type)).toBe(entry);
			expect(findEvent(entry.name)).toBe(entry);
		}
	});

	test("every entry's apiCall is a documented call, with the id left for the item to fill in", () => {
		for (const entry of EVENT_CATALOG) {
			if (entry.resolvedBy.resource === 'none') expect(entry.apiCall).toBe('none');
			else expect(entry.apiCall).toMatch(/^(GET|POST) \/[a-z_/{}]+.*/);
			if (entry.data !== 'none' && entry.resolvedBy.resource !== 'taxonomy') {
				expect(entry.apiCall).toContain('{external_id}');
			}
		}
		expect(findEvent('job.skill_profile.suggested_updated')?.apiCall).toBe(
			'GET /job_architecture/jobs/{external_id}/skill_profile?include=skill_validation_state (skills with validation_state "suggested")',
		);
	});
});
