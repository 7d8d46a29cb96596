/** Every operation against the sandbox, with the requests it made checked where the request is the point. */
import { FIXTURE_IDS } from '../../sandbox/data';
import { useActionHarness } from './setup';

const harness = useActionHarness();

/** The query parameters of a query string, in a stable order (repeated names kept). */
const params = (query: string | undefined) => [...new URLSearchParams(query ?? '')].sort();

const lastRequest = (route: string) => harness.lastRequest(route);

describe('Employee', () => {
	test('get, with custom properties', async () => {
		const [employee] = await harness.json({
			resource: 'employee',
			operation: 'get',
			employeeId: 'E1',
			includeCustomProperties: true,
		});
		expect(employee.external_id).toBe('E1');
		expect(lastRequest('GET /employees/E1')?.query).toBe('include=custom_properties');
	});

	test('get many: a limit, all pages (offset pagination), and filters', async () => {
		expect(await harness.json({ resource: 'employee', operation: 'getAll', returnAll: false, limit: 7 })).toHaveLength(
			7,
		);
		const all = await harness.json({ resource: 'employee', operation: 'getAll', returnAll: true });
		expect(all).toHaveLength(FIXTURE_IDS.employeeCount);
		expect(new Set(all.map((employee) => employee.external_id)).size).toBe(FIXTURE_IDS.employeeCount);
		expect(harness.sandbox.stats().requestsByRoute['GET /employees']).toBe(
			1 + Math.ceil(FIXTURE_IDS.employeeCount / 200),
		);
		const active = await harness.json({
			resource: 'employee',
			operation: 'getAll',
			returnAll: true,
			filters: { isActive: 'false' },
		});
		expect(active.length).toBeGreaterThan(0);
		expect(active.every((employee) => employee.active === false)).toBe(true);
	});

	test('create (204 → a success item), then update, then read back', async () => {
		const [created] = await harness.json({
			resource: 'employee',
			operation: 'create',
			employeeId: 'N8N-1',
			employeeFields: { assigned_position: 'Data Engineer' },
			languages: { language: [{ language: 'en', level: 4 }, { language: 'NL' }] },
			employeeJson: JSON.stringify({
				desired_functions: [{ title: 'Data Architect', importance: 1 }],
				working_history: [{ job_title: 'Analyst', company: 'Acme', start_date: '2019-01-01', end_date: '2021-06-30' }],
				education_history: [{ degree_name: 'MSc Data Science', school: 'KU Leuven' }],
			}),
		});
		expect(created).toEqual({ success: true, externalId: 'N8N-1', created: true });
		// TechWolf's Create Employee page: [{language, level}], the level 2 when none is given.
		expect(harness.sandbox.stats().lastBodies['POST /employees']).toMatchObject({
			external_id: 'N8N-1',
			assigned_position: 'Data Engineer',
			languages: [
				{ language: 'en', level: 4 },
				{ language: 'nl', level: 2 },
			],
			desired_functions: [{ title: 'Data Architect', importance: 1 }],
		});
		const [updated] = await harness.json({
			resource: 'employee',
			operation: 'update',
			employeeId: 'N8N-1',
			employeeFields: { organisational_unit: 'ou-data' },
		});
		expect(updated).toEqual({ success: true, externalId: 'N8N-1', updated: true });
		const [employee] = await harness.json({ resource: 'employee', operation: 'get', employeeId: 'N8N-1' });
		expect(employee).toMatchObject({ assigned_position: 'Data Engineer', organisational_unit: 'ou-data' });
		await harness.json({
			resource: 'employee',
			operation: 'update',
			employeeId: 'N8N-1',
			languages: { language: [{ language: 'fr', level: 5 }] },
		});
		expect(harness.sandbox.stats().lastBodies['PATCH /employees/N8N-1']).toEqual({
			languages: [{ language: 'fr', level: 5 }],
		});
		await expect(
			harness.run({
				resource: 'employee',
				operation: 'update',
				employeeId: 'N8N-1',
				languages: { language: [{ language: 'French', level: 5 }] },
			}),
		).rejects.toThrow(/not an ISO 639-1 code/);
	});

	test('get skill profile with options (repeated include, renamed query parameters)', async () => {
		const [profile] = await harness.json({
			resource: 'employee',
			operation: 'getSkillProfile',
			employeeId: 'E1',
			options: { include: ['sources', 'low_data_availability_flag'], vocabLanguage: 'en_us', responseFormat: 'list' },
		});
		expect(profile.external_id).toBe('E1');
		expect(Array.isArray(profile.skills)).toBe(true);
		expect(params(lastRequest('GET /employees/E1/skill_profile')?.query)).toEqual(
			params('include=sources&include=low_data_availability_flag&vocab_language=en_us&response_format=list'),
		);
		const [empty] = await harness.json({ resource: 'employee', operation: 'getSkillProfile', employeeId: 'E2' });
		expect(empty.skills).toEqual([]);
	});

	test('update skill profile: validating a suggested skill changes its state', async () => {
		const skillId = FIXTURE_IDS.suggestedSkillOfEmployee;
		const [result] = await harness.json({
			resource: 'employee',
			operation: 'updateSkillProfile',
			employeeId: 'E1',
			source: 'n8n',
			skills: { skill: [{ skillId, decision: 'validate' }] },
		});
		expect(result).toEqual({ success: true, externalId: 'E1', validated: 1, rejected: 0 });
		expect(harness.sandbox.stats().lastBodies['PATCH /employees/E1/skill_profile']).toEqual({
			source: 'n8n',
			skills: [{ skill_id: skillId, has_skill: true }],
		});
		const [profile] = await harness.json({ resource: 'employee', operation: 'getSkillProfile', employeeId: 'E1' });
		const skill = (profile.skills as Array<Record<string, unknown>>).find((entry) => entry.skill_id === skillId);
		expect(skill?.validation_state).toBe('validated');
	});

	test('add a skill event: content for inference (an event type whose content TechWolf does not show)', async () => {
		const [result] = await harness.json({
			resource: 'employee',
			operation: 'addSkillEvent',
			employeeId: 'E1',
			skillEventId: 'PRJ-42',
			skillEventType: 'project',
			additionalContent: { notes: 'Built a Kafka pipeline in Python' },
			language: 'en',
			options: { timestamp: '2026-11-01T09:00:00Z' },
		});
		expect(result).toEqual({ success: true, externalId: 'E1', skillEventId: 'PRJ-42' });
		expect(lastRequest('POST /employees/E1/skill_events')?.query).toBe('language=en');
		expect(harness.sandbox.stats().lastBodies['POST /employees/E1/skill_events']).toEqual({
			external_id: 'PRJ-42',
			event_type: 'project',
			timestamp: '2026-11-01',
			source: 'n8n',
			content: { notes: 'Built a Kafka pipeline in Python' },
		});
	});

	test('add a feedback event: its text in content.description, as TechWolf’s Skill Events page says', async () => {
		await harness.json({
			resource: 'employee',
			operation: 'addSkillEvent',
			employeeId: 'E1',
			skillEventId: 'FB-7',
			skillEventType: 'feedback',
			feedbackText: 'Led the migration to Kafka and coached two juniors in Python',
			language: 'en',
			options: { timestamp: '2026-11-02' },
		});
		expect(harness.sandbox.stats().lastBodies['POST /employees/E1/skill_events']).toEqual({
			external_id: 'FB-7',
			event_type: 'feedback',
			timestamp: '2026-11-02',
			source: 'n8n',
			content: { description: 'Led the migration to Kafka and coached two juniors in Python' },
		});
		await expect(
			harness.run({
				resource: 'employee',
				operation: 'addSkillEvent',
				employeeId: 'E1',
				skillEventId: 'FB-8',
				skillEventType: 'feedback',
				feedbackText: ' ',
				language: 'en',
			}),
		).rejects.toMatchObject({ message: 'Feedback is empty' });
	});
});

