/**
 * The employee lifecycle and the skill-assistant reads against the strict sandbox, over real HTTP: delete (soft) and
 * restore, the Skill Events behind a profile, skill suggestions; and the resource locators' From List.
 */
import { TechWolf } from '../../nodes/TechWolf/TechWolf.node';
import { FIXTURE_IDS } from '../../sandbox/data';
import { actionHarness, type ActionHarness } from './setup';

let harness: ActionHarness;
beforeAll(async () => {
	harness = await actionHarness();
});
afterAll(async () => {
	await harness.sandbox.stop();
});
beforeEach(() => harness.sandbox.reset());

const lastRequest = (route: string) =>
	harness.sandbox
		.stats()
		.recentRequests.filter((request) => `${request.method} ${request.path}` === route)
		.pop();
const params = (query: string | undefined) => [...new URLSearchParams(query ?? '')].sort();

describe('Employee: delete and restore', () => {
	test('delete → the employee is gone → restore (with an update) → it is back, profile and all', async () => {
		const employeeId = FIXTURE_IDS.employeeWithProfile;
		const [before] = await harness.json({ resource: 'employee', operation: 'getSkillProfile', employeeId });
		expect(
			await harness.json({
				resource: 'employee',
				operation: 'delete',
				employeeId: { __rl: true, mode: 'list', value: employeeId },
			}),
		).toEqual([{ success: true, externalId: employeeId, deleted: true }]);
		expect(lastRequest(`DELETE /employees/${employeeId}`)?.status).toBe(204);
		await expect(harness.run({ resource: 'employee', operation: 'get', employeeId })).rejects.toMatchObject({
			httpCode: '404',
		});

		expect(
			await harness.json({
				resource: 'employee',
				operation: 'restore',
				employeeId,
				language: 'en',
				employeeFields: { assigned_position: 'Staff Engineer' },
			}),
		).toEqual([{ success: true, externalId: employeeId, restored: true }]);
		const restore = lastRequest('POST /employees');
		expect(params(restore?.query)).toEqual(params('restore=true&language=en&strict=false'));
		expect(restore?.body).toMatchObject({ external_id: employeeId, assigned_position: 'Staff Engineer' });
		const [employee] = await harness.json({ resource: 'employee', operation: 'get', employeeId });
		expect(employee.assigned_position).toBe('Staff Engineer');
		expect(await harness.json({ resource: 'employee', operation: 'getSkillProfile', employeeId })).toEqual([before]);
	});

	test('restoring one that is not deleted, or unknown, is TechWolf’s refusal; deleting an unknown one is a 404', async () => {
		await expect(
			harness.run({ resource: 'employee', operation: 'restore', employeeId: FIXTURE_IDS.employeeWithProfile }),
		).rejects.toMatchObject({ httpCode: '409', message: expect.stringContaining('not deleted') });
		await expect(
			harness.run({ resource: 'employee', operation: 'restore', employeeId: 'GHOST' }),
		).rejects.toMatchObject({ httpCode: '404' });
		await expect(harness.run({ resource: 'employee', operation: 'delete', employeeId: 'GHOST' })).rejects.toMatchObject(
			{
				httpCode: '404',
			},
		);
	});

	test('the grace period is stated where the user deletes and restores', () => {
		const notices = new TechWolf().description.properties.filter((property) => property.name === 'gracePeriodNotice');
		expect(notices).toHaveLength(2);
		for (const notice of notices) expect(notice.displayName).toContain('grace period');
	});
});

