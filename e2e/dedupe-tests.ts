/**
 * Deduplication inside a real n8n (main mode, SQLite), tried the way TechWolf's at-least-once delivery tries it:
 * concurrent copies of one event, every event of a burst redelivered, a downstream node that saves static data, and
 * the same redeliveries after a clean n8n restart. Each test counts executions and reads every reply.
 */
import * as assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';

import type { BuiltEvent } from '../sandbox/events';
import { assertAcknowledged, mapConcurrently, newEvent, post, sign, type TriggerReply } from './deliveries';
import { assertNewExecutions, assertNoNewExecution } from './executions';
import type { N8nWorkflowJson } from './n8n/rest-types';
import { exampleWorkflowWith, webhookIdOf } from './playground';
import type { TestCase } from './test-case';
import { exampleWebhookUrl, exampleWorkflowId, restOf, type SuiteContext } from './suite-context';

const CONCURRENT_COPIES = 20;
const STATIC_DATA_EVENTS = 40;
const REDELIVERY_CONCURRENCY = 20;

/** A workflow whose id and webhook URL the tests send to. */
interface Target {
	workflowId: string;
	url: string;
}

/** Events a test accepted, kept for the redeliveries after the restart. */
interface Accepted {
	target: Target;
	events: BuiltEvent[];
}

/**
 * Re-signs every event (a fresh timestamp, as TechWolf's retries have) and sends it again; every reply must be
 * `duplicate` and no execution may start. Returns the replies' statuses, for the notes.
 */
async function assertRedeliveriesCaught(context: SuiteContext, accepted: Accepted, label: string): Promise<void> {
	const rest = restOf(context);
	const countBefore = await rest.countExecutions(accepted.target.workflowId);
	const replies = await mapConcurrently(accepted.events, REDELIVERY_CONCURRENCY, (event) =>
		post(accepted.target.url, sign(event, [context.playground.signingKey])),
	);
	const statuses: Record<string, number> = {};
	for (const reply of replies) {
		const status = `${reply.status} ${String((reply.json as TriggerReply | undefined)?.status)}`;
		statuses[status] = (statuses[status] ?? 0) + 1;
	}
	const newExecutions = (await rest.countExecutions(accepted.target.workflowId)) - countBefore;
	context.note(`${label}: ${accepted.events.length} redelivered → ${JSON.stringify(statuses)}, ${newExecutions} new`);
	replies.forEach((reply, index) => assertAcknowledged(reply, 'duplicate', accepted.events[index] as BuiltEvent));
	await assertNoNewExecution(rest, accepted.target.workflowId, countBefore);
}

/** The example's trigger followed by a Code node that saves workflow static data on every run. */
function staticDataWorkflow(context: SuiteContext): N8nWorkflowJson {
	const example = exampleWorkflowWith(context.playground.credentialIds);
	const trigger = example.nodes.find((node) => node.type === 'n8n-nodes-techwolf.techWolfTrigger');
	assert.ok(trigger, 'the example workflow has no TechWolf Trigger');
	return {
		name: 'TechWolf Trigger → Code node writing static data',
		nodes: [
			{ ...trigger, id: randomUUID(), webhookId: randomUUID() },
			{
				id: randomUUID(),
				name: 'Count Runs',
				type: 'n8n-nodes-base.code',
				typeVersion: 2,
				position: [300, 0],
				parameters: {
					jsCode:
						"const data = $getWorkflowStaticData('global');\ndata.runs = (data.runs ?? 0) + 1;\nreturn $input.all();",
				},
			},
		],
		connections: { [trigger.name as string]: { main: [[{ node: 'Count Runs', type: 'main', index: 0 }]] } },
		settings: { executionOrder: 'v1' },
	};
}

export interface DedupeTests {
	/** Before the load test. */
	beforeLoad: TestCase[];
	/** After the load test: its events redelivered, then the restart. */
	afterLoad: TestCase[];
	/** Hands the load test's accepted events to the redelivery tests. */
	acceptedByLoadTest(events: BuiltEvent[]): void;
}

