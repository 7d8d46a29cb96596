/**
 * The SkillEngine write path inside a real n8n: workflows started by n8n's own Webhook node run the TechWolf node
 * against the sandbox, and the executions are read back through n8n's REST API. Job create → add profile data → get
 * suggested skill profile; employee delete → get (404, continued) → restore → get; the skills team's resources
 * (organisational unit, job change, Create Skill, skill cluster, market alignment); and the OAuth2 credential's Test
 * button with Private Key JWT client authentication, RSA and EC.
 */
import * as assert from 'node:assert/strict';
import { generateKeyPairSync } from 'node:crypto';

import { FIXTURE_IDS } from '../sandbox/data';
import { oauth2CredentialData } from '../sandbox/server';
import { nodeOutputItems } from './n8n/rest-client';
import type { N8nExecution, N8nWorkflowJson } from './n8n/rest-types';
import type { TestCase } from './test-case';
import { restOf, type SuiteContext } from './suite-context';
import { API_CREDENTIAL } from '../nodes/TechWolf/connection';

const TECHWOLF = 'n8n-nodes-techwolf.techWolf';

interface Step {
	name: string;
	parameters: Record<string, unknown>;
	/** Continue On Fail: the error becomes the step's item. */
	continueOnFail?: boolean;
}

/** Webhook → the steps, in a line; every TechWolf step uses the playground's OAuth2 credential. */
function chainWorkflow(name: string, path: string, steps: Step[], oauth2CredentialId: string): N8nWorkflowJson {
	const nodes: Array<Record<string, unknown>> = [
		{
			parameters: { httpMethod: 'POST', path, responseMode: 'onReceived', options: {} },
			name: 'Webhook',
			type: 'n8n-nodes-base.webhook',
			typeVersion: 2.1,
			position: [0, 0],
			webhookId: `e2e-${path}`,
		},
		...steps.map((step, index) => ({
			parameters: { authentication: 'oAuth2', ...step.parameters },
			name: step.name,
			type: TECHWOLF,
			typeVersion: 1,
			position: [220 * (index + 1), 0],
			credentials: { techWolfOAuth2Api: { id: oauth2CredentialId, name: 'TechWolf sandbox (OAuth2)' } },
			...(step.continueOnFail ? { onError: 'continueRegularOutput' } : {}),
		})),
	];
	const names = nodes.map((node) => node.name as string);
	const connections = Object.fromEntries(
		names.slice(0, -1).map((from, index) => [from, { main: [[{ node: names[index + 1], type: 'main', index: 0 }]] }]),
	);
	return { name, nodes, connections, settings: { executionOrder: 'v1' } };
}

/** Publishes the workflow, posts `body` to its webhook once, and returns the finished execution. */
async function runOnce(context: SuiteContext, workflowJson: N8nWorkflowJson, body: unknown): Promise<N8nExecution> {
	const rest = restOf(context);
	const workflow = await rest.upsertWorkflow(workflowJson);
	await rest.publishWorkflow(workflow.id);
	const path = (workflowJson.nodes[0]?.parameters as { path: string }).path;
	const url = context.playground.n8n.webhookUrl(path);
	await rest.waitForWebhook(url);
	const before = await rest.countExecutions(workflow.id);
	const response = await fetch(url, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify(body),
	});
	assert.equal(response.status, 200, `the webhook answered ${response.status}: ${await response.text()}`);
	await rest.waitForExecutions(workflow.id, before + 1);
	const [latest] = await rest.listExecutions(workflow.id, 1);
	assert.ok(latest, 'no execution was saved');
	const execution = await rest.getExecution(latest.id);
	await rest.unpublishWorkflow(workflow.id);
	assert.equal(execution.status, 'success', `the execution ended ${execution.status}`);
	return execution;
}

function onlyItem(execution: N8nExecution, node: string): Record<string, unknown> {
	const items = nodeOutputItems(execution, node);
	assert.equal(items.length, 1, `${node} gave ${items.length} items`);
	return items[0]?.json as Record<string, unknown>;
}