describe('Job and Course', () => {
	test('job skill profile, suggested profile, and feedback with proficiency and criticality', async () => {
		const [profile] = await harness.json({
			resource: 'job',
			operation: 'getSkillProfile',
			jobId: FIXTURE_IDS.job,
			options: { include: ['critical', 'proficiency_level'], domainNamespace: 'taxonomy' },
		});
		expect(profile.external_id).toBe(FIXTURE_IDS.job);
		expect(params(lastRequest(`GET /job_architecture/jobs/${FIXTURE_IDS.job}/skill_profile`)?.query)).toEqual(
			params('include=critical&include=proficiency_level&domain_namespace=taxonomy'),
		);
		const [suggested] = await harness.json({
			resource: 'job',
			operation: 'getSuggestedSkillProfile',
			jobId: FIXTURE_IDS.job,
		});
		expect(Array.isArray(suggested.skills)).toBe(true);
		const skillId = (profile.skills as Array<Record<string, unknown>>)[0].skill_id as string;
		await harness.json({
			resource: 'job',
			operation: 'updateSkillProfile',
			jobId: FIXTURE_IDS.job,
			source: 'n8n',
			skills: { skill: [{ skillId, decision: 'reject', proficiencyLevel: 3, critical: 'true' }] },
			feedbackFormat: 'skills',
		});
		expect(harness.sandbox.stats().lastBodies[`PATCH /job_architecture/jobs/${FIXTURE_IDS.job}/skill_profile`]).toEqual(
			{
				source: 'n8n',
				skills: [{ skill_id: skillId, has_skill: false, proficiency_level: 3, critical: true }],
			},
		);
	});

	test('course skill profile', async () => {
		const [profile] = await harness.json({
			resource: 'course',
			operation: 'getSkillProfile',
			courseId: FIXTURE_IDS.course,
		});
		expect(profile.external_id).toBe(FIXTURE_IDS.course);
	});
});

