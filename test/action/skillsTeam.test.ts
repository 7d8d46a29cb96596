/**
 * The SkillEngine a skills team uses, through the node against the strict sandbox: organisational units (and their
 * locator, also the employee's), skill clusters, Create Skill, the six skills-team exports, job changes and
 * vacancies. Each request the node makes is checked where the request is the point.
 */
import type { IDataObject } from 'n8n-workflow';

import { TechWolf } from '../../nodes/TechWolf/TechWolf.node';
import { FIXTURE_IDS } from '../../sandbox/data';
import { useActionHarness } from './setup';

const harness = useActionHarness();

const lastBody = (route: string) => harness.sandbox.stats().lastBodies[route];
const lastQuery = (route: string) => [...new URLSearchParams(harness.lastRequest(route)?.query ?? '')].sort();
const requests = (route: string) => harness.sandbox.stats().requestsByRoute[route] ?? 0;

describe('Organisational Unit', () => {
	test('get many: all pages, a limit, root units only, one parent’s subunits', async () => {
		const all = await harness.json({ resource: 'organisationalUnit', operation: 'getAll', returnAll: true });
		expect(all.map((unit) => unit.external_id)).toContain(FIXTURE_IDS.organisationalUnit);
		const root = all.find((unit) => unit.external_id === FIXTURE_IDS.rootOrganisationalUnit);
		// The root counts every employee: all of them belong to a unit below it.
		expect(root).toMatchObject({ parent_id: null, total_nr_of_employees: FIXTURE_IDS.employeeCount });
		expect(await harness.json({ resource: 'organisationalUnit', operation: 'getAll', limit: 3 })).toHaveLength(3);
		expect(lastQuery('GET /organisational_units')).toEqual([
			['limit', '3'],
			['offset', '0'],
		]);

		const roots = await harness.json({
			resource: 'organisationalUnit',
			operation: 'getAll',
			returnAll: true,
			filters: { rootsOnly: true },
		});
		expect(roots.map((unit) => unit.external_id)).toEqual([FIXTURE_IDS.rootOrganisationalUnit]);
		expect(lastQuery('GET /organisational_units')).toContainEqual(['parent_id', 'null']);

		const technology = await harness.json({
			resource: 'organisationalUnit',
			operation: 'getAll',
			returnAll: true,
			filters: { parentId: 'ou-technology' },
		});
		expect(technology.map((unit) => unit.external_id).sort()).toEqual(['ou-data', 'ou-engineering', 'ou-legacy-it']);
	});

	test('get, by locator: the unit with the employees of it and its subunits', async () => {
		const [unit] = await harness.json({
			resource: 'organisationalUnit',
			operation: 'get',
			organisationalUnitId: { __rl: true, mode: 'list', value: FIXTURE_IDS.organisationalUnit },
		});
		const [employees] = [
			await harness.json({
				resource: 'employee',
				operation: 'getAll',
				returnAll: true,
				filters: { organisationalUnit: FIXTURE_IDS.organisationalUnit },
			}),
		];
		expect(unit).toEqual({
			external_id: FIXTURE_IDS.organisationalUnit,
			name: 'Engineering',
			active: true,
			parent_id: 'ou-technology',
			total_nr_of_employees: employees.length,
		});
		expect(employees.length).toBeGreaterThan(2);
	});

	test('get: an unknown unit is TechWolf’s 404, named', async () => {
		await expect(
			harness.run({
				resource: 'organisationalUnit',
				operation: 'get',
				organisationalUnitId: { __rl: true, mode: 'id', value: 'ou-nowhere' },
			}),
		).rejects.toMatchObject({ message: expect.stringMatching(/404.*ou-nowhere/) });
	});

	test('From List: named by unit name, searchable by name or id', async () => {
		const all = await harness.listSearch('searchOrganisationalUnits');
		expect(all.results).toContainEqual({ name: 'Engineering (ou-engineering)', value: 'ou-engineering' });
		expect(all.paginationToken).toBeUndefined();
		expect((await harness.listSearch('searchOrganisationalUnits', 'analytics')).results).toEqual([
			{ name: 'Data & Analytics (ou-data)', value: 'ou-data' },
		]);
	});

	test('the employee’s organisational unit is a locator too: Create and Update send its id', async () => {
		const unitField = new TechWolf().description.properties
			.filter((property) => property.name === 'employeeFields')
			.flatMap((property) => (property.options ?? []) as Array<{ name: string; type?: string }>)
			.filter((option) => option.name === 'organisational_unit');
		// Create, Restore and Update share the field.
		expect(unitField.map((option) => option.type)).toEqual(['resourceLocator', 'resourceLocator', 'resourceLocator']);

		await harness.run({
			resource: 'employee',
			operation: 'update',
			employeeId: 'E1',
			employeeFields: { organisational_unit: { __rl: true, mode: 'list', value: 'ou-data' } },
		});
		expect(lastBody('PATCH /employees/E1')).toEqual({ organisational_unit: 'ou-data' });
		// An older workflow's plain text is read as the id.
		await harness.run({
			resource: 'employee',
			operation: 'update',
			employeeId: 'E1',
			employeeFields: { organisational_unit: 'ou-finance' },
		});
		expect(lastBody('PATCH /employees/E1')).toEqual({ organisational_unit: 'ou-finance' });
		await expect(
			harness.run({
				resource: 'employee',
				operation: 'update',
				employeeId: 'E1',
				employeeFields: { organisational_unit: { __rl: true, mode: 'id', value: 'ou finance' } },
			}),
		).rejects.toMatchObject({ message: 'Organisational Unit "ou finance" is not a valid TechWolf ID' });
	});
});