export function writePathTests(context: SuiteContext): TestCase[] {
	return [
		{
			name: 'Job: create → add profile data → get suggested skill profile, in one n8n workflow',
			run: async () => {
				const { sandbox, credentialIds } = context.playground;
				const workflow = chainWorkflow(
					'e2e: job write path',
					'e2e-job-write-path',
					[
						{
							name: 'Create Job',
							parameters: {
								resource: 'job',
								operation: 'create',
								newJobId: '={{ $json.body.jobId }}',
								jobName: '={{ $json.body.jobName }}',
								additionalFields: { jobFamilyId: 'JF-ENG' },
							},
						},
						{
							name: 'Add Job Description',
							parameters: {
								resource: 'job',
								operation: 'addProfileData',
								jobId: { __rl: true, mode: 'id', value: "={{ $('Webhook').item.json.body.jobId }}" },
								profileDataId: "={{ $('Webhook').item.json.body.jobId }}-desc-1",
								dataType: 'job_description',
								text: "={{ $('Webhook').item.json.body.description }}",
								source: 'HR system',
							},
						},
						{
							name: 'Suggested Skill Profile',
							parameters: {
								resource: 'job',
								operation: 'getSuggestedSkillProfile',
								jobId: { __rl: true, mode: 'id', value: "={{ $('Webhook').item.json.body.jobId }}" },
								options: { domainNamespace: 'techwolf' },
							},
						},
					],
					credentialIds.oauth2,
				);
				const jobId = `e2e-job-${Date.now()}`;
				const execution = await runOnce(context, workflow, {
					jobId,
					jobName: 'Platform Engineer',
					description: 'Runs Kubernetes clusters, writes Python tooling and reviews SQL migrations.',
				});
				assert.deepEqual(onlyItem(execution, 'Create Job'), { success: true, externalId: jobId, created: true });
				assert.equal(onlyItem(execution, 'Add Job Description').added, true);
				const profile = onlyItem(execution, 'Suggested Skill Profile');
				assert.equal(profile.external_id, jobId);
				const names = (profile.skills as Array<{ skill: string }>).map((skill) => skill.skill).sort();
				for (const name of ['Kubernetes', 'Python', 'SQL']) {
					assert.ok(names.includes(name), `the suggested profile lacks ${name}: ${names.join(', ')}`);
				}
				assert.equal(profile.skill_count, names.length, 'Simplify (on by default) adds skill_count');
				assert.deepEqual(sandbox.stats().contractViolations, [], 'the sandbox saw requests its contract refuses');
			},
		},
		{
			name: 'Employee: delete → get (404, continued) → restore → get, in one n8n workflow',
			run: async () => {
				const { credentialIds } = context.playground;
				const employeeId = "={{ $('Webhook').item.json.body.employeeId }}";
				const workflow = chainWorkflow(
					'e2e: employee lifecycle',
					'e2e-employee-lifecycle',
					[
						{
							name: 'Delete',
							parameters: {
								resource: 'employee',
								operation: 'delete',
								employeeId: { __rl: true, mode: 'id', value: employeeId },
							},
						},
						{
							name: 'Get After Delete',
							continueOnFail: true,
							parameters: {
								resource: 'employee',
								operation: 'get',
								employeeId: { __rl: true, mode: 'id', value: employeeId },
							},
						},
						{
							name: 'Restore',
							parameters: { resource: 'employee', operation: 'restore', employeeId, language: 'auto' },
						},
						{
							name: 'Get After Restore',
							parameters: {
								resource: 'employee',
								operation: 'get',
								employeeId: { __rl: true, mode: 'id', value: employeeId },
							},
						},
					],
					credentialIds.oauth2,
				);
				const execution = await runOnce(context, workflow, { employeeId: 'E7' });
				assert.deepEqual(onlyItem(execution, 'Delete'), { success: true, externalId: 'E7', deleted: true });
				assert.equal(onlyItem(execution, 'Get After Delete').httpCode, '404');
				assert.deepEqual(onlyItem(execution, 'Restore'), { success: true, externalId: 'E7', restored: true });
				assert.equal(onlyItem(execution, 'Get After Restore').external_id, 'E7');
			},
		},
		{
			name: "Skills team: organisational unit → move an employee there → job description preview → the change → create a skill → skill cluster → market alignment → the job's best matching employee, in one n8n workflow",
			run: async () => {
				const { sandbox, credentialIds } = context.playground;
				const body = (field: string) => `={{ $('Webhook').item.json.body.${field} }}`;
				const workflow = chainWorkflow(
					'e2e: skills team',
					'e2e-skills-team',
					[
						{
							name: 'Unit',
							parameters: {
								resource: 'organisationalUnit',
								operation: 'get',
								organisationalUnitId: { __rl: true, mode: 'id', value: body('unitId') },
							},
						},
						{
							name: 'Move Employee',
							parameters: {
								resource: 'employee',
								operation: 'update',
								employeeId: { __rl: true, mode: 'id', value: body('employeeId') },
								employeeFields: {
									organisational_unit: { __rl: true, mode: 'id', value: '={{ $json.external_id }}' },
								},
							},
						},
						{
							name: 'Preview',
							parameters: {
								resource: 'jobChange',
								operation: 'preview',
								jobId: { __rl: true, mode: 'id', value: body('jobId') },
								instructions: 'Use inclusive language',
							},
						},
						{
							name: 'Change',
							parameters: { resource: 'jobChange', operation: 'get', changeId: '={{ $json.change_id }}' },
						},
						{
							name: 'Create Skill',
							parameters: {
								resource: 'taxonomy',
								operation: 'createSkill',
								newSkillId: body('skillId'),
								skillName: 'Forklift Safety',
							},
						},
						{
							name: 'Cluster Skills',
							parameters: {
								resource: 'skillCluster',
								operation: 'getSkillProfile',
								skillClusterId: body('clusterId'),
							},
						},
						{
							name: 'Market Alignment',
							parameters: {
								resource: 'export',
								operation: 'jobMarketAlignment',
								returnAll: false,
								limit: 1,
								options: { jobFamilyIds: 'JF-DATA' },
							},
						},
						{
							name: 'Matching Employees',
							parameters: {
								resource: 'job',
								operation: 'getMatchingEmployees',
								jobId: { __rl: true, mode: 'id', value: body('jobId') },
								options: { maxMatches: 1, minScore: 0.1 },
								weights: { skillsMatch: 1 },
							},
						},
					],
					credentialIds.oauth2,
				);
				const skillId = `e2e-skill-${Date.now()}`;
				const execution = await runOnce(context, workflow, {
					unitId: 'ou-data',
					employeeId: 'E5',
					jobId: 'J2',
					skillId,
					clusterId: FIXTURE_IDS.skillCluster,
				});
				assert.equal(onlyItem(execution, 'Unit').name, 'Data & Analytics');
				assert.deepEqual(onlyItem(execution, 'Move Employee'), { success: true, externalId: 'E5', updated: true });
				assert.deepEqual(sandbox.stats().lastBodies['PATCH /employees/E5'], { organisational_unit: 'ou-data' });
				const changeId = onlyItem(execution, 'Preview').change_id;
				assert.match(String(changeId), /^[0-9A-Z]{26}$/);
				const change = onlyItem(execution, 'Change');
				assert.equal(change.external_id, changeId);
				assert.equal(change.change_status, 'suggested');
				assert.match(String((change.change_data as { job_description: string }).job_description), /SQL/);
				assert.deepEqual(onlyItem(execution, 'Create Skill'), { success: true, skillId, created: true });
				const cluster = onlyItem(execution, 'Cluster Skills');
				assert.ok((cluster.skills as Array<{ skill: string }>).some((skill) => skill.skill === 'Python'));
				assert.equal(onlyItem(execution, 'Market Alignment').job_id, 'J2');
				const best = onlyItem(execution, 'Matching Employees');
				assert.equal(best.job_id, 'J2');
				assert.ok(Number(best.score) >= 0.1 && Number(best.score) <= 1, `score ${String(best.score)}`);
				assert.deepEqual(sandbox.stats().lastBodies['POST /job_architecture/jobs/J2/matching_employees'], {
					filters: [],
					weights: [{ weight: 'skills_match', value: 1 }],
				});
				assert.deepEqual(sandbox.stats().contractViolations, [], 'the sandbox saw requests its contract refuses');
			},
		},
		...(['privateKeyJwtRsa', 'privateKeyJwtEc'] as const).map((method): TestCase => ({
			name: `Test button: TechWolf OAuth2 API credential with Private Key JWT (${method === 'privateKeyJwtRsa' ? 'RSA, RS256' : 'EC P-256, ES256'}) → OK; a key TechWolf did not register → Error`,
			run: async () => {
				const { sandbox } = context.playground;
				const rest = restOf(context);
				const check = async (label: string, data: Record<string, string>) => {
					const credential = await rest.createCredential(API_CREDENTIAL.oAuth2, `e2e: ${label}`, data);
					try {
						return await rest.testCredential(credential.id);
					} finally {
						await rest.request('DELETE', `/credentials/${encodeURIComponent(credential.id)}`);
					}
				};
				const good = await check(`private key JWT ${method}`, oauth2CredentialData(sandbox, method));
				assert.equal(good.status, 'OK', `the Test button said ${good.status}: ${good.message}`);
				const lastToken = sandbox.stats().tokenRequestBodies.pop();
				assert.equal(lastToken?.status, 200);
				assert.ok(
					typeof (lastToken?.body as Record<string, unknown>).client_assertion === 'string',
					'the token request carried no client_assertion',
				);
				// A fresh key of the same kind: well-formed, but not the one registered with the sandbox.
				const stranger = (
					method === 'privateKeyJwtRsa'
						? generateKeyPairSync('rsa', { modulusLength: 2048 })
						: generateKeyPairSync('ec', { namedCurve: 'prime256v1' })
				).privateKey.export({ type: 'pkcs8', format: 'pem' });
				const bad = await check(`unregistered key (${method})`, {
					...oauth2CredentialData(sandbox, method),
					privateKey: String(stranger),
				});
				assert.equal(bad.status, 'Error', `the Test button said ${bad.status}: ${bad.message}`);
			},
		})),
	];
}
