/**
 * One valid event through the published example workflow (TechWolf Trigger → Get Resource → Validated Skills) in a
 * real n8n, checked end to end: the reply, one execution, the trigger's item, what Get Resource fetched from the
 * sandbox and what the Set node made of it.
 */
import * as assert from 'node:assert/strict';

import {
	EVENT_CATALOG,
	HEALTH_CHECK_TYPE,
	parseCloudEvent,
	toEventItem,
	type CatalogEntry,
} from '../nodes/shared/events';
import type { BuiltEvent } from '../sandbox/events';
import { assertAcknowledged, newEvent, post, sign, TENANT, type SignedEventDelivery } from './deliveries';
import { assertOneSuccessfulExecution } from './executions';
import { nodeOutputItems } from './n8n/rest-client';
import type { N8nExecution, N8nItem } from './n8n/rest-types';
import type { SandboxClient } from './sandbox-client';
import { exampleWebhookUrl, exampleWorkflowId, restOf, type ExampleContext } from './suite-context';

interface ProfileSkill {
	skill: string;
	validation_state?: string;
}

/** Node names in examples/techwolf-event-to-profile.json. */
export const TRIGGER_NODE = 'TechWolf Trigger';
const GET_RESOURCE_NODE = 'Get Resource';
const SET_NODE = 'Validated Skills';

/** Every catalog entry that starts a workflow (all but the health check). */
export const EVENT_ENTRIES: readonly CatalogEntry[] = EVENT_CATALOG.filter((entry) => entry.type !== HEALTH_CHECK_TYPE);

/** What Get Resource must output for an event: the resource type and the sandbox's own answer. */
interface ExpectedResource {
	resourceType: string;
	deleted: boolean;
	resource: unknown;
}

export function onlyItem(execution: N8nExecution, nodeName: string): N8nItem {
	const items = nodeOutputItems(execution, nodeName);
	assert.equal(items.length, 1, `${nodeName} output ${items.length} items in execution ${execution.id}, expected 1`);
	return items[0] as N8nItem;
}

function stringField(event: BuiltEvent, field: 'external_id' | 'external_vendor' | 'operation_type'): string {
	const value = event.data[field];
	assert.equal(typeof value, 'string', `the built event has no data.${field}`);
	return value as string;
}

/** Asks the sandbox directly for the state behind an event, the way TechWolf documents each event's API call. */
async function expectedResourceOf(
	entry: CatalogEntry,
	event: BuiltEvent,
	client: SandboxClient,
): Promise<ExpectedResource> {
	const externalId = stringField(event, 'external_id');
	// The same query the catalog has Get Resource send (validation states for suggested job profiles).
	const query = 'query' in entry.resolvedBy ? { ...entry.resolvedBy.query } : {};
	const profile = async (resourceType: string, path: string): Promise<ExpectedResource> => {
		const reply = await client.get(path, query);
		assert.equal(reply.status, 200, `the sandbox answered ${reply.status} for GET ${path}`);
		return { resourceType, deleted: false, resource: reply.body };
	};
	switch (entry.entity) {
		case 'employee':
			return profile('employeeSkillProfile', `/employees/${encodeURIComponent(externalId)}/skill_profile`);
		case 'job':
			return profile('jobSkillProfile', `/job_architecture/jobs/${encodeURIComponent(externalId)}/skill_profile`);
		case 'course':
			return profile('courseSkillProfile', `/courses/${encodeURIComponent(externalId)}/skill_profile`);
		case 'skill': {
			const path = `/taxonomy/skills/${encodeURIComponent(externalId)}`;
			const reply = await client.get(path, { external_vendor: stringField(event, 'external_vendor') });
			// TechWolf documents a 404 as the confirmation that a skill was deleted.
			if (reply.status === 404) return { resourceType: 'skill', deleted: true, resource: null };
			assert.equal(reply.status, 200, `the sandbox answered ${reply.status} for GET ${path}`);
			return { resourceType: 'skill', deleted: false, resource: reply.body };
		}
		case 'taxonomy': {
			const reply = await client.post('/taxonomy/export', {
				limit: 10,
				filters: [
					{ filter: 'operation_type_is_in_list', operation_types: [stringField(event, 'operation_type')] },
					{ filter: 'external_id_is_in_list', external_ids: [externalId] },
				],
			});
			assert.equal(reply.status, 200, `the sandbox answered ${reply.status} for POST /taxonomy/export`);
			const records = (reply.body as { records?: Array<{ external_id?: unknown }> }).records ?? [];
			const change = records.find((record) => record.external_id === externalId);
			assert.ok(change, `the sandbox has no taxonomy change ${externalId}`);
			return { resourceType: 'taxonomyChange', deleted: false, resource: change };
		}
		case 'tenant':
			throw new Error(`${entry.name} has no resource`);
	}
}

