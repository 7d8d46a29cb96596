/**
 * The contract (`sandbox/contract/`) and the sandbox agree: every entry has a route, one request TechWolf documents
 * per entry is accepted and answered in the contract's shape, every shape the contract refuses gets TechWolf's 400 with
 * the problem named, and the errors are TechWolf's `[{title, description}]`.
 */
import { checkAnswer, REPORT_ONLY } from '../../sandbox/api';
import {
	API_CONTRACT,
	API_UNKNOWNS,
	ERROR_BODY,
	HOST,
	check,
	checkRequest,
	endpointById,
	tokenEndpoint,
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
	timestamp: '2024-05-01T09:00:00Z',
	source: 'n8n',
	content,
});

/** One documented request per entry, against the fixture data. */
const SAMPLES: Record<string, Sample> = {
	'employee.getAll': { path: '/employees?limit=5&offset=0&is_active=true' },
	'employee.get': { path: `/employees/${FIXTURE_IDS.employeeWithProfile}?include=custom_properties` },
	'employee.create': {
		path: '/employees?language=en&strict=false',
		json: { external_id: 'NEW-1', assigned_position: 'Data Engineer', working_history: [{ job_title: 'Analyst' }] },
	},
	'employee.update': { path: `/employees/${FIXTURE_IDS.employeeWithProfile}`, json: { organisational_unit: 'OU-1' } },
	'employee.getSkillProfile': {
		path: `/employees/${FIXTURE_IDS.employeeWithProfile}/skill_profile?include=sources&include=low_data_availability_flag&vocab_language=fr`,
	},
	'employee.updateSkillProfile': {
		path: `/employees/${FIXTURE_IDS.employeeWithProfile}/skill_profile?feedback_format=skills`,
		json: { source: 'oracle', skills: [{ skill_id: FIXTURE_IDS.suggestedSkillOfEmployee, has_skill: true }] },
	},
	'employee.addSkillEvent': {
		path: `/employees/${FIXTURE_IDS.employeeWithEmptyProfile}/skill_events?language=auto`,
		json: event('learning', { learning_title: 'SQL for analysts', learning_description: 'Joins and window functions' }),
	},
	'job.getSkillProfile': {
		path: `/job_architecture/jobs/${FIXTURE_IDS.job}/skill_profile?domain_namespace=taxonomy&include=critical&include=proficiency_level&include=proficiency_float&include=skill_validation_state&include=low_data_availability_flag`,
	},
	'job.getSuggestedSkillProfile': {
		path: `/job_architecture/jobs/${FIXTURE_IDS.job}/suggested_skill_profile?domain_namespace=adaptive`,
	},
	'job.updateSkillProfile': {
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
	'course.getSkillProfile': { path: `/courses/${FIXTURE_IDS.course}/skill_profile` },
	'skill.get': { path: `/taxonomy/skills/${FIXTURE_IDS.workdaySkill}?external_vendor=workday` },
	'skill.export': {
		path: '/export/skills?vocab_language=de',
		json: { limit: 3, filters: { filters: [{ filter: 'skill_source', skill_source: 'vocabulary' }] } },
	},
	'taxonomy.exportChanges': {
		path: '/taxonomy/export?external_vendor=workday',
		json: { limit: 5, filters: [{ filter: 'timestamp', value: '2021-01-21T17:32:28', operator: 'gte' }] },
	},
	'employee.delete': { path: `/employees/${FIXTURE_IDS.employeeWithEmptyProfile}` },
	'employee.getSkillEvents': {
		path: `/employees/${FIXTURE_IDS.employeeWithProfile}/skill_events?event_type=project&event_type=working_history&limit=10`,
	},
	'employee.getSkillSuggestions': {
		path: '/employees/suggestions/skills?vocab_language=en_uk&vocab_language=nl&max_skills=3&include=suggested_skills&include=validated_skills&include=proficiency&include=job_critical_info&properties%5Bsap_status%5D=active',
		json: { employee_ids: [FIXTURE_IDS.employeeWithProfile, 'E4'], response_format: 'skill_profiles' },
	},
	'job.create': {
		path: '/job_architecture/jobs',
		json: { external_id: 'job-1', job_name: 'Frontend Developer', job_family_id: FIXTURE_IDS.jobFamily },
	},
	'job.get': { path: `/job_architecture/jobs/${FIXTURE_IDS.job}` },
	'job.update': { path: `/job_architecture/jobs/${FIXTURE_IDS.job}`, json: { job_name: 'Senior Software Engineer' } },
	'job.addProfileData': {
		path: `/job_architecture/jobs/${FIXTURE_IDS.job}/profile_data`,
		json: {
			external_id: 'job-1-desc-1',
			source: 'Archives',
			data_type: 'job_description',
			data: { job_description: 'Builds web applications with TypeScript and Docker.' },
		},
	},
	'jobFamily.create': {
		path: '/job_architecture/job_families',
		json: {
			external_id: '101',
			job_family_name: 'Software Developer',
			job_family_group: 'IT & Engineering',
			active: true,
		},
	},
	'jobFamily.getSkillProfile': {
		path: `/job_architecture/job_families/${FIXTURE_IDS.jobFamily}/skill_profile?domain_namespace=techwolf&vocab_language=en_uk`,
	},
	'jobFamily.addProfileData': {
		path: `/job_architecture/job_families/${FIXTURE_IDS.jobFamily}/profile_data`,
		json: {
			external_id: 'job-family-101-desc-1',
			source: 'Archives',
			data_type: 'job_family_description',
			data: { job_family_description: 'A software developer writes code in programming languages such as Python.' },
		},
	},
	'export.jobSkillProfiles': {
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
	'organisationalUnit.getAll': {
		path: `/organisational_units?limit=5&offset=0&parent_id=${FIXTURE_IDS.rootOrganisationalUnit}`,
	},
	'organisationalUnit.get': { path: `/organisational_units/${FIXTURE_IDS.organisationalUnit}` },
	'skillCluster.get': { path: `/skill_clusters/${FIXTURE_IDS.skillCluster}?include=custom_properties` },
	'skillCluster.getSkillProfile': {
		path: `/skill_clusters/${FIXTURE_IDS.skillCluster}/skill_profile?response_format=list&vocab_language=fr`,
	},
	'taxonomy.createSkill': {
		path: '/taxonomy/skills?external_vendor=sap_attribute_library',
		json: {
			skill_id: 'a3903505-eb84-42dc-a79f-5e7b1fe897b7',
			skill_name: 'SQL',
			skill_description: 'SQL is a standard database query language.',
			properties: { sap_status: { value: 'active' } },
		},
	},
	'export.employeeSkillClusters': {
		path: '/export/employees/skill_clusters',
		json: {
			limit: 10,
			filters: [{ filter: 'is_active', is_active: true }],
			include: ['sources', 'current_skills', 'related_skills', 'rejected_skills'],
		},
	},
	'export.employeeTaskProfiles': {
		path: '/export/employees/task_profiles?response_format=list',
		json: { limit: 10, include: ['ai_impact', 'source_events'], filters: [{ filter: 'is_active', is_active: true }] },
	},
	'export.jobSuggestions': {
		path: '/job_architecture/export/suggestions?category=skills',
		json: { limit: 10, response_format: 'list', filters: [{ filter: 'state_is_in_list', states: ['suggested'] }] },
	},
	'export.jobTaskProfiles': {
		path: '/job_architecture/export/jobs/task_profiles?response_format=list',
		json: { limit: 10, starting_after: FIXTURE_IDS.job, include: ['ai_impact', 'source_data'] },
	},
	'export.jobMarketSkillProfiles': {
		path: '/job_architecture/export/jobs/market_skill_profiles?response_format=list',
		json: {
			limit: 10,
			filters: [{ filter: 'last_updated', value: '2030-01-01', operator: 'lt' }],
			output_skills_sorting: 'alphabetical',
		},
	},
	'export.jobMarketAlignment': {
		path: '/job_architecture/export/jobs/market_alignment?response_format=simple',
		json: { limit: 10, filters: [{ filter: 'last_updated', value: '2030-01-01', operator: 'lt' }] },
	},
	'jobChange.preview': {
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
	'jobChange.get': { path: `/job_architecture/changes/${FIXTURE_IDS.jobChange}?include=context` },
	'vacancy.get': { path: `/vacancies/${FIXTURE_IDS.vacancy}?include=custom_properties` },
	'export.employeeSkillProfiles': {
		path: '/export/employees/skill_profiles?response_format=list',
		json: {
			limit: 3,
			filters: [{ filter: 'is_active', is_active: true }],
			include: ['skill_validation_state', 'sources', 'rejected_skills', 'low_data_availability_flag'],
			output_skills_sorting: 'alphabetical',
		},
	},
};

async function send(id: string, sample: Sample): Promise<Reply> {
	const endpoint = endpointById(id);
	return await client.call(sample.path, {
		method: endpoint.method,
		...(sample.json === undefined ? {} : { json: sample.json }),
	});
}

describe('the contract', () => {
	test('every entry names its pages, a scope, a success status and its pagination', () => {
		for (const endpoint of [...API_CONTRACT, tokenEndpoint]) {
			expect(endpoint.pages.length).toBeGreaterThan(0);
			expect(Object.keys(endpoint.responses).some((status) => status.startsWith('2'))).toBe(true);
			expect(['none', 'offset', 'keyset']).toContain(endpoint.pagination.style);
		}
		expect(new Set(API_CONTRACT.map((endpoint) => endpoint.id)).size).toBe(API_CONTRACT.length);
	});

	test('what the reference does not show is marked UNKNOWN where it applies', () => {
		const text = (id: string) =>
			JSON.stringify(endpointById(id), (_key, value: unknown) => (value instanceof RegExp ? String(value) : value));
		expect(text('course.getSkillProfile')).toContain('UNKNOWN');
		expect(text('skill.get')).toContain('UNKNOWN name');
		expect(text('employee.addSkillEvent')).toContain('UNKNOWN: the pages do not show the content fields');
		expect(text('taxonomy.exportChanges')).toContain("vocab_update_add_skill's content is UNKNOWN");
		expect(text('auth.token')).toContain('UNKNOWN');
		expect(HOST.unknowns.join(' ')).toMatch(/UNKNOWN: the \{region\} label/);
		expect(API_UNKNOWNS.join(' ')).toMatch(/429/);
	});
});

describe('every entry, against the sandbox', () => {
	test('the samples cover every entry', () => {
		expect(Object.keys(SAMPLES).sort()).toEqual(API_CONTRACT.map((endpoint) => endpoint.id).sort());
	});

	test.each(API_CONTRACT.map((endpoint) => [endpoint.id] as const))(
		'%s: a documented request is accepted and answered in the contract’s shape',
		async (id) => {
			const sample = SAMPLES[id] as Sample;
			const reply = await send(id, sample);
			// The error body, if any, shows in the failure message.
			expect(reply.status < 300 ? 'accepted' : reply.body).toBe('accepted');
			expect(checkAnswer(endpointById(id), reply.status, reply.body)).toEqual([]);
			expect(client.sandbox.stats().contractViolations).toEqual([]);
		},
	);

	test('the token endpoint answers in its contract’s shape', async () => {
		const reply = await client.tokenRequest(client.validTokenBody());
		expect(checkAnswer(tokenEndpoint, reply.status, await reply.json())).toEqual([]);
		expect(
			checkRequest(tokenEndpoint, { pathParameters: {}, query: new URLSearchParams(), body: client.validTokenBody() }),
		).toEqual([]);
	});

	test('a request the contract refuses is a 400 in TechWolf’s error shape, naming the problem', async () => {
		const refusals: [id: string, sample: Sample, problem: string][] = [
			['employee.getAll', { path: '/employees?page=2' }, 'unknown query parameter "page"'],
			['employee.getAll', { path: '/employees?is_active=yes' }, 'query parameter is_active must be true or false'],
			['employee.getSkillProfile', { path: '/employees/E1/skill_profile?include[]=sources' }, 'instead of brackets'],
			[
				'employee.getSkillProfile',
				{ path: '/employees/E1/skill_profile?response_format=table' },
				'must be one of list',
			],
			['employee.update', { path: '/employees/E1', json: { nickname: 'Al' } }, 'unknown field(s) "nickname"'],
			[
				'employee.addSkillEvent',
				{ path: '/employees/E1/skill_events', json: event('goal', {}) },
				'language is required',
			],
			[
				'employee.addSkillEvent',
				{ path: '/employees/E1/skill_events?language=en', json: event('hobby', {}) },
				'body.event_type must be one of working_history',
			],
			[
				'job.updateSkillProfile',
				{
					path: `/job_architecture/jobs/${FIXTURE_IDS.job}/skill_profile`,
					json: { source: 'n8n', skills: [{ skill_id: FIXTURE_IDS.skill, has_skill: true, critical: 'yes' }] },
				},
				'body.skills[0].critical must be true or false',
			],
			[
				'job.getSkillProfile',
				{
					path: `/job_architecture/jobs/${FIXTURE_IDS.job}/skill_profile?external_vendor=workday&include=skill_validation_state`,
				},
				'not supported with external_vendor',
			],
			[
				'taxonomy.exportChanges',
				{ path: '/taxonomy/export', json: { limit: 500 } },
				'body.limit must be from 1 to 200',
			],
			['skill.export', { path: '/export/skills', json: { filters: [] } }, 'body.filters must be an object'],
		];
		for (const [id, sample, problem] of refusals) {
			const reply = await send(id, sample);
			expect({ id, status: reply.status, errors: check(ERROR_BODY, reply.body, 'answer') }).toEqual({
				id,
				status: 400,
				errors: [],
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
		for (const reply of replies) expect(check(ERROR_BODY, reply.body, 'answer')).toEqual([]);
	});

	test('a report-only entry (the node fix on its way) records what it would refuse', async () => {
		for (const id of REPORT_ONLY) {
			const endpoint = endpointById(id);
			const reply = await client.call(endpoint.path.replace(/\{[^}]+\}/g, FIXTURE_IDS.employeeWithProfile), {
				method: endpoint.method,
				json: { external_id: 'REPORTED-1', unknown_field: true },
			});
			expect(reply.status).not.toBe(400);
			expect(client.sandbox.stats().contractViolations).toEqual([{ endpoint: id, problems: expect.any(Array) }]);
			client.sandbox.reset();
		}
	});
});