describe('Skill Cluster', () => {
	test('get, with custom properties', async () => {
		const [cluster] = await harness.json({
			resource: 'skillCluster',
			operation: 'get',
			skillClusterId: FIXTURE_IDS.skillCluster,
			includeCustomProperties: true,
		});
		expect(cluster).toMatchObject({
			external_id: FIXTURE_IDS.skillCluster,
			skill_cluster_name: 'Programming Languages',
			skill_cluster_type: 'taxonomy',
			custom_properties: [expect.objectContaining({ property_name: 'owner' })],
		});
		expect(harness.lastRequest(`GET /skill_clusters/${FIXTURE_IDS.skillCluster}`)?.query).toBe(
			'include=custom_properties',
		);
	});

	test('get skill profile: the cluster’s skills in the vocabulary language asked for, and its domain', async () => {
		const [profile] = await harness.json({
			resource: 'skillCluster',
			operation: 'getSkillProfile',
			skillClusterId: FIXTURE_IDS.skillCluster,
			options: { vocabLanguage: 'fr' },
		});
		expect(profile.domain).toBe('Software Engineering');
		expect((profile.skills as IDataObject[]).map((skill) => skill.skill)).toContain(FIXTURE_IDS.skillName);
		expect(harness.lastRequest(`GET /skill_clusters/${FIXTURE_IDS.skillCluster}/skill_profile`)?.query).toBe(
			'vocab_language=fr',
		);
	});
});

describe('Taxonomy: Create Skill', () => {
	test('creates a custom skill (204 → a success item) that Skill → Get then reads; a second create is a 409', async () => {
		const parameters = {
			resource: 'taxonomy',
			operation: 'createSkill',
			newSkillId: 'acme-forklift-safety',
			skillName: 'Forklift Safety',
			options: { description: 'Operating a forklift safely.', properties: '{"sap_status": {"value": "active"}}' },
		};
		expect(await harness.json(parameters)).toEqual([{ success: true, skillId: 'acme-forklift-safety', created: true }]);
		expect(lastBody('POST /taxonomy/skills')).toEqual({
			skill_id: 'acme-forklift-safety',
			skill_name: 'Forklift Safety',
			skill_description: 'Operating a forklift safely.',
			properties: { sap_status: { value: 'active' } },
		});
		const [skill] = await harness.json({ resource: 'skill', operation: 'get', skillId: 'acme-forklift-safety' });
		expect(skill).toMatchObject({ skill_name: 'Forklift Safety', skill_source: 'custom' });
		await expect(harness.run(parameters)).rejects.toMatchObject({
			message: expect.stringMatching(/409/),
			description: 'A skill with this ID already exists; choose another Skill ID.',
		});
	});

	test("in a vendor's vocabulary; a name over 255 characters is refused before any request", async () => {
		await harness.run({
			resource: 'taxonomy',
			operation: 'createSkill',
			newSkillId: 'SAP_ATTR_900001',
			skillName: 'Forklift Safety',
			options: { externalVendor: 'sap_attribute_library' },
		});
		expect(harness.lastRequest('POST /taxonomy/skills')?.query).toBe('external_vendor=sap_attribute_library');
		expect(lastBody('POST /taxonomy/skills')).toEqual({ skill_id: 'SAP_ATTR_900001', skill_name: 'Forklift Safety' });
		const before = requests('POST /taxonomy/skills');
		await expect(
			harness.run({ resource: 'taxonomy', operation: 'createSkill', newSkillId: 'x-1', skillName: 'x'.repeat(256) }),
		).rejects.toMatchObject({ message: 'Skill Name is 256 characters long' });
		expect(requests('POST /taxonomy/skills')).toBe(before);
	});
});

