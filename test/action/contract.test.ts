/**
 * The node against the OpenAPI contract (`sandbox/contract/techwolf.openapi.yaml`): one test per shape issues 11 and
 * 18 found the node sending against TechWolf's pages, and every operation once through the strict sandbox, which
 * refuses what the contract refuses.
 */
import { NodeHelpers, type INode } from 'n8n-workflow';

import { apiBaseUrl } from '../../nodes/TechWolf/connection';
import { TechWolf } from '../../nodes/TechWolf/TechWolf.node';
import { resources } from '../../nodes/TechWolf/actions/resources';
import { TechWolfTrigger } from '../../nodes/TechWolfTrigger/TechWolfTrigger.node';
import { CONTRACT_OPERATIONS, contractDocument } from '../../sandbox/contract';
import { FIXTURE_IDS } from '../../sandbox/data';
import { NODE_OPERATIONS } from './nodeOperations';
import { useActionHarness } from './setup';

const harness = useActionHarness();

const lastRequest = (route: string) => harness.lastRequest(route);
const lastQuery = (route: string) => Object.fromEntries(new URLSearchParams(lastRequest(route)?.query ?? ''));
const lastBody = (route: string) => harness.sandbox.stats().lastBodies[route];

const workingHistory = {
	resource: 'employee',
	operation: 'addSkillEvent',
	employeeId: FIXTURE_IDS.employeeWithEmptyProfile,
	skillEventId: 'JOB-1',
	skillEventType: 'working_history',
	jobTitle: 'BI Analyst',
	jobDescription: 'Built Power BI dashboards',
	startDate: '2021-03-01',
	endDate: '2023-06-30',
	company: 'Acme',
	language: 'en',
	options: { timestamp: '2026-11-01T09:00:00Z' },
};
const skillEventRoute = `POST /employees/${FIXTURE_IDS.employeeWithEmptyProfile}/skill_events`;

describe('Add Skill Event', () => {
	test('sends the content fields of its type, as TechWolf names them', async () => {
		await harness.json(workingHistory);
		expect(lastBody(skillEventRoute)).toEqual({
			external_id: 'JOB-1',
			event_type: 'working_history',
			// A day, as every example of TechWolf's Skill Events page and tutorial writes the completion date.
			timestamp: '2026-11-01',
			source: 'n8n',
			content: {
				job_title: 'BI Analyst',
				job_description: 'Built Power BI dashboards',
				start_date: '2021-03-01',
				end_date: '2023-06-30',
				company: 'Acme',
			},
		});
		await harness.json({
			...workingHistory,
			skillEventId: 'EDU-1',
			skillEventType: 'education_history',
			degreeName: 'MSc Data Science',
		});
		expect((lastBody(skillEventRoute) as { content: unknown }).content).toEqual({ degree_name: 'MSc Data Science' });
		await harness.json({
			...workingHistory,
			skillEventId: 'LRN-1',
			skillEventType: 'learning',
			learningTitle: 'SQL',
			learningDescription: 'Window functions',
		});
		expect((lastBody(skillEventRoute) as { content: unknown }).content).toEqual({
			learning_title: 'SQL',
			learning_description: 'Window functions',
		});
	});

	test('the types whose content TechWolf does not show take the additional content (JSON), marked as such', async () => {
		await harness.json({
			...workingHistory,
			skillEventId: 'PRJ-1',
			skillEventType: 'project',
			additionalContent: '{"project_name": "Kafka pipeline", "notes": "Python"}',
		});
		expect((lastBody(skillEventRoute) as { content: unknown }).content).toEqual({
			project_name: 'Kafka pipeline',
			notes: 'Python',
		});
		const field = resources.employee?.operations.addSkillEvent?.fields.find(
			(candidate) => candidate.name === 'additionalContent',
		);
		expect(field?.hint ?? field?.description).toMatch(/does not (list|show)/);
		expect(field?.displayOptions?.show?.skillEventType).not.toContain('working_history');
	});

	test('offers the 11 documented event types', () => {
		const eventType = resources.employee?.operations.addSkillEvent?.fields.find(
			(field) => field.name === 'skillEventType',
		);
		const offered = (eventType?.options as { value: string }[]).map((option) => option.value);
		const documented = (contractDocument as { components: { schemas: { SkillEventType: { enum: string[] } } } })
			.components.schemas.SkillEventType.enum;
		expect([...offered].sort()).toEqual([...documented].sort());
	});

	test('sends strict and end_active_jobs', async () => {
		await harness.json({ ...workingHistory, options: { strict: true, endActiveJobs: true } });
		expect(lastQuery(skillEventRoute)).toEqual({ language: 'en', strict: 'true', end_active_jobs: 'true' });
	});

	test('a repeated Skill Event ID is reported as TechWolf’s 409, with a hint to use a new ID', async () => {
		await harness.json(workingHistory);
		await expect(harness.run(workingHistory)).rejects.toMatchObject({
			httpCode: '409',
			description: expect.stringContaining('new Skill Event ID'),
		});
		const idField = resources.employee?.operations.addSkillEvent?.fields.find((field) => field.name === 'skillEventId');
		expect(idField?.description).not.toMatch(/updates/);
	});
});