describe('Employee: Get Skill Events', () => {
	test('all events, then only some types (repeated event_type), with a limit', async () => {
		const all = await harness.json({
			resource: 'employee',
			operation: 'getSkillEvents',
			employeeId: FIXTURE_IDS.employeeWithProfile,
			returnAll: true,
		});
		expect(all.map((event) => event.external_id).sort()).toEqual([
			'E1-CV-1',
			'E1-ED-1',
			'E1-FB-1',
			'E1-PRJ-1',
			'E1-WH-1',
		]);
		const some = await harness.json({
			resource: 'employee',
			operation: 'getSkillEvents',
			employeeId: FIXTURE_IDS.employeeWithProfile,
			returnAll: false,
			limit: 1,
			filters: { eventTypes: ['project', 'feedback'] },
		});
		expect(some).toHaveLength(1);
		expect(['project', 'feedback']).toContain(some[0]!.event_type);
		expect(params(lastRequest(`GET /employees/${FIXTURE_IDS.employeeWithProfile}/skill_events`)?.query)).toEqual(
			params('event_type=project&event_type=feedback&limit=1&offset=0'),
		);
	});

	test('an event posted with Add Skill Event is listed', async () => {
		await harness.json({
			resource: 'employee',
			operation: 'addSkillEvent',
			employeeId: FIXTURE_IDS.employeeWithEmptyProfile,
			skillEventId: 'n8n-ticket-1',
			skillEventType: 'ticket',
			additionalContent: { notes: 'Fixed the Kubernetes ingress' },
		});
		const events = await harness.json({
			resource: 'employee',
			operation: 'getSkillEvents',
			employeeId: FIXTURE_IDS.employeeWithEmptyProfile,
			returnAll: true,
		});
		expect(events).toEqual([expect.objectContaining({ external_id: 'n8n-ticket-1', event_type: 'ticket' })]);
	});

	test('an unknown event type from an expression is refused before any request', async () => {
		await expect(
			harness.run({
				resource: 'employee',
				operation: 'getSkillEvents',
				employeeId: 'E1',
				returnAll: true,
				filters: { eventTypes: ['projects'] },
			}),
		).rejects.toMatchObject({ message: expect.stringContaining('Event Types: "projects" is not a skill event type') });
		expect(harness.sandbox.stats().apiRequests).toBe(0);
	});
});

describe('Employee: Get Skill Suggestions', () => {
	const suggestions = {
		resource: 'employee',
		operation: 'getSkillSuggestions',
		employeeIds: 'E1, E4',
		options: {
			include: ['suggested_skills', 'validated_skills'],
			vocabLanguages: ['nl', 'en_uk'],
			maxSkills: 2,
			sapStatus: 'active',
		},
	};

	test('the full answer: the documented body and query parameters', async () => {
		const [answer] = await harness.json({ ...suggestions, simplify: false });
		expect(Object.keys(answer).sort()).toEqual(['suggestions', 'validated']);
		const request = lastRequest('POST /employees/suggestions/skills');
		expect(request?.body).toEqual({ employee_ids: ['E1', 'E4'], response_format: 'skill_profiles' });
		expect(params(request?.query)).toEqual(
			params(
				'include=suggested_skills&include=validated_skills&vocab_language=nl&vocab_language=en_uk&max_skills=2&properties%5Bsap_status%5D=active',
			),
		);
		const e1 = (answer.suggestions as Array<{ employee_id: string; skills: unknown[] }>).find(
			(entry) => entry.employee_id === 'E1',
		);
		expect(e1?.skills.length).toBeLessThanOrEqual(2);
	});

	test('Simplify (the default): one item per employee, skill names in the first language asked for', async () => {
		const items = await harness.json(suggestions);
		expect(items.map((item) => item.employee_id)).toEqual(['E1', 'E4']);
		expect(items[0]).toEqual({
			employee_id: 'E1',
			suggested: expect.arrayContaining([{ skill_id: FIXTURE_IDS.suggestedSkillOfEmployee, skill: 'Docker' }]),
			validated: expect.arrayContaining([{ skill_id: FIXTURE_IDS.skill, skill: 'Python' }]),
			rejected: [],
		});
	});

	test('more than 50 employees, or none, is refused before any request', async () => {
		const many = Array.from({ length: 51 }, (_, index) => `E${index + 1}`).join(',');
		await expect(harness.run({ ...suggestions, employeeIds: many })).rejects.toMatchObject({
			message: 'Employee IDs holds 51 IDs; TechWolf takes 1 to 50 per request',
		});
		await expect(harness.run({ ...suggestions, employeeIds: ' ' })).rejects.toMatchObject({
			message: expect.stringContaining('holds 0 IDs'),
		});
		await expect(harness.run({ ...suggestions, employeeIds: 'E1, b/ad' })).rejects.toMatchObject({
			message: expect.stringContaining('"b/ad" is not a valid TechWolf ID'),
		});
		expect(harness.sandbox.stats().apiRequests).toBe(0);
	});
});