describe('Export: the skills team’s exports, page by page within each page’s limit', () => {
	test('employee skill clusters: every active employee over pages of 100, with the skills behind each cluster', async () => {
		const records = await harness.json({
			resource: 'export',
			operation: 'employeeSkillClusters',
			returnAll: true,
			options: { activeOnly: true, include: ['current_skills', 'related_skills'] },
		});
		const active = await harness.json({
			resource: 'employee',
			operation: 'getAll',
			returnAll: true,
			filters: { isActive: 'true' },
		});
		expect(records).toHaveLength(active.length);
		expect(requests('POST /export/employees/skill_clusters')).toBe(Math.ceil(active.length / 100));
		expect(lastBody('POST /export/employees/skill_clusters')).toMatchObject({
			limit: 100,
			filters: [{ filter: 'is_active', is_active: true }],
			include: ['current_skills', 'related_skills'],
		});
		const e1 = records.find((record) => record.external_id === 'E1') as IDataObject;
		const programming = (e1.skill_clusters as IDataObject[]).find(
			(cluster) => cluster.skill_cluster_id === FIXTURE_IDS.skillCluster,
		);
		expect(programming).toMatchObject({ skill_cluster_name: 'Programming Languages', validation_state: 'validated' });
		expect((programming?.current_skills as IDataObject[]).map((skill) => skill.name)).toContain('Python');
	});

	test('employee task profiles: a limit, with AI impact on request', async () => {
		const records = await harness.json({
			resource: 'export',
			operation: 'employeeTaskProfiles',
			limit: 5,
			options: { include: ['ai_impact'] },
		});
		expect(records).toHaveLength(5);
		expect(lastBody('POST /export/employees/task_profiles')).toEqual({ limit: 5, include: ['ai_impact'] });
		const task = (records[0]?.tasks as IDataObject[])[0];
		expect(task).toMatchObject({
			task: expect.any(String),
			weekly_hours: expect.any(Number),
			ai_impact: { level: 'H2' },
		});
	});

	test('job suggestions: suggested ones of some job families, with the vendor', async () => {
		const records = await harness.json({
			resource: 'export',
			operation: 'jobSuggestions',
			returnAll: true,
			options: { states: 'suggested', jobFamilyIds: FIXTURE_IDS.jobFamily },
		});
		expect(lastBody('POST /job_architecture/export/suggestions')).toEqual({
			limit: 100,
			filters: [
				{ filter: 'state_is_in_list', states: ['suggested'] },
				{ filter: 'job_family_id_is_in_list', job_family_ids: [FIXTURE_IDS.jobFamily] },
			],
		});
		expect(records.length).toBeGreaterThan(0);
		expect(new Set(records.map((record) => record.job_id))).toEqual(new Set(['J1', 'J7']));
		expect(records.every((record) => record.suggestion_type === 'add_job_skill')).toBe(true);
		await harness.run({
			resource: 'export',
			operation: 'jobSuggestions',
			limit: 1,
			options: { externalVendor: 'workday' },
		});
		expect(harness.lastRequest('POST /job_architecture/export/suggestions')?.query).toBe('external_vendor=workday');
		expect(lastBody('POST /job_architecture/export/suggestions')).toEqual({ limit: 1 });
	});

	test('job task profiles: all jobs, oldest first, over pages; a job without tasks has none', async () => {
		const first = await harness.json({ resource: 'export', operation: 'jobTaskProfiles', limit: 3 });
		expect(first.map((record) => record.external_id)).toEqual(['J1', 'J2', 'J3']);
		const all = await harness.json({
			resource: 'export',
			operation: 'jobTaskProfiles',
			returnAll: true,
			options: { include: ['linked_skills', 'weekly_hours'] },
		});
		expect(all.map((record) => record.external_id)).toEqual(['J1', 'J2', 'J3', 'J4', 'J5', 'J6', 'J7', 'J8']);
		expect(all.find((record) => record.external_id === 'J8')?.tasks).toEqual([]);
		const task = (all[0]?.tasks as IDataObject[])[0];
		expect(task).toMatchObject({ weekly_hours: expect.any(Number), linked_skills: expect.any(Array) });
		expect(task).not.toHaveProperty('ai_impact');
	});

	test('job market skill profiles and market alignment: each job’s peer groups', async () => {
		const profiles = await harness.json({
			resource: 'export',
			operation: 'jobMarketSkillProfiles',
			returnAll: true,
			options: { alphabetical: true },
		});
		expect(lastBody('POST /job_architecture/export/jobs/market_skill_profiles')).toEqual({
			limit: 100,
			output_skills_sorting: 'alphabetical',
		});
		const j1 = profiles.find((record) => record.external_id === 'J1') as IDataObject;
		const [peerGroup] = j1.peer_groups as Array<{ peer_group: string; skills: IDataObject[] }>;
		const names = peerGroup?.skills.map((skill) => String(skill.skill)) ?? [];
		expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b)));

		const alignment = await harness.json({
			resource: 'export',
			operation: 'jobMarketAlignment',
			returnAll: true,
			options: { jobFamilyIds: 'JF-DATA' },
		});
		expect(alignment).toEqual([
			{
				job_id: 'J2',
				alignment_scores: [{ peer_group: 'Data Analyst, Belgium', job_to_peer_score: 0.81, peer_to_job_score: 0.69 }],
			},
		]);
	});

	test('Active Employees Only is read one way by every employee export: an expression’s "false" is false, "maybe" is refused before any request', async () => {
		const exports = [
			['employeeSkillProfiles', 'POST /export/employees/skill_profiles'],
			['employeeSkillClusters', 'POST /export/employees/skill_clusters'],
			['employeeTaskProfiles', 'POST /export/employees/task_profiles'],
		] as const;
		for (const [operation, route] of exports) {
			await harness.run({ resource: 'export', operation, limit: 1, options: { activeOnly: '={{ "false" }}' } });
			expect(lastBody(route)).toMatchObject({ filters: [{ filter: 'is_active', is_active: false }] });

			const before = requests(route);
			await expect(
				harness.run({ resource: 'export', operation, limit: 1, options: { activeOnly: '={{ "maybe" }}' } }),
			).rejects.toMatchObject({
				message: "Invalid input for field 'Active Employees Only' inside 'Options' in [item 0]",
			});
			expect(requests(route)).toBe(before);
		}
	});
});

