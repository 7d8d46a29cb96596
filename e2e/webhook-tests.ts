/**
 * The TechWolf Trigger inside a real n8n, over real HTTP, against the published example workflow: every event type,
 * the acknowledgements that start nothing, key rotation and every rejection. Each test asserts the HTTP answer and
 * the execution count.
 */
import * as assert from 'node:assert/strict';

import type { CatalogEntry } from '../nodes/shared/events';
import { generateSigningKeyPair } from '../sandbox/signer';
import { assertAcknowledged, newEvent, nowSeconds, post, sign, type SignedEventDelivery } from './deliveries';
import { deliverAndCheckRun, EVENT_ENTRIES, onlyItem, TRIGGER_NODE } from './event-run';
import { assertNoNewExecution, assertOneSuccessfulExecution } from './executions';
import { rejectionTests } from './rejection-tests';
import type { TestCase } from './test-case';
import { exampleWebhookUrl, exampleWorkflowId, restOf, type SuiteContext } from './suite-context';

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
		...rejectionTests(context),
	];
}