describe('Update Skill Profile', () => {
	const employeeRoute = `PATCH /employees/${FIXTURE_IDS.employeeWithProfile}/skill_profile`;

	test('skill_clusters sends {skill_clusters: [{skill_cluster_name | skill_cluster_id, proficiency_level}]}', async () => {
		await harness.json({
			resource: 'employee',
			operation: 'updateSkillProfile',
			employeeId: FIXTURE_IDS.employeeWithProfile,
			feedbackFormat: 'skill_clusters',
			source: 'n8n',
			skillClusters: {
				cluster: [
					{ identifyBy: 'name', cluster: 'Programming Languages', proficiencyLevel: 4 },
					{ identifyBy: 'name', cluster: 'Business Intelligence', proficiencyLevel: 0 },
				],
			},
		});
		expect(lastQuery(employeeRoute)).toEqual({ feedback_format: 'skill_clusters' });
		expect(lastBody(employeeRoute)).toEqual({
			source: 'n8n',
			skill_clusters: [
				{ skill_cluster_name: 'Programming Languages', proficiency_level: 4 },
				{ skill_cluster_name: 'Business Intelligence', proficiency_level: 0 },
			],
		});
	});

	test('external_vendor_skills sends external_vendor in the body, as the feedback pages show, and both skill and skill_id', async () => {
		await harness.json({
			resource: 'employee',
			operation: 'updateSkillProfile',
			employeeId: FIXTURE_IDS.employeeWithProfile,
			feedbackFormat: 'external_vendor_skills',
			externalVendor: 'workday',
			source: 'workday',
			vendorSkills: {
				skill: [
					{ skillId: FIXTURE_IDS.workdaySkill, skillName: 'Python (Programming Language)', decision: 'validate' },
				],
			},
		});
		expect(lastQuery(employeeRoute)).toEqual({ feedback_format: 'external_vendor_skills' });
		expect(lastBody(employeeRoute)).toEqual({
			external_vendor: 'workday',
			source: 'workday',
			skills: [{ skill_id: FIXTURE_IDS.workdaySkill, skill: 'Python (Programming Language)', has_skill: true }],
		});
		const jobRoute = `PATCH /job_architecture/jobs/${FIXTURE_IDS.job}/skill_profile`;
		await harness.json({
			resource: 'job',
			operation: 'updateSkillProfile',
			jobId: FIXTURE_IDS.job,
			feedbackFormat: 'external_vendor_skills',
			externalVendor: 'workday',
			source: 'workday',
			vendorSkills: {
				skill: [
					{ skillId: FIXTURE_IDS.workdaySkill, skillName: 'Python (Programming Language)', decision: 'validate' },
				],
			},
		});
		expect(lastQuery(jobRoute)).toEqual({ feedback_format: 'external_vendor_skills' });
		expect(lastBody(jobRoute)).toMatchObject({ external_vendor: 'workday', source: 'workday' });
	});

	test('job feedback sends critical true, false or null, and proficiency_float', async () => {
		const jobRoute = `PATCH /job_architecture/jobs/${FIXTURE_IDS.job}/skill_profile`;
		await harness.json({
			resource: 'job',
			operation: 'updateSkillProfile',
			jobId: FIXTURE_IDS.job,
			source: 'n8n',
			skills: {
				skill: [
					{
						skillId: FIXTURE_IDS.skill,
						decision: 'validate',
						critical: 'false',
						proficiencyLevel: 2,
						proficiencyFloat: 0.66,
					},
					{ skillId: FIXTURE_IDS.suggestedSkillOfEmployee, decision: 'validate', critical: 'null' },
					{ skillId: FIXTURE_IDS.skill, decision: 'validate', critical: 'true' },
					{ skillId: FIXTURE_IDS.skill, decision: 'validate', critical: 'keep' },
				],
			},
		});
		expect(lastBody(jobRoute)).toEqual({
			source: 'n8n',
			skills: [
				{
					skill_id: FIXTURE_IDS.skill,
					has_skill: true,
					critical: false,
					proficiency_level: 2,
					proficiency_float: 0.66,
				},
				{ skill_id: FIXTURE_IDS.suggestedSkillOfEmployee, has_skill: true, critical: null },
				{ skill_id: FIXTURE_IDS.skill, has_skill: true, critical: true },
				{ skill_id: FIXTURE_IDS.skill, has_skill: true },
			],
		});
	});
});