describe('Job Change and Vacancy', () => {
	test('preview a job description (202 → the change id), then get the change with its context', async () => {
		const [preview] = await harness.json({
			resource: 'jobChange',
			operation: 'preview',
			jobId: { __rl: true, mode: 'list', value: FIXTURE_IDS.job },
			instructions: 'Use inclusive language',
			options: { referenceJobIds: 'J7', sections: 'Summary, Responsibilities', useInternalJobData: true },
		});
		expect(preview).toEqual({ change_id: expect.stringMatching(/^[0-9A-Z]{26}$/), job_id: FIXTURE_IDS.job });
		expect(lastBody('POST /job_architecture/changes/preview')).toEqual({
			change_type: 'add_job_description',
			context: {
				instructions: 'Use inclusive language',
				reference_job_ids: ['J7'],
				sections_to_include: ['Summary', 'Responsibilities'],
				use_internal_job_data: true,
			},
			job_id: FIXTURE_IDS.job,
		});
		const [change] = await harness.json({
			resource: 'jobChange',
			operation: 'get',
			changeId: String(preview?.change_id),
			includeContext: true,
		});
		expect(change).toMatchObject({
			external_id: preview?.change_id,
			change_type: 'add_job_description',
			change_status: 'suggested',
			change_data: { job_id: FIXTURE_IDS.job, job_description: expect.stringContaining('Python') },
			context: { instructions: 'Use inclusive language' },
		});
		const [withoutContext] = await harness.json({
			resource: 'jobChange',
			operation: 'get',
			changeId: FIXTURE_IDS.jobChange,
		});
		expect(withoutContext).not.toHaveProperty('context');
	});

	test('vacancy: get, with custom properties', async () => {
		const [vacancy] = await harness.json({
			resource: 'vacancy',
			operation: 'get',
			vacancyId: FIXTURE_IDS.vacancy,
			includeCustomProperties: true,
		});
		expect(vacancy).toMatchObject({
			external_id: FIXTURE_IDS.vacancy,
			job_title: 'Senior Data Engineer',
			languages: [
				{ language: 'en', level: 4 },
				{ language: 'nl', level: 2 },
			],
			custom_properties: [{ property_name: 'hiring_manager', property_value: 'E7' }],
		});
		const [plain] = await harness.json({ resource: 'vacancy', operation: 'get', vacancyId: FIXTURE_IDS.vacancy });
		expect(plain).not.toHaveProperty('custom_properties');
	});
});
