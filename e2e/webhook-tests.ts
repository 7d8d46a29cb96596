/**
 * The TechWolf Trigger and the action node inside a real n8n, over real HTTP, against the published example workflow
 * (TechWolf Trigger → Get Resource → Validated Skills): every event type, the acknowledgements that start nothing,
 * every rejection, and a burst of concurrent deliveries. Each test asserts the HTTP answer and the execution count.
 */
import * as assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';

import {
	EVENT_CATALOG,
	HEALTH_CHECK_TYPE,
	parseCloudEvent,
	toEventItem,
	type CatalogEntry,
} from '../nodes/shared/events';
import type { BuiltEvent } from '../sandbox/events';
import { generateSigningKeyPair } from '../sandbox/signer';
import {
	assertAcknowledged,
	assertRejected,
	forgedSignatureHex,
	isValidUtf8,
	newEvent,
	nowSeconds,
	post,
	sign,
	signBytes,
	TENANT,
	withOneByteChanged,
	withoutHeader,
	type Delivery,
	type SignedEventDelivery,
} from './deliveries';
import { assertNewExecutions, assertNoNewExecution, assertOneSuccessfulExecution } from './executions';
import { nodeOutputItems, type N8nExecution, type N8nItem } from './n8n';
import type { TestCase } from './runner';
import type { SandboxClient } from './sandbox-client';
import { exampleWebhookUrl, exampleWorkflowId, restOf, type SuiteContext } from './suite-context';

/** Node names in examples/techwolf-event-to-profile.json. */
const TRIGGER_NODE = 'TechWolf Trigger';
const GET_RESOURCE_NODE = 'Get Resource';
const SET_NODE = 'Validated Skills';

/** TechWolf's default tolerance is 300 s; twice that is unambiguously out of it. */
const OUTSIDE_TOLERANCE_SECONDS = 600;
const LOAD_EVENTS = 200;
const LOAD_CONCURRENCY = 20;

const EVENT_ENTRIES: readonly CatalogEntry[] = EVENT_CATALOG.filter((entry) => entry.type !== HEALTH_CHECK_TYPE);

/** What Get Resource must output for an event: the resource type and the sandbox's own answer. */
interface ExpectedResource {
	resourceType: string;
	deleted: boolean;
	resource: unknown;
}

