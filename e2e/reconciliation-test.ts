/**
 * examples/techwolf-reconciliation.json in a real n8n: imported as a user imports it, its TechWolf credential pointed
 * at a sandbox of its own whose export spans three pages, run once through n8n's REST API (a manual run from the
 * Schedule Trigger, as the editor's "Execute workflow" does), and its output counted against the sandbox.
 */
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';

import { createSandboxData } from '../sandbox/data';
import { oauth2CredentialData, startSandbox } from '../sandbox/server';
import { finishedExecution } from './executions';
import { REPO_ROOT } from './n8n/install';
import { nodeOutputItems } from './n8n/rest-client';
import type { N8nWorkflowJson } from './n8n/rest-types';
import type { TestCase } from './test-case';
import { SandboxClient } from './sandbox-client';
import { restOf, type SuiteContext } from './suite-context';
import { API_CREDENTIAL } from '../nodes/TechWolf/connection';
import { PAGE_SIZES } from '../nodes/TechWolf/transport';

export const RECONCILIATION_EXAMPLE_FILE = path.join(REPO_ROOT, 'examples', 'techwolf-reconciliation.json');
const PAGE_SIZE = PAGE_SIZES['POST /export/employees/skill_profiles'];
/** 201 or more: three export pages of 100. */
const EMPLOYEES = 250;
const SCHEDULE_NODE = 'Every night at 03:00';
const ROW_NODE = 'Validated Skills';
const JOB_ROW_NODE = 'Job Validated Skills';

export function readReconciliationExample(): N8nWorkflowJson {
	return JSON.parse(readFileSync(RECONCILIATION_EXAMPLE_FILE, 'utf8')) as N8nWorkflowJson;
}

/** The example with its TechWolf OAuth2 credential set to `credentialId`, without its id, so that it can be imported more than once. */
export function reconciliationWorkflowWith(credentialId: string): N8nWorkflowJson {
	const workflow = readReconciliationExample();
	delete workflow.id;
	for (const node of workflow.nodes) {
		const credentials = node.credentials as Record<string, { id: string; name: string }> | undefined;
		if (credentials?.techWolfOAuth2Api) credentials.techWolfOAuth2Api.id = credentialId;
	}
	return workflow;
}

export function reconciliationTest(context: SuiteContext): TestCase {
	return {
		name: `reconciliation example: imported, run once through the REST API against ${EMPLOYEES} employees (3 pages), one row per employee and per job`,
		timeoutMs: 120_000,
		run: async () => {
			const rest = restOf(context);
			const sandbox = await startSandbox({ employeeCount: EMPLOYEES });
			try {
				const credential = await rest.createCredential(
					API_CREDENTIAL.oAuth2,
					'TechWolf sandbox, 450 employees (OAuth2)',
					oauth2CredentialData(sandbox),
				);
				const workflow = await rest.importWorkflow(reconciliationWorkflowWith(credential.id));
				const started = await rest.runManually(workflow.id, SCHEDULE_NODE);
				assert.ok(started.executionId, `n8n started no execution: ${JSON.stringify(started)}`);
				const execution = await finishedExecution(rest, started.executionId, 90_000);
				assert.equal(execution.status, 'success', `the run ended ${execution.status}`);

				const rows = nodeOutputItems(execution, ROW_NODE).map((item) => item.json);
				const exportRequests = sandbox.stats().requestsByRoute['POST /export/employees/skill_profiles'];
				// The sandbox's own count of its employees, asked the way any API client would.
				const listed = await new SandboxClient(sandbox).get('/employees', { limit: '1' });
				const employeeCount = (listed.body as { count: number }).count;
				assert.equal(employeeCount, EMPLOYEES);
				assert.equal(rows.length, employeeCount, `${rows.length} rows for ${employeeCount} employees`);
				assert.equal(new Set(rows.map((row) => row.externalId)).size, employeeCount, 'an employee came twice');
				assert.equal(exportRequests, Math.ceil(EMPLOYEES / PAGE_SIZE), 'not one request per export page');
				// The jobs branch: one row per job of the tenant (the sandbox documents no job list, so its own data counts).
				const jobRows = nodeOutputItems(execution, JOB_ROW_NODE).map((item) => item.json);
				const jobs = createSandboxData().jobs;
				const jobCount = jobs.size;
				assert.equal(jobRows.length, jobCount, `${jobRows.length} job rows for ${jobCount} jobs`);
				// The same resourceType as Get Resource gives the event workflow's rows, so one upsert takes both.
				assert.ok(
					rows.every((row) => row.resourceType === 'employeeSkillProfile'),
					'an employee row is not marked resourceType employeeSkillProfile',
				);
				assert.ok(
					jobRows.every((row) => row.resourceType === 'jobSkillProfile'),
					'a job row is not marked resourceType jobSkillProfile',
				);
				for (const row of [...rows, ...jobRows]) {
					assert.deepEqual(Object.keys(row).sort(), [
						'deleted',
						'event',
						'externalId',
						'resourceType',
						'validatedSkills',
					]);
					assert.ok(Array.isArray(row.validatedSkills));
				}
				assert.ok(
					rows.some((row) => (row.validatedSkills as unknown[]).length > 0),
					'no employee has a validated skill: the validation state did not come through',
				);
				// A job's export holds only its governed skills, validated or initially validated: each one is a row's.
				assert.deepEqual(
					jobRows.map((row) => [row.externalId, (row.validatedSkills as unknown[]).length]),
					jobRows.map((row) => [row.externalId, jobs.get(String(row.externalId))?.skills.length]),
					'a job row lacks some of the job’s validated skills',
				);
			} finally {
				await sandbox.stop();
			}
		},
	};
}
