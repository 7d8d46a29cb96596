/**
 * examples/techwolf-reconciliation.json: its wiring, and its TechWolf node's exact parameters run against a sandbox
 * whose export takes three pages. The e2e suite imports and runs the whole workflow in a real n8n.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { TechWolf } from '../../nodes/TechWolf/TechWolf.node';
import { createSandboxData } from '../../sandbox/data';
import { actionHarness, type ActionHarness } from '../action/setup';
import { API_CREDENTIAL } from '../../nodes/TechWolf/connection';

interface ExampleNode {
	name: string;
	type: string;
	parameters: Record<string, unknown>;
	credentials?: Record<string, unknown>;
}
interface Example {
	nodes: ExampleNode[];
	connections: Record<string, { main: Array<Array<{ node: string }>> }>;
}

const example = JSON.parse(
	readFileSync(join(__dirname, '..', '..', 'examples', 'techwolf-reconciliation.json'), 'utf8'),
) as Example;
const nodeNamed = (name: string): ExampleNode => example.nodes.find((node) => node.name === name) as ExampleNode;
const techWolfNode = nodeNamed('Export Employee Skill Profiles');
const jobExportNode = nodeNamed('Export Job Skill Profiles');
/** Three export pages of 100 (the export's largest page). */
const EMPLOYEES = 250;

let harness: ActionHarness;
beforeAll(async () => {
	harness = await actionHarness({ employeeCount: EMPLOYEES });
});
afterAll(async () => {
	await harness.sandbox.stop();
});

/** The nodes from the schedule through its `branch`-th connection, then each node's first. */
function chainFrom(branch: number): string[] {
	const schedule = example.nodes.find((node) => node.type === 'n8n-nodes-base.scheduleTrigger')?.name as string;
	const chain = [schedule];
	let current = example.connections[schedule]?.main[0]?.[branch]?.node;
	while (current) {
		chain.push(current);
		current = example.connections[current]?.main[0]?.[0]?.node;
	}
	return chain;
}

test('schedule → TechWolf export → the row to sync, for employees and for jobs, with sticky notes', () => {
	expect(example.connections['Every night at 03:00'].main[0]).toHaveLength(2);
	expect(chainFrom(0)).toEqual(['Every night at 03:00', 'Export Employee Skill Profiles', 'Validated Skills']);
	expect(chainFrom(1)).toEqual(['Every night at 03:00', 'Export Job Skill Profiles', 'Job Validated Skills']);
	expect(jobExportNode.parameters).toMatchObject({
		resource: 'export',
		operation: 'jobSkillProfiles',
		returnAll: true,
	});
	expect(Object.keys(jobExportNode.credentials ?? {})).toEqual([API_CREDENTIAL.oAuth2]);
	expect(example.nodes.filter((node) => node.type === 'n8n-nodes-base.stickyNote')).toHaveLength(3);
	expect(techWolfNode.parameters).toMatchObject({
		resource: 'export',
		operation: 'employeeSkillProfiles',
		returnAll: true,
	});
	expect(Object.keys(techWolfNode.credentials ?? {})).toEqual([API_CREDENTIAL.oAuth2]);
	// The operation is the node's own: the example cannot name one that does not exist.
	const operations = new TechWolf().description.properties.find(
		(property) => property.name === 'operation' && property.displayOptions?.show?.resource?.includes('export'),
	);
	const values = operations?.options?.map((option) => (option as { value: string }).value);
	expect(values).toContain('employeeSkillProfiles');
	expect(values).toContain('jobSkillProfiles');
});

test("the example's export returns every employee, over three pages, with each skill's validation state", async () => {
	const records = await harness.json(techWolfNode.parameters as never);
	expect(records).toHaveLength(EMPLOYEES);
	expect(new Set(records.map((record) => record.external_id)).size).toBe(EMPLOYEES);
	expect(harness.sandbox.stats().requestsByRoute['POST /export/employees/skill_profiles']).toBe(3);
	const skills = records.flatMap((record) => record.skills as Array<Record<string, unknown>>);
	expect(skills.length).toBeGreaterThan(EMPLOYEES);
	expect(skills.every((skill) => typeof skill.validation_state === 'string')).toBe(true);
});

test("the example's job export returns every job of the tenant, with each skill's validation state", async () => {
	const jobs = createSandboxData().jobs.size;
	const records = await harness.json(jobExportNode.parameters as never);
	expect(records).toHaveLength(jobs);
	expect(new Set(records.map((record) => record.external_id)).size).toBe(jobs);
	const skills = records.flatMap((record) => record.skills as Array<Record<string, unknown>>);
	expect(skills.length).toBeGreaterThan(0);
	expect(skills.every((skill) => typeof skill.validation_state === 'string')).toBe(true);
});