/**
 * The trigger's item must be what its own `toEventItem` makes of the sent bytes (the documented shape, README "The
 * items it emits"), and independently of that code: the fields must restate the sent event, `verifiedByKey` must name
 * our key and `cloudEvent` must be the sent JSON.
 */
function assertTriggerItem(
	item: N8nItem,
	entry: CatalogEntry,
	delivery: SignedEventDelivery,
	publicKeyHex: string,
): void {
	const parsed = parseCloudEvent(delivery.body, { eventId: delivery.event.id, tenant: TENANT });
	assert.ok(parsed.ok, 'the sent body does not parse as a TechWolf CloudEvent');
	const documented = toEventItem(parsed.parsed, {
		tenant: TENANT,
		timestamp: delivery.timestamp,
		keyId: publicKeyHex.slice(0, 16),
	});
	assert.deepEqual(
		item.json,
		JSON.parse(JSON.stringify(documented)),
		'the trigger item differs from the documented shape',
	);

	const { event } = delivery;
	const data = event.data;
	assert.deepEqual(
		{
			eventId: item.json.eventId,
			eventType: item.json.eventType,
			eventName: item.json.eventName,
			entity: item.json.entity,
			externalId: item.json.externalId,
			tenant: item.json.tenant,
			externalVendor: item.json.externalVendor,
			operationType: item.json.operationType,
			verifiedByKey: item.json.verifiedByKey,
			signatureTimestamp: item.json.signatureTimestamp,
		},
		{
			eventId: event.id,
			eventType: event.type,
			eventName: entry.name,
			entity: entry.entity,
			externalId: data.external_id ?? null,
			tenant: TENANT,
			externalVendor: data.external_vendor ?? null,
			operationType: data.operation_type ?? null,
			verifiedByKey: publicKeyHex.slice(0, 16),
			signatureTimestamp: delivery.timestamp,
		},
	);
	assert.deepEqual(item.json.cloudEvent, JSON.parse(Buffer.from(delivery.body).toString('utf8')));
}

/**
 * Sends one valid event and checks the whole run: reply, one execution, trigger item, Get Resource, Set node.
 * `beforeSending` runs after the suite has asked the sandbox for the expected resource, so that what it changes
 * (expired tokens) affects only n8n's requests.
 */
export async function deliverAndCheckRun(
	context: ExampleContext,
	entry: CatalogEntry,
	beforeSending?: () => void,
): Promise<N8nExecution> {
	const { playground, sandboxClient } = context;
	const rest = restOf(context);
	const workflowId = exampleWorkflowId(context);
	const event = newEvent(entry.type);
	const expected = await expectedResourceOf(entry, event, sandboxClient);
	if (entry.change === 'deleted') {
		assert.equal(expected.deleted, true, 'the sandbox still serves the skill that a Skill Deleted event names');
	}

	const countBefore = await rest.countExecutions(workflowId);
	beforeSending?.();
	const delivery = sign(event, [playground.signingKey]);
	assertAcknowledged(await post(exampleWebhookUrl(context), delivery), 'accepted', event);
	const execution = await assertOneSuccessfulExecution(rest, workflowId, countBefore);

	assertTriggerItem(onlyItem(execution, TRIGGER_NODE), entry, delivery, playground.signingKey.publicKeyHex);
	const resolved = onlyItem(execution, GET_RESOURCE_NODE).json;
	assert.equal(resolved.eventId, event.id, 'Get Resource answered another event');
	assert.deepEqual(
		{ resourceType: resolved.resourceType, deleted: resolved.deleted, resource: resolved.resource },
		expected,
		'Get Resource output differs from what the sandbox answers directly',
	);
	const summary = onlyItem(execution, SET_NODE).json;
	assert.deepEqual(
		{
			event: summary.event,
			externalId: summary.externalId,
			resourceType: summary.resourceType,
			deleted: summary.deleted,
		},
		{
			event: entry.name,
			externalId: event.data.external_id,
			resourceType: expected.resourceType,
			deleted: expected.deleted,
		},
	);
	// The example's validated skills: all of the profile's skills but the suggested and rejected ones. A job's skills
	// say which they are only when Get Resource asks for their validation state.
	const skills = ((expected.resource as { skills?: ProfileSkill[] } | null)?.skills ?? []) as ProfileSkill[];
	if (expected.resourceType === 'jobSkillProfile') {
		assert.ok(
			skills.length > 0 && skills.every((skill) => skill.validation_state !== undefined),
			'a job skill without its validation state',
		);
	}
	assert.deepEqual(
		summary.validatedSkills,
		skills
			.filter((skill) => !['suggested', 'rejected'].includes(String(skill.validation_state)))
			.map((skill) => skill.skill),
		"the example's Validated Skills differ from the profile's validated skills",
	);
	return execution;
}