describe('Create Employee, Job, tenant, trigger', () => {
	test('Create Employee sends language and strict', async () => {
		await harness.json({
			resource: 'employee',
			operation: 'create',
			employeeId: 'NEW-7',
			language: 'nl',
			strict: true,
			employeeFields: { assigned_position: 'Data Engineer' },
		});
		expect(lastQuery('POST /employees')).toEqual({ language: 'nl', strict: 'true' });
		await harness.json({ resource: 'employee', operation: 'create', employeeId: 'NEW-8' });
		expect(lastQuery('POST /employees')).toEqual({ language: 'auto', strict: 'false' });
	});

	test('Get Suggested Skill Profile sends domain_namespace', async () => {
		await harness.json({
			resource: 'job',
			operation: 'getSuggestedSkillProfile',
			jobId: FIXTURE_IDS.job,
			options: { domainNamespace: 'adaptive' },
		});
		expect(lastQuery(`GET /job_architecture/jobs/${FIXTURE_IDS.job}/suggested_skill_profile`)).toEqual({
			domain_namespace: 'adaptive',
		});
	});

	test('a tenant with underscores is accepted; the API address may name the tenant differently', () => {
		expect(apiBaseUrl({ region: 'eu', tenant: 'company_xyz' })).toBe('https://company_xyz.eu.techwolf.ai');
		expect(apiBaseUrl({ region: 'us', tenant: 'company_xyz', apiTenant: 'company-xyz', hostRegion: 'us3' })).toBe(
			'https://company-xyz.us3.techwolf.ai',
		);
		expect(() => apiBaseUrl({ region: 'eu', tenant: 'bad tenant' })).toThrow(/tenant/i);
	});

	test('the typed content fields are required only where they show: Get Resource with an expression has no issues', () => {
		const description = new TechWolf().description;
		const node: INode = {
			id: 'get-resource',
			name: 'Get Resource',
			type: 'n8n-nodes-techwolf.techWolf',
			typeVersion: 1,
			position: [0, 0],
			parameters: {
				resource: 'event',
				operation: 'getResource',
				eventType: '={{ $json.eventType }}',
				skillEventType: '={{ $json.type }}',
			},
		};
		expect(NodeHelpers.getNodeParametersIssues(description.properties, node, description)).toBeNull();
	});

	test('the trigger’s notice mentions no undocumented TechWolf Console', () => {
		expect(JSON.stringify(new TechWolfTrigger().description.properties)).not.toMatch(/Console/);
	});
});

describe('every operation, through the strict sandbox', () => {
	test('every node operation calls an operation of the contract', () => {
		const operations = Object.entries(resources).flatMap(([resource, { operations }]) =>
			Object.keys(operations).map((operation) => `${resource}.${operation}`),
		);
		expect(operations.filter((id) => id !== 'event.getResource').sort()).toEqual(Object.keys(NODE_OPERATIONS).sort());
		const ids = CONTRACT_OPERATIONS.map((operation) => operation.operationId);
		expect(Object.values(NODE_OPERATIONS).filter((id) => !ids.includes(id))).toEqual([]);
	});
});
