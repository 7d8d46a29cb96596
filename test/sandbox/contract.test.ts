/**
 * The OpenAPI contract (`sandbox/contract/techwolf.openapi.yaml`) and the sandbox agree: every operation the sandbox
 * plays has a handler, one documented request per operation is accepted and answered in the contract's shape, every
 * shape the contract refuses gets TechWolf's 400 with the problem named, and the errors are TechWolf's
 * `[{title, description}]`.
 */
import { HANDLERS } from '../../sandbox/api';
import {
	CONTRACT_OPERATIONS,
	checkAnswer,
	checkRequest,
	operationById,
	validateErrorBody,
} from '../../sandbox/contract';
import { FIXTURE_IDS } from '../../sandbox/data';
import { useSandbox, type Reply } from './client';

const client = useSandbox();

interface Sample {
	path: string;
	json?: unknown;
}

const event = (type: string, content: Record<string, unknown>) => ({
	external_id: `EV-${type}`,
	event_type: type,
	timestamp: '2024-05-01',
	source: 'n8n',
	content,
});

/** One documented request per entry, against the fixture data. */
const SAMPLES: Record<string, Sample> = {
	listEmployees: { path: '/employees?limit=5&offset=0&is_active=true' },
	getEmployee: { path: `/employees/${FIXTURE_IDS.employeeWithProfile}?include=custom_properties` },
	createEmployee: {
		path: '/employees?language=en&strict=false',
		json: { external_id: 'NEW-1', assigned_position: 'Data Engineer', working_history: [{ job_title: 'Analyst' }] },
	},
	updateEmployee: { path: `/employees/${FIXTURE_IDS.employeeWithProfile}`, json: { organisational_unit: 'OU-1' } },
	getEmployeeSkillProfile: {
		path: `/employees/${FIXTURE_IDS.employeeWithProfile}/skill_profile?include=sources&include=low_data_availability_flag&vocab_language=fr`,
	},
	giveEmployeeSkillProfileFeedback: {
		path: `/employees/${FIXTURE_IDS.employeeWithProfile}/skill_profile?feedback_format=skills`,
		json: { source: 'oracle', skills: [{ skill_id: FIXTURE_IDS.suggestedSkillOfEmployee, has_skill: true }] },
	},
	createEmployeeSkillEvent: {
		path: `/employees/${FIXTURE_IDS.employeeWithEmptyProfile}/skill_events?language=auto`,
		json: event('learning', { learning_title: 'SQL for analysts', learning_description: 'Joins and window functions' }),
	},
	getJobSkillProfile: {
		path: `/job_architecture/jobs/${FIXTURE_IDS.job}/skill_profile?domain_namespace=taxonomy&include=critical&include=proficiency_level&include=proficiency_float&include=skill_validation_state&include=low_data_availability_flag`,
	},
	getJobSuggestedSkillProfile: {
		path: `/job_architecture/jobs/${FIXTURE_IDS.job}/suggested_skill_profile?domain_namespace=adaptive`,
	},
	giveJobSkillProfileFeedback: {
		path: `/job_architecture/jobs/${FIXTURE_IDS.job}/skill_profile`,
		json: {
			source: 'n8n',
			skills: [
				{
					skill_id: FIXTURE_IDS.skill,
					has_skill: true,
					proficiency_level: 2,
					proficiency_float: 0.66,
					critical: false,
				},
			],
		},
	},
	getCourseSkillProfile: { path: `/courses/${FIXTURE_IDS.course}/skill_profile` },
	getSkill: { path: `/taxonomy/skills/${FIXTURE_IDS.workdaySkill}?external_vendor=workday` },
	exportSkills: {
		path: '/export/skills?vocab_language=de',
		json: { limit: 3, filters: { filters: [{ filter: 'skill_source', skill_source: 'vocabulary' }] } },
	},
	exportTaxonomyChanges: {
		path: '/taxonomy/export?external_vendor=workday',
		json: { limit: 5, filters: [{ filter: 'timestamp', value: '2021-01-21T17:32:28', operator: 'gte' }] },
	},
	deleteEmployee: { path: `/employees/${FIXTURE_IDS.employeeWithEmptyProfile}` },
	listEmployeeSkillEvents: {
		path: `/employees/${FIXTURE_IDS.employeeWithProfile}/skill_events?event_type=project&event_type=working_history&limit=10`,
	},
	suggestEmployeeSkills: {
		path: '/employees/suggestions/skills?vocab_language=en_uk&vocab_language=nl&max_skills=3&include=suggested_skills&include=validated_skills&include=proficiency&include=job_critical_info&properties%5Bsap_status%5D=active',
		json: { employee_ids: [FIXTURE_IDS.employeeWithProfile, 'E4'], response_format: 'skill_profiles' },
	},
	createJob: {
		path: '/job_architecture/jobs',
		json: { external_id: 'job-1', job_name: 'Frontend Developer', job_family_id: FIXTURE_IDS.jobFamily },
	},
	getJob: { path: `/job_architecture/jobs/${FIXTURE_IDS.job}` },
	updateJob: { path: `/job_architecture/jobs/${FIXTURE_IDS.job}`, json: { job_name: 'Senior Software Engineer' } },
	addJobProfileData: {
		path: `/job_architecture/jobs/${FIXTURE_IDS.job}/profile_data`,
		json: {
			external_id: 'job-1-desc-1',
			source: 'Archives',
			data_type: 'job_description',
			data: { job_description: 'Builds web applications with TypeScript and Docker.' },
		},
	},
	createJobFamily: {
		path: '/job_architecture/job_families',
		json: {
			external_id: '101',
			job_family_name: 'Software Developer',
			job_family_group: 'IT & Engineering',
			active: true,
		},
	},
	getJobFamilySkillProfile: {
		path: `/job_architecture/job_families/${FIXTURE_IDS.jobFamily}/skill_profile?domain_namespace=techwolf&vocab_language=en_uk`,
	},
	addJobFamilyProfileData: {
		path: `/job_architecture/job_families/${FIXTURE_IDS.jobFamily}/profile_data`,
		json: {
			external_id: 'job-family-101-desc-1',
			source: 'Archives',
			data_type: 'job_family_description',
			data: { job_family_description: 'A software developer writes code in programming languages such as Python.' },
		},
	},
	exportJobSkillProfiles: {
		path: '/job_architecture/export/jobs/skill_profiles?response_format=list',
		json: {
			limit: 3,
			filters: [
				{ filter: 'last_updated', value: '2030-01-01', operator: 'lt' },
				{ filter: 'job_family_id_is_in_list', job_family_ids: [FIXTURE_IDS.jobFamily] },
			],
			include: ['low_data_availability_flag', 'proficiency_level', 'proficiency_float', 'critical'],
			output_skills_sorting: 'alphabetical',
		},
	},
	exportEmployeeSkillProfiles: {
		path: '/export/employees/skill_profiles?response_format=list',
		json: {
			limit: 3,
			filters: [{ filter: 'is_active', is_active: true }],
			include: ['skill_validation_state', 'sources', 'rejected_skills', 'low_data_availability_flag'],
			output_skills_sorting: 'alphabetical',
		},
	},
	listOrganisationalUnits: {
		path: `/organisational_units?limit=5&offset=0&parent_id=${FIXTURE_IDS.rootOrganisationalUnit}`,
	},
	getOrganisationalUnit: { path: `/organisational_units/${FIXTURE_IDS.organisationalUnit}` },
	getSkillCluster: { path: `/skill_clusters/${FIXTURE_IDS.skillCluster}?include=custom_properties` },
	getSkillClusterSkillProfile: {
		path: `/skill_clusters/${FIXTURE_IDS.skillCluster}/skill_profile?response_format=list&vocab_language=fr`,
	},
	createSkill: {
		path: '/taxonomy/skills?external_vendor=sap_attribute_library',
		json: {
			skill_id: 'a3903505-eb84-42dc-a79f-5e7b1fe897b7',
			skill_name: 'SQL',
			skill_description: 'SQL is a standard database query language.',
			properties: { sap_status: { value: 'active' } },
		},
	},
	exportEmployeeSkillClusters: {
		path: '/export/employees/skill_clusters',
		json: {
			limit: 10,
			filters: [{ filter: 'is_active', is_active: true }],
			include: ['sources', 'current_skills', 'related_skills', 'rejected_skills'],
		},
	},
	exportEmployeeTaskProfiles: {
		path: '/export/employees/task_profiles?response_format=list',
		json: { limit: 10, include: ['ai_impact', 'source_events'], filters: [{ filter: 'is_active', is_active: true }] },
	},
	exportJobSuggestions: {
		path: '/job_architecture/export/suggestions?category=skills',
		json: { limit: 10, response_format: 'list', filters: [{ filter: 'state_is_in_list', states: ['suggested'] }] },
	},
	exportJobTaskProfiles: {
		path: '/job_architecture/export/jobs/task_profiles?response_format=list',
		json: { limit: 10, starting_after: FIXTURE_IDS.job, include: ['ai_impact', 'source_data'] },
	},
	exportJobMarketSkillProfiles: {
		path: '/job_architecture/export/jobs/market_skill_profiles?response_format=list',
		json: {
			limit: 10,
			filters: [{ filter: 'last_updated', value: '2030-01-01', operator: 'lt' }],
			output_skills_sorting: 'alphabetical',
		},
	},
	exportJobMarketAlignment: {
		path: '/job_architecture/export/jobs/market_alignment?response_format=simple',
		json: { limit: 10, filters: [{ filter: 'last_updated', value: '2030-01-01', operator: 'lt' }] },
	},
	previewJobChange: {
		path: '/job_architecture/changes/preview',
		json: {
			change_type: 'add_job_description',
			context: {
				instructions: 'Please use inclusive language and highlight remote work opportunities',
				reference_job_ids: [FIXTURE_IDS.job],
				sections_to_include: ['Summary', 'Responsibilities'],
				use_internal_job_data: true,
			},
			job_id: FIXTURE_IDS.job,
		},
	},
	getJobChange: { path: `/job_architecture/changes/${FIXTURE_IDS.jobChange}?include=context` },
	getVacancy: { path: `/vacancies/${FIXTURE_IDS.vacancy}?include=custom_properties` },
	getVersion: { path: '/version' },
	getEmployeeJobMatch: {
		path: `/employees/${FIXTURE_IDS.employeeWithProfile}/jobs/${FIXTURE_IDS.job}/match?response_format=simple&external_vendor=techwolf&vocab_language=de`,
	},
	getEmployeeVacancyMatch: {
		path: `/employees/${FIXTURE_IDS.employeeWithProfile}/vacancies/${FIXTURE_IDS.vacancy}/match?response_format=simple&external_vendor=workday`,
	},
	matchJobsForEmployee: {
		path: `/employees/${FIXTURE_IDS.employeeWithProfile}/matching_jobs`,
		json: {
			filters: [{ filter: 'last_updated', value: '2030-01-01', operator: 'lt' }],
			weights: [{ weight: 'skills_match', value: 1 }],
		},
	},
	matchEmployeesForJob: {
		path: `/job_architecture/jobs/${FIXTURE_IDS.job}/matching_employees?limit=5&score_min_threshold=0.1`,
		json: { filters: [{ filter: 'custom_property', property_name: 'cost_center', property_value: 'CC-1001' }] },
	},
	matchVacanciesForEmployee: {
		path: `/employees/${FIXTURE_IDS.employeeWithProfile}/matching_vacancies?limit=10`,
		json: { filters: [{ filter: 'max_geo_distance', max_geo_distance: 100 }], weights: [] },
	},
	matchCompaniesForEmployee: {
		path: `/employees/${FIXTURE_IDS.employeeWithProfile}/matching_companies?score_min_threshold=0`,
		json: {
			weights: [
				{ weight: 'desired_functions', value: 0.03 },
				{ weight: 'geo_distance', value: 0.1, full_score_distance: 5, zero_score_distance: 50 },
			],
		},
	},
	matchEmployeesForCompany: { path: '/companies/acme/matching_employees?limit=3', json: { filters: [], weights: [] } },
	exportEmployeeMatchingJobs: {
		path: '/export/employees/matching_jobs',
		json: { limit: 2, match_limit_per_entity: 3, score_min_threshold: 0.1 },
	},
	exportJobMatchingEmployees: {
		path: '/job_architecture/export/jobs/matching_employees?response_format=simple',
		json: { limit: 2, match_limit_per_entity: 2, weights: [{ weight: 'skills_match', value: 1 }] },
	},
	matchEmployeesForVacancy: {
		path: `/vacancies/${FIXTURE_IDS.vacancy}/matching_employees?limit=5&score_min_threshold=0`,
		json: {
			filters: [{ filter: 'max_geo_distance', max_geo_distance: 100 }],
			weights: [
				{ weight: 'skills_match', value: 1 },
				{ weight: 'desired_functions', value: 0.03 },
			],
		},
	},
	exportEmployeeMatchingVacancies: {
		path: '/export/employees/matching_vacancies?response_format=simple',
		json: {
			limit: 2,
			match_limit_per_entity: 3,
			filters: [{ filter: 'max_geo_distance', max_geo_distance: 50 }],
			weights: [{ weight: 'geo_distance', value: 0.1, full_score_distance: 5, zero_score_distance: 50 }],
		},
	},
};