describe('Skill, Taxonomy and Export (keyset pagination)', () => {
	test('get a skill, with its vendor', async () => {
		const [skill] = await harness.json({
			resource: 'skill',
			operation: 'get',
			skillId: FIXTURE_IDS.workdaySkill,
			options: { externalVendor: 'workday' },
		});
		expect(skill.skill_id).toBe(FIXTURE_IDS.workdaySkill);
		expect(lastRequest(`GET /taxonomy/skills/${FIXTURE_IDS.workdaySkill}`)?.query).toBe('external_vendor=workday');
	});

	test('export skills: all pages, a limit, and the id filter', async () => {
		const all = await harness.json({ resource: 'skill', operation: 'export', returnAll: true });
		expect(all.length).toBeGreaterThan(10);
		expect(new Set(all.map((skill) => skill.skill_id)).size).toBe(all.length);
		expect(await harness.json({ resource: 'skill', operation: 'export', returnAll: false, limit: 3 })).toHaveLength(3);
		const one = await harness.json({
			resource: 'skill',
			operation: 'export',
			returnAll: true,
			filters: { skillIds: FIXTURE_IDS.skill },
		});
		expect(one.map((skill) => skill.skill_id)).toEqual([FIXTURE_IDS.skill]);
		expect(harness.sandbox.stats().lastBodies['POST /export/skills']).toMatchObject({
			filters: { filters: [{ filter: 'skill_id_is_in_list', skill_ids: [FIXTURE_IDS.skill] }] },
		});
	});

	test('export taxonomy changes: every page, and filters by type, id and time', async () => {
		const all = await harness.json({ resource: 'taxonomy', operation: 'exportChanges', returnAll: true });
		expect(all.length).toBeGreaterThanOrEqual(20);
		const renames = await harness.json({
			resource: 'taxonomy',
			operation: 'exportChanges',
			returnAll: true,
			filters: {
				operationTypes: ['vocab_update_rename_skill'],
				from: '2020-01-01T00:00:00Z',
				to: '2030-01-01T00:00:00Z',
			},
		});
		expect(renames.length).toBeGreaterThan(0);
		expect(renames.every((change) => change.operation_type === 'vocab_update_rename_skill')).toBe(true);
		expect(harness.sandbox.stats().lastBodies['POST /taxonomy/export']).toMatchObject({
			filters: [
				{ filter: 'operation_type_is_in_list', operation_types: ['vocab_update_rename_skill'] },
				{ filter: 'timestamp', value: '2020-01-01T00:00:00', operator: 'gte' },
				{ filter: 'timestamp', value: '2030-01-01T00:00:00', operator: 'lte' },
			],
		});
	});

	test('export employee skill profiles in bulk, page by page', async () => {
		const some = await harness.json({
			resource: 'export',
			operation: 'employeeSkillProfiles',
			returnAll: false,
			limit: 230,
		});
		expect(some).toHaveLength(230);
		// The export's page holds 1 to 100 employees (its TechWolf page), not the 200 of the organisational lists.
		const pages = harness.sandbox
			.stats()
			.recentRequests.filter((request) => request.path === '/export/employees/skill_profiles')
			.map((request) => (request.body as { limit: number }).limit);
		expect(pages).toEqual([100, 100, 30]);
	});
});
