/**
 * A burst of distinct signed events at once, through the example workflow in a real n8n: every one acknowledged and
 * run exactly once (each event id read back from its execution).
 */
import * as assert from 'node:assert/strict';

import type { CatalogEntry } from '../nodes/shared/events';
import type { BuiltEvent } from '../sandbox/events';
import { assertAcknowledged, mapConcurrently, newEvent, post, sign } from './deliveries';
import { EVENT_ENTRIES, onlyItem, TRIGGER_NODE } from './event-run';
import { assertNewExecutions } from './executions';
import type { TestCase } from './test-case';
import { exampleWebhookUrl, exampleWorkflowId, restOf, type SuiteContext } from './suite-context';

const LOAD_EVENTS = 200;
const LOAD_CONCURRENCY = 20;

/** `onAccepted` receives the burst's events once every one ran exactly once. */
export function loadTest(context: SuiteContext, onAccepted?: (events: BuiltEvent[]) => void): TestCase {
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
			onAccepted?.(events);
		},
	};
}