async function send(operationId: string, sample: Sample): Promise<Reply> {
	return await client.call(sample.path, {
		method: operationById(operationId).method,
		...(sample.json === undefined ? {} : { json: sample.json }),
	});
}

describe('the contract', () => {
	test('every operation names its TechWolf page, and says where the pages are missing', () => {
		for (const operation of CONTRACT_OPERATIONS) {
			expect(operation.docsUrl).toMatch(/^https:\/\/developers\.techwolf\.ai\//);
			if (!operation.documented) expect(operation.unknown).toEqual(expect.any(String));
		}
		expect(new Set(CONTRACT_OPERATIONS.map((operation) => operation.operationId)).size).toBe(
			CONTRACT_OPERATIONS.length,
		);
	});

	test('the pages the issue names as missing or cut off are marked so', () => {
		for (const id of [
			'deleteEmployee',
			'getJob',
			'updateJob',
			'listEmployeeSkillEvents',
			'getCourseSkillProfile',
			'getSkill',
		]) {
			expect({ id, documented: operationById(id).documented }).toEqual({ id, documented: false });
		}
	});
});

describe('every operation the sandbox plays, against the sandbox', () => {
	const played = Object.keys(HANDLERS).sort();

	test('the samples cover every operation the sandbox plays', () => {
		expect(Object.keys(SAMPLES).sort()).toEqual(played);
	});

	test.each(played.map((id) => [id] as const))(
		'%s: a documented request is accepted and answered in the contract’s shape',
		async (id) => {
			const sample = SAMPLES[id] as Sample;
			const reply = await send(id, sample);
			// The error body, if any, shows in the failure message.
			expect(reply.status < 300 ? 'accepted' : reply.body).toBe('accepted');
			expect(checkAnswer(operationById(id), reply.status, reply.body)).toEqual([]);
			expect(client.sandbox.stats().contractViolations).toEqual([]);
		},
	);

	test('an operation of the contract the sandbox does not play answers 501 in TechWolf’s error shape', async () => {
		const unplayed = CONTRACT_OPERATIONS.find((operation) => HANDLERS[operation.operationId] === undefined);
		if (!unplayed) return;
		const reply = await client.call(unplayed.path.replace(/\{[^}]+\}/g, 'X1'), {
			method: unplayed.method,
			...(unplayed.method === 'GET' ? {} : { json: {} }),
		});
		expect(reply.status).toBe(501);
		expect(validateErrorBody(reply.body)).toBe(true);
	});

	test('a request the contract refuses is a 400 in TechWolf’s error shape, naming the problem', async () => {
		const refusals: [id: string, sample: Sample, problem: string][] = [
			['listEmployees', { path: '/employees?page=2' }, 'unknown query parameter "page"'],
			['listEmployees', { path: '/employees?is_active=yes' }, 'query/is_active must be boolean'],
			['getEmployeeSkillProfile', { path: '/employees/E1/skill_profile?include[]=sources' }, 'instead of brackets'],
			['getEmployeeSkillProfile', { path: '/employees/E1/skill_profile?response_format=table' }, 'must be one of list'],
			[
				'createEmployee',
				{ path: '/employees?language=en', json: { external_id: 'E77', languages: ['en'] } },
				'body/languages/0 must be object',
			],
			[
				'createEmployeeSkillEvent',
				{ path: '/employees/E1/skill_events', json: event('goal', {}) },
				'language is required',
			],
			[
				'createEmployeeSkillEvent',
				{ path: '/employees/E1/skill_events?language=en', json: event('hobby', {}) },
				'body/event_type must be one of working_history',
			],
			[
				'giveJobSkillProfileFeedback',
				{
					path: `/job_architecture/jobs/${FIXTURE_IDS.job}/skill_profile?external_vendor=workday`,
					json: { source: 'n8n', skills: [{ skill_id: FIXTURE_IDS.skill, has_skill: true }] },
				},
				'unknown query parameter "external_vendor"',
			],
			[
				'exportEmployeeSkillProfiles',
				{ path: '/export/employees/skill_profiles', json: { limit: 200 } },
				'body/limit must be <= 100',
			],
			['exportTaxonomyChanges', { path: '/taxonomy/export', json: { limit: 500 } }, 'body/limit must be <= 200'],
			['exportSkills', { path: '/export/skills', json: { filters: [] } }, 'body/filters must be object'],
			[
				'exportEmployeeMatchingJobs',
				{ path: '/export/employees/matching_jobs', json: { limit: 100 } },
				'body/limit must be <= 50',
			],
			[
				'matchEmployeesForJob',
				{ path: `/job_architecture/jobs/${FIXTURE_IDS.job}/matching_employees?score_min_threshold=1.5`, json: {} },
				'query/score_min_threshold must be <= 1',
			],
			[
				'matchJobsForEmployee',
				{
					path: `/employees/${FIXTURE_IDS.employeeWithProfile}/matching_jobs`,
					json: { weights: [{ weight: 'geo_distance', value: 0.1 }] },
				},
				'body/weights/0/weight must be equal to constant',
			],
			[
				'matchEmployeesForVacancy',
				{ path: `/vacancies/${FIXTURE_IDS.vacancy}/matching_employees?limit=101`, json: {} },
				'query/limit must be <= 100',
			],
			[
				'exportEmployeeMatchingVacancies',
				{ path: '/export/employees/matching_vacancies', json: { limit: 100 } },
				'body/limit must be <= 50',
			],
		];
		for (const [id, sample, problem] of refusals) {
			const reply = await send(id, sample);
			expect({ id, status: reply.status, errorShape: validateErrorBody(reply.body) }).toEqual({
				id,
				status: 400,
				errorShape: true,
			});
			expect(JSON.stringify(reply.body)).toContain(problem.replace(/"/g, '\\"'));
		}
	});

	test('errors the routes raise (404, 409, 405, 401) are TechWolf’s error array', async () => {
		const replies = [
			await client.call('/employees/NOBODY'),
			await client.call('/employees?language=en&strict=false', {
				method: 'POST',
				json: { external_id: FIXTURE_IDS.employeeWithProfile },
			}),
			await client.call('/employees/E1', { method: 'PUT' }),
			await client.call('/employees', { headers: { authorization: '' } }),
		];
		expect(replies.map((reply) => reply.status)).toEqual([404, 409, 405, 401]);
		for (const reply of replies) expect(validateErrorBody(reply.body)).toBe(true);
	});
});

/** Differences the endpoint-by-endpoint pass over TechWolf's stored pages found (sandbox/contract/READING.md, "Third search"). */
describe('the contract says what the stored pages show', () => {
	const refused = async (id: string, sample: Sample, problem: string) => {
		const reply = await send(id, sample);
		expect({ id, status: reply.status, errorShape: validateErrorBody(reply.body) }).toEqual({
			id,
			status: 400,
			errorShape: true,
		});
		expect(JSON.stringify(reply.body)).toContain(problem);
	};

	test('Update Employee answers 204, 404 or 422, as the entity-creation tutorial draws it, and nothing else', async () => {
		const update = operationById('updateEmployee');
		expect(Object.keys(update.definition.responses as object).sort()).toEqual(['204', '404', '422']);
		expect(checkAnswer(update, 200, { external_id: 'E1' })).toEqual([
			'status 200 is not among the responses of updateEmployee (204, 404, 422)',
		]);
		const missing = await client.call('/employees/NOBODY', { method: 'PATCH', json: { active: false } });
		expect(missing.status).toBe(404);
		expect(checkAnswer(update, missing.status, missing.body)).toEqual([]);
	});

	test('Skill suggestions: the display languages and response formats the page lists, no others', async () => {
		const path = '/employees/suggestions/skills';
		const json = { employee_ids: [FIXTURE_IDS.employeeWithProfile] };
		await refused('suggestEmployeeSkills', { path: `${path}?vocab_language=zh_cn`, json }, 'must be one of en, en_uk');
		await refused(
			'suggestEmployeeSkills',
			{ path, json: { ...json, response_format: 'table' } },
			'body/response_format must be one of skill_profiles, skill_clusters',
		);
	});

	test('Export Skills: the display languages and vendors the page lists, no others', async () => {
		await refused('exportSkills', { path: '/export/skills?vocab_language=fr-FR', json: {} }, 'must be one of en');
		await refused(
			'exportSkills',
			{ path: '/export/skills?external_vendor=techwolf', json: {} },
			'must be one of workday, sap_attribute_library',
		);
	});

	test('Job suggestion interactions: the list sits under interactions, at least one, as the curl crawl names it', () => {
		const interactions = operationById('interactWithJobSuggestions');
		const problems = (body: unknown) =>
			checkRequest(interactions, { pathParameters: {}, query: new URLSearchParams('category=skills'), body });
		const example = [
			{ suggestion_id: '550e8400-e29b-41d4-a716-446655440000', state: 'accepted' },
			{ suggestion_id: '770e8400-e29b-41d4-a716-446655440002', state: 'accepted', data: { proficiency_level: 3 } },
		];
		expect(problems({ interactions: example })).toEqual([]);
		expect(problems({})).toEqual(['body/interactions is required']);
		expect(problems(example)).toEqual([expect.stringContaining('body must be object')]);
		expect(problems({ interactions: [] })).toEqual([expect.stringContaining('must NOT have fewer than 1 items')]);
		expect(problems({ interactions: [{ suggestion_id: 'S1', state: 'maybe' }] })).toEqual([
			expect.stringContaining('must be one of accepted, rejected'),
		]);
	});

	test('External Company matching: the filters its pages list, without the vacancy page’s multi_max_geo_distances', async () => {
		const multiDistance = {
			filter: 'multi_max_geo_distances',
			multi_max_geo_distances: [{ max_geo_distance: 20, location: { lat: 51.34, lng: 3.15 } }],
		};
		await refused(
			'matchCompaniesForEmployee',
			{
				path: `/employees/${FIXTURE_IDS.employeeWithProfile}/matching_companies`,
				json: { filters: [multiDistance] },
			},
			'body/filters/0',
		);
		await refused(
			'matchEmployeesForCompany',
			{ path: '/companies/acme/matching_employees', json: { filters: [multiDistance] } },
			'body/filters/0',
		);
		const companies = operationById('matchCompaniesForEmployee');
		const query = new URLSearchParams('score_min_threshold=0.7&limit=10');
		const listed = [
			{ filter: 'max_geo_distance', max_geo_distance: 50 },
			{ filter: 'language', max_overqualification: 2, max_underqualification: 1 },
			{ filter: 'custom_property_is_in_list', property_name: 'drivers_license', possible_values: ['C', 'CE'] },
		];
		expect(
			checkRequest(companies, { pathParameters: { external_id: 'E1' }, query, body: { filters: listed } }),
		).toEqual([]);
	});

	test('Job → Employees: response_format, external_vendor and include, named after the pages that render them', async () => {
		const path = `/job_architecture/jobs/${FIXTURE_IDS.job}/matching_employees`;
		const accepted = await send('matchEmployeesForJob', {
			path: `${path}?response_format=simple&external_vendor=workday&limit=5`,
			json: {},
		});
		expect(accepted.status).toBe(200);
		expect(checkAnswer(operationById('matchEmployeesForJob'), accepted.status, accepted.body)).toEqual([]);
		await refused(
			'matchEmployeesForJob',
			{ path: `${path}?include=skills`, json: {} },
			'must be one of custom_properties, entity',
		);
		const unplayed = await send('matchEmployeesForJob', { path: `${path}?include=entity`, json: {} });
		expect(unplayed.status).toBe(501);
		expect(validateErrorBody(unplayed.body)).toBe(true);
	});

	test('Employee → Vacancies: multi_max_geo_distances locations are a point or a postal code, as the example shows', () => {
		const vacancies = operationById('matchVacanciesForEmployee');
		const problems = (location: unknown) =>
			checkRequest(vacancies, {
				pathParameters: { external_id: 'E1' },
				query: new URLSearchParams(),
				body: {
					filters: [
						{ filter: 'multi_max_geo_distances', multi_max_geo_distances: [{ max_geo_distance: 20, location }] },
					],
				},
			});
		expect(problems({ lat: 51.34, lng: 3.15 })).toEqual([]);
		expect(problems({ country: 'BE', postal_code: 9000 })).toEqual([]);
		expect(problems({})).not.toEqual([]);
		expect(problems({ lat: 51.34 })).not.toEqual([]);
	});

	test('Job Family skill profile: documented, with the Workday languages and BCP 47 tags its page accepts', async () => {
		const profile = operationById('getJobFamilySkillProfile');
		expect(profile.documented).toBe(true);
		expect(profile.docsUrl).toContain('/reference/latest/Job%20Families/JobFamilyProfile/');
		for (const query of ['vocab_language=es&external_vendor=workday', 'vocab_language=fr-FR']) {
			const reply = await client.call(`/job_architecture/job_families/${FIXTURE_IDS.jobFamily}/skill_profile?${query}`);
			expect({ query, status: reply.status }).toEqual({ query, status: 200 });
			expect(checkAnswer(profile, reply.status, reply.body)).toEqual([]);
		}
	});
});