function onlyItem(execution: N8nExecution, nodeName: string): N8nItem {
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
	const profile = async (resourceType: string, path: string): Promise<ExpectedResource> => {
		const reply = await client.get(path);
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
	context: SuiteContext,
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
	return execution;
}

function eventTypeTest(context: SuiteContext, entry: CatalogEntry): TestCase {
	const outcome = entry.change === 'deleted' ? 'deleted: true' : 'its resource from the sandbox';
	return {
		name: `${entry.name} → 200 accepted, 1 execution, documented item, Get Resource gives ${outcome}`,
		run: async () => {
			await deliverAndCheckRun(context, entry);
		},
	};
}

/** A delivery that must be acknowledged without starting the workflow. */
async function assertAcknowledgedWithoutExecution(
	context: SuiteContext,
	delivery: SignedEventDelivery,
	acknowledgement: string,
): Promise<void> {
	const rest = restOf(context);
	const workflowId = exampleWorkflowId(context);
	const countBefore = await rest.countExecutions(workflowId);
	assertAcknowledged(await post(exampleWebhookUrl(context), delivery), acknowledgement, delivery.event);
	await assertNoNewExecution(rest, workflowId, countBefore);
}

interface RejectionCase {
	name: string;
	status: 400 | 401;
	reason: string;
	messagePart?: string;
	delivery(context: SuiteContext): Delivery;
}

function validDelivery(context: SuiteContext, timestamp?: number): SignedEventDelivery {
	return sign(newEvent('employee.skill_profile.updated'), [context.playground.signingKey], timestamp);
}

const SIGNATURE_HEADER_NAMES = ['x-signature-timestamp', 'x-tenant', 'x-event-id', 'x-signature-v1'] as const;

const REJECTIONS: readonly RejectionCase[] = [
	{
		name: 'forged signature (random bytes)',
		status: 401,
		reason: 'no_matching_signature',
		delivery: (context) => {
			const valid = validDelivery(context);
			return { body: valid.body, headers: { ...valid.headers, 'x-signature-v1': forgedSignatureHex() } };
		},
	},
	{
		name: 'signed with a key the credential does not hold',
		status: 401,
		reason: 'no_matching_signature',
		delivery: () => sign(newEvent('employee.skill_profile.updated'), [generateSigningKeyPair()]),
	},
	{
		name: `stale timestamp (${OUTSIDE_TOLERANCE_SECONDS} s old)`,
		status: 401,
		reason: 'stale_timestamp',
		delivery: (context) => validDelivery(context, nowSeconds() - OUTSIDE_TOLERANCE_SECONDS),
	},
	{
		name: `future timestamp (${OUTSIDE_TOLERANCE_SECONDS} s ahead)`,
		status: 401,
		reason: 'future_timestamp',
		delivery: (context) => validDelivery(context, nowSeconds() + OUTSIDE_TOLERANCE_SECONDS),
	},
	...SIGNATURE_HEADER_NAMES.map((header): RejectionCase => ({
		name: `missing ${header} header`,
		status: 401,
		reason: 'missing_header',
		messagePart: header,
		delivery: (context) => withoutHeader(validDelivery(context), header),
	})),
	{
		name: 'body changed by one byte (still valid JSON)',
		status: 401,
		reason: 'no_matching_signature',
		delivery: (context) => withOneByteChanged(validDelivery(context), '"external_id":"E1"', '"external_id":"E2"'),
	},
	{
		name: 'body changed only in whitespace (same JSON)',
		status: 401,
		reason: 'no_matching_signature',
		delivery: (context) => {
			const valid = validDelivery(context);
			const body = Buffer.from(JSON.stringify(valid.event, null, 2));
			assert.notDeepEqual(body, Buffer.from(valid.body));
			assert.deepEqual(JSON.parse(body.toString('utf8')), valid.event);
			return { body, headers: valid.headers };
		},
	},
	{
		name: 'non-UTF-8 body (Latin-1 bytes of a text signed as UTF-8)',
		status: 401,
		reason: 'no_matching_signature',
		delivery: (context) => {
			const event = newEvent('employee.skill_profile.updated', { extraData: { note: 'café' } });
			const valid = sign(event, [context.playground.signingKey]);
			const body = Buffer.from(Buffer.from(valid.body).toString('utf8'), 'latin1');
			assert.ok(!isValidUtf8(body), 'the Latin-1 body should not be valid UTF-8');
			return { body, headers: valid.headers };
		},
	},
	{
		// Sent as text/plain: with `application/json`, n8n itself answers 422 for a body that is not JSON, before any
		// node runs (n8n's body parser; see /work/shared/docs/n8n-runtime-notes.md).
		name: 'validly signed body that is not JSON (text/plain)',
		status: 400,
		reason: 'invalid_cloudevent',
		messagePart: 'not JSON',
		delivery: (context) =>
			signBytes(Buffer.from('this is not a TechWolf CloudEvent'), context.playground.signingKey, {
				eventId: randomUUID(),
				contentType: 'text/plain',
			}),
	},
	{
		name: 'validly signed JSON without a type',
		status: 400,
		reason: 'invalid_cloudevent',
		messagePart: 'type',
		delivery: (context) => {
			const { type, ...withoutType } = newEvent('employee.skill_profile.updated');
			assert.ok(type);
			return signBytes(Buffer.from(JSON.stringify(withoutType)), context.playground.signingKey, {
				eventId: withoutType.id,
				contentType: 'application/json',
			});
		},
	},
];

function rejectionTest(context: SuiteContext, rejection: RejectionCase): TestCase {
	return {
		name: `${rejection.name} → ${rejection.status} ${rejection.reason} from the trigger, no execution`,
		run: async () => {
			const rest = restOf(context);
			const workflowId = exampleWorkflowId(context);
			const delivery = rejection.delivery(context);
			const countBefore = await rest.countExecutions(workflowId);
			const reply = await post(exampleWebhookUrl(context), delivery);
			assertRejected(reply, rejection.status, rejection.reason, rejection.messagePart);
			await assertNoNewExecution(rest, workflowId, countBefore);
		},
	};
}

/** Runs `worker` over `items` with at most `concurrency` at a time; results in input order. */
async function mapConcurrently<T, R>(
	items: readonly T[],
	concurrency: number,
	worker: (item: T, index: number) => Promise<R>,
): Promise<R[]> {
	const results = new Array<R>(items.length);
	let next = 0;
	const lane = async (): Promise<void> => {
		while (next < items.length) {
			const index = next++;
			results[index] = await worker(items[index] as T, index);
		}
	};
	await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, lane));
	return results;
}