export function dedupeTests(context: SuiteContext): DedupeTests {
	const accepted: Accepted[] = [];
	let burst: Accepted | undefined;
	const example = (): Target => ({ workflowId: exampleWorkflowId(context), url: exampleWebhookUrl(context) });

	const concurrentCopies: TestCase = {
		name: `${CONCURRENT_COPIES} concurrent copies of one event → exactly 1 execution and ${CONCURRENT_COPIES - 1} duplicate replies`,
		run: async () => {
			const rest = restOf(context);
			const target = example();
			const event = newEvent('employee.skill_profile.updated');
			const countBefore = await rest.countExecutions(target.workflowId);
			const copies = Array.from({ length: CONCURRENT_COPIES }, () => sign(event, [context.playground.signingKey]));
			const replies = await Promise.all(copies.map((copy) => post(target.url, copy)));
			const answers = replies.map((reply) => (reply.json as TriggerReply | undefined)?.status ?? '').sort();
			assert.deepEqual(answers, ['accepted', ...new Array<string>(CONCURRENT_COPIES - 1).fill('duplicate')]);
			await assertNewExecutions(rest, target.workflowId, countBefore, 1);
			accepted.push({ target, events: [event] });
		},
	};

	const downstreamStaticData: TestCase = {
		name: `a downstream Code node saving static data: ${STATIC_DATA_EVENTS} events at concurrency 10, each redelivered → 0 new executions`,
		timeoutMs: 120_000,
		run: async () => {
			const { n8n } = context.playground;
			const json = staticDataWorkflow(context);
			const workflow = await n8n.rest.importWorkflow(json);
			await n8n.rest.publishWorkflow(workflow.id);
			const target = { workflowId: workflow.id, url: n8n.webhookUrl('webhook', webhookIdOf(json)) };
			await n8n.rest.waitForWebhook(target.url);
			const events = Array.from({ length: STATIC_DATA_EVENTS }, () => newEvent('job.skill_profile.updated'));
			const replies = await mapConcurrently(events, 10, (event) =>
				post(target.url, sign(event, [context.playground.signingKey])),
			);
			replies.forEach((reply, index) => assertAcknowledged(reply, 'accepted', events[index] as BuiltEvent));
			const runs = await assertNewExecutions(n8n.rest, workflow.id, 0, STATIC_DATA_EVENTS, 60_000);
			assert.ok(
				runs.every((run) => run.status === 'success'),
				'a Code-node run failed',
			);
			const saved = await n8n.rest.getWorkflow(workflow.id);
			assert.ok(JSON.stringify(saved.staticData ?? {}).includes('"runs"'), 'the Code node did not save static data');
			const entry = { target, events };
			accepted.push(entry);
			await assertRedeliveriesCaught(context, entry, 'downstream static data');
		},
	};

	const burstRedelivered: TestCase = {
		name: 'the load test burst, each event redelivered → every reply duplicate, 0 new executions',
		timeoutMs: 120_000,
		run: async () => {
			assert.ok(burst, 'the load test handed over no events');
			await assertRedeliveriesCaught(context, burst, 'after the burst');
		},
	};

	const afterRestart: TestCase = {
		name: 'after a clean n8n restart, every accepted event redelivered (burst, copies, Code-node workflow) → 0 new executions',
		timeoutMs: 240_000,
		run: async () => {
			assert.ok(burst, 'the load test handed over no events');
			await context.playground.restartN8n();
			for (const entry of [burst, ...accepted]) await assertRedeliveriesCaught(context, entry, 'after a restart');
		},
	};

	return {
		beforeLoad: [concurrentCopies, downstreamStaticData],
		afterLoad: [burstRedelivered, afterRestart],
		acceptedByLoadTest: (events) => {
			burst = { target: example(), events };
		},
	};
}
