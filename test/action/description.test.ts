/**
 * What n8n's editor shows for the nodes, evaluated by n8n-workflow's own expression engine: the canvas subtitles in
 * title case (n8n's UX guidelines), every text placeholder an example starting with "e.g.", and what an AI Agent is
 * told about each operation of the node's tool variant.
 */
import {
	NodeConnectionTypes,
	NodeHelpers,
	nodeNameToToolName,
	type IDataObject,
	type INode,
	type INodeProperties,
	type INodeType,
} from 'n8n-workflow';

import { TechWolfApi } from '../../credentials/TechWolfApi.credentials';
import { TechWolfOAuth2Api } from '../../credentials/TechWolfOAuth2Api.credentials';
import { TechWolfWebhookApi } from '../../credentials/TechWolfWebhookApi.credentials';
import { TechWolf } from '../../nodes/TechWolf/TechWolf.node';
import { resources } from '../../nodes/TechWolf/actions/resources';
import { TechWolfTrigger } from '../../nodes/TechWolfTrigger/TechWolfTrigger.node';
import { workflowWith } from '../harness/n8nCoreContexts';

function subtitleOf(nodeType: INodeType, parameters: IDataObject): unknown {
	const { workflow, node } = workflowWith({ nodeType, parameters, credentials: {} });
	return workflow.expression.getSimpleParameterValue(node, nodeType.description.subtitle, 'internal', {});
}

test('the TechWolf node subtitle names the operation and resource by their labels', () => {
	expect(subtitleOf(new TechWolf(), { resource: 'employee', operation: 'getAll' })).toBe('Get Many: Employee');
	expect(subtitleOf(new TechWolf(), { resource: 'event', operation: 'getResource' })).toBe('Get Resource: Event');
	for (const [resource, { label, operations }] of Object.entries(resources)) {
		for (const [operation, { label: operationLabel }] of Object.entries(operations)) {
			expect(subtitleOf(new TechWolf(), { resource, operation })).toBe(`${operationLabel}: ${label}`);
		}
	}
});

test('the trigger subtitle counts the selected event types in title case', () => {
	expect(subtitleOf(new TechWolfTrigger(), { events: ['*'] })).toBe('All Events');
	expect(subtitleOf(new TechWolfTrigger(), { events: ['employee.created'] })).toBe('1 Event Type');
	expect(subtitleOf(new TechWolfTrigger(), { events: ['employee.created', 'job.updated'] })).toBe('2 Event Types');
});

function allProperties(properties: INodeProperties[]): INodeProperties[] {
	return properties.flatMap((property) => [
		property,
		...allProperties(
			(property.options ?? []).flatMap((option) =>
				'values' in option ? option.values : 'type' in option ? [option as INodeProperties] : [],
			),
		),
	]);
}

test.each([
	['TechWolf', new TechWolf().description.properties],
	['TechWolf Trigger', new TechWolfTrigger().description.properties],
	['TechWolf OAuth2 API', new TechWolfOAuth2Api().properties],
	['TechWolf API', new TechWolfApi().properties],
	['TechWolf Webhook API', new TechWolfWebhookApi().properties],
])('%s: every text placeholder starts with "e.g."', (_name, properties) => {
	const placeholders = allProperties(properties)
		.filter((property) => property.placeholder && !['collection', 'fixedCollection'].includes(property.type))
		.map((property) => `${property.name}: ${property.placeholder}`);
	expect(placeholders.length).toBeGreaterThan(0);
	expect(placeholders.filter((text) => !/^[^:]+: e\.g\. /.test(text))).toEqual([]);
});

test("as an AI Agent tool, each operation is named and described by its action, whole within OpenAI's 64 characters", () => {
	// The tool variant n8n makes of a node with usableAsTool (its name gets "Tool" and its one output is ai_tool).
	const base = new TechWolf().description;
	const tool = { ...base, name: `${base.name}Tool`, inputs: [], outputs: [NodeConnectionTypes.AiTool] };
	const told = Object.entries(resources).flatMap(([resource, { operations }]) =>
		Object.entries(operations).map(([operation, { action }]) => {
			const parameters = { resource, operation, descriptionType: 'auto' };
			const name = NodeHelpers.makeNodeName(parameters, tool);
			const node = { name, parameters } as unknown as INode;
			return {
				action,
				name,
				toolName: nodeNameToToolName(name),
				description: NodeHelpers.getToolDescriptionForNode(node, { description: tool } as INodeType),
			};
		}),
	);
	for (const { action, name, toolName, description } of told) {
		expect(name).toBe(`${action} in TechWolf`);
		expect(description).toBe(name);
		// Not cut short: n8n truncates tool names to 64 characters.
		expect(toolName).toBe(name.replace(/[^a-zA-Z0-9_-]+/g, '_'));
		expect(toolName.length).toBeLessThanOrEqual(64);
	}
	expect(new Set(told.map(({ toolName }) => toolName)).size).toBe(told.length);
});