export function loadTest(context: SuiteContext): TestCase {
	return {
		name: `load: ${LOAD_EVENTS} distinct signed events at concurrency ${LOAD_CONCURRENCY} → all 200 accepted, exactly ${LOAD_EVENTS} executions, each event once`,
		timeoutMs: 240_000,
		run: async () => {
			const rest = restOf(context);
			const workflowId = exampleWorkflowId(context);
			const url = exampleWebhookUrl(context);
			const runId = Date.now().toString(36);
			const events = Array.from({ length: LOAD_EVENTS }, (_, index) =>
				newEvent((EVENT_ENTRIES[index % EVENT_ENTRIES.length] as CatalogEntry).type, { id: `load-${runId}-${index}` }),
			);
			const countBefore = await rest.countExecutions(workflowId);
			const started = performance.now();
			// Each event is signed just before it is sent, so that every timestamp is fresh.
			const replies = await mapConcurrently(events, LOAD_CONCURRENCY, (event) =>
				post(url, sign(event, [context.playground.signingKey])),
			);
			const seconds = (performance.now() - started) / 1000;
			const statuses: Record<string, number> = {};
			for (const reply of replies) statuses[reply.status] = (statuses[reply.status] ?? 0) + 1;
			context.note(
				`load: ${LOAD_EVENTS} deliveries in ${seconds.toFixed(1)} s (${(LOAD_EVENTS / seconds).toFixed(0)}/s), statuses ${JSON.stringify(statuses)}`,
			);
			replies.forEach((reply, index) => assertAcknowledged(reply, 'accepted', events[index] as BuiltEvent));

			const summaries = await assertNewExecutions(rest, workflowId, countBefore, LOAD_EVENTS, 180_000);
			context.note(
				`load: all ${LOAD_EVENTS} executions saved ${((performance.now() - started) / 1000).toFixed(1)} s after the first delivery`,
			);
			const notSucceeded = summaries.filter((summary) => summary.status !== 'success');
			assert.equal(
				notSucceeded.length,
				0,
				`${notSucceeded.length} executions did not succeed, e.g. ${notSucceeded[0]?.id}`,
			);
			// The count alone cannot tell one lost and one doubled event from none of either: read every event id back.
			const executedIds = await mapConcurrently(summaries, 4, async (summary) => {
				const execution = await rest.getExecution(summary.id);
				return onlyItem(execution, TRIGGER_NODE).json.eventId as string;
			});
			assert.deepEqual(
				[...executedIds].sort(),
				events.map((event) => event.id).sort(),
				'not every event ran exactly once',
			);
		},
	};
}

export function webhookTests(context: SuiteContext): TestCase[] {
	return [
		...EVENT_ENTRIES.map((entry) => eventTypeTest(context, entry)),
		{
			name: 'health check → 200 ok, no execution',
			run: () =>
				assertAcknowledgedWithoutExecution(
					context,
					sign(newEvent('health_check'), [context.playground.signingKey]),
					'ok',
				),
		},
		{
			name: 'redelivered event id (re-signed, new timestamp) → 200 duplicate, no second execution',
			run: async () => {
				const rest = restOf(context);
				const workflowId = exampleWorkflowId(context);
				const event = newEvent('job.skill_profile.updated');
				const firstTimestamp = nowSeconds() - 30;
				const countBefore = await rest.countExecutions(workflowId);
				assertAcknowledged(
					await post(exampleWebhookUrl(context), sign(event, [context.playground.signingKey], firstTimestamp)),
					'accepted',
					event,
				);
				await assertOneSuccessfulExecution(rest, workflowId, countBefore);
				const redelivery = sign(event, [context.playground.signingKey]);
				assert.notEqual(redelivery.timestamp, firstTimestamp);
				await assertAcknowledgedWithoutExecution(context, redelivery, 'duplicate');
			},
		},
		{
			name: 'key rotation: two signatures, only the second by a configured key → 200 accepted, 1 execution',
			run: async () => {
				const rest = restOf(context);
				const workflowId = exampleWorkflowId(context);
				const event = newEvent('course.skill_profile.updated');
				const delivery = sign(event, [generateSigningKeyPair(), context.playground.signingKey]);
				assert.equal(delivery.headers['x-signature-v1']?.split(',').length, 2);
				const countBefore = await rest.countExecutions(workflowId);
				assertAcknowledged(await post(exampleWebhookUrl(context), delivery), 'accepted', event);
				const execution = await assertOneSuccessfulExecution(rest, workflowId, countBefore);
				assert.equal(onlyItem(execution, TRIGGER_NODE).json.eventId, event.id);
			},
		},
		...REJECTIONS.map((rejection) => rejectionTest(context, rejection)),
	];
}