describe('Resource locators: From List', () => {
	test('employees: searchable (by id or position), paginated through GET /employees', async () => {
		const first = await harness.listSearch('searchEmployees');
		expect(first.results).toHaveLength(200);
		expect(first.results[0]).toEqual({
			name: expect.stringMatching(/^E\d+ \(.+\)$/),
			value: expect.stringMatching(/^E\d+$/),
		});
		expect(first.paginationToken).toBe('200');
		const second = await harness.listSearch('searchEmployees', undefined, first.paginationToken);
		expect(second.results).toHaveLength(FIXTURE_IDS.employeeCount - 200);
		expect(second.paginationToken).toBeUndefined();
		const ids = new Set([...first.results, ...second.results].map((result) => result.value));
		expect(ids.size).toBe(FIXTURE_IDS.employeeCount);

		const e42 = [
			...(await harness.listSearch('searchEmployees', 'e42')).results,
			...(await harness.listSearch('searchEmployees', 'e42', '200')).results,
		];
		expect(e42.map((result) => result.value)).toContain('E42');
		expect(e42.every((result) => String(result.name).toLowerCase().includes('e42'))).toBe(true);
	});

	test('every existing employee or job is picked with a locator (Create names a new one; Restore a deleted one, which is not listed)', () => {
		const idFields = new TechWolf().description.properties.filter(
			(property) => property.name === 'employeeId' || property.name === 'jobId',
		);
		const plain = idFields
			.filter((property) => property.type !== 'resourceLocator')
			.map(
				(property) =>
					`${String(property.displayOptions?.show?.resource)}.${String(property.displayOptions?.show?.operation)}`,
			);
		expect(plain.sort()).toEqual(['employee.create', 'employee.restore']);
		expect(idFields.length).toBeGreaterThan(10);
	});

	test('jobs: through the job skill profile export, filtered by the search text', async () => {
		const all = await harness.listSearch('searchJobs');
		expect(all.results.map((result) => result.value)).toEqual(['J1', 'J2', 'J3', 'J4', 'J5', 'J6', 'J7', 'J8']);
		expect(all.paginationToken).toBeUndefined();
		expect((await harness.listSearch('searchJobs', 'j7')).results).toEqual([{ name: 'J7', value: 'J7' }]);
	});

	test('By ID keeps the trigger’s expression mapping, and the id rule is checked in the editor and at run time', async () => {
		const [profile] = await harness.json(
			{
				resource: 'employee',
				operation: 'getSkillProfile',
				employeeId: { __rl: true, mode: 'id', value: '={{ $json.externalId }}' },
			},
			[{ json: { externalId: 'E1' } }],
		);
		expect(profile.external_id).toBe('E1');
		const locator = new TechWolf().description.properties.find(
			(property) => property.name === 'employeeId' && property.type === 'resourceLocator',
		);
		const byId = locator?.modes?.find((mode) => mode.name === 'id');
		const validation = byId?.validation?.[0] as { properties: { regex: string } } | undefined;
		const pattern = new RegExp(validation?.properties.regex ?? 'missing');
		expect(['E1', 'a3903505-eb84_42dc'].every((id) => pattern.test(id))).toBe(true);
		expect(['E 1', '../x', ''].some((id) => pattern.test(id))).toBe(false);
		await expect(
			harness.run({ resource: 'employee', operation: 'get', employeeId: { __rl: true, mode: 'id', value: 'E 1' } }),
		).rejects.toMatchObject({ message: 'Employee ID "E 1" is not a valid TechWolf ID' });
	});
});
