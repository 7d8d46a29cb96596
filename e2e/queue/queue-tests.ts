/**
 * Deduplication across n8n processes in queue mode: deliveries spread over two `n8n webhook` processes and each
 * redelivered to the other one, concurrent copies split across both, a downstream node saving static data from a
 * worker (which starts every execution from empty static data), and n8n's own processed-data helpers (the Remove
 * Duplicates node on the worker) measured as a second line. Every figure is also written as a note for the README.
 */
import * as assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';

import type { BuiltEvent } from '../../sandbox/events';
import type { SigningKeyPair } from '../../sandbox/signer';
import { assertAcknowledged, mapConcurrently, newEvent, post, sign, type TriggerReply } from '../deliveries';
import { assertNoNewExecution, settledExecutionCount } from '../executions';
import type { N8nInstance } from '../n8n/instance';
import { nodeOutputItems } from '../n8n/rest-client';
import type { N8nWorkflowJson } from '../n8n/rest-types';
import type { TestCase } from '../test-case';
import { REDIS_TIMEOUT_THRESHOLD_MS, type QueueCluster } from './cluster';
import { assertCrashFigures, CRASH_BURST, crashMidBurst, type CrashTarget } from '../crash-tests';

const SPREAD_EVENTS = 100;
const COPIES = 20;
const STATIC_DATA_EVENTS = 40;
const CONCURRENCY = 10;
const TRIGGER = 'TechWolf Trigger';

export interface QueueContext {
	cluster: QueueCluster;
	signingKey: SigningKeyPair;
	credentialId: string;
	note(line: string): void;
}

interface Published {
	workflowId: string;
	/** The production URL on each webhook process. */
	urls: [string, string];
}

function triggerNode(context: QueueContext, options: Record<string, unknown> = {}): Record<string, unknown> {
	return {
		id: randomUUID(),
		name: TRIGGER,
		type: 'n8n-nodes-techwolf.techWolfTrigger',
		typeVersion: 1.1,
		position: [0, 0],
		webhookId: randomUUID(),
		parameters: { events: ['*'], options },
		credentials: { techWolfWebhookApi: { id: context.credentialId, name: 'TechWolf webhook keys' } },
	};
}

/** The trigger, then `next` (if any) connected to it. */
function workflowWith(
	context: QueueContext,
	name: string,
	next?: Record<string, unknown>,
	triggerOptions?: Record<string, unknown>,
) {
	const trigger = triggerNode(context, triggerOptions);
	const json: N8nWorkflowJson = {
		name,
		nodes: next ? [trigger, { id: randomUUID(), position: [300, 0], ...next }] : [trigger],
		connections: next ? { [TRIGGER]: { main: [[{ node: next.name, type: 'main', index: 0 }]] } } : {},
		settings: { executionOrder: 'v1' },
	};
	return { json, webhookId: trigger.webhookId as string };
}

async function publish(context: QueueContext, built: ReturnType<typeof workflowWith>): Promise<Published> {
	const { main, webhooks } = context.cluster;
	const workflow = await main.rest.importWorkflow(built.json);
	await main.rest.publishWorkflow(workflow.id);
	const urls = webhooks.map((process: N8nInstance) => process.webhookUrl('webhook', built.webhookId)) as [
		string,
		string,
	];
	await Promise.all(urls.map((url) => main.rest.waitForWebhook(url)));
	return { workflowId: workflow.id, urls };
}

function replyStatus(reply: { json: unknown }): string {
	return String((reply.json as TriggerReply | undefined)?.status);
}

function tally(values: string[]): Record<string, number> {
	const counts: Record<string, number> = {};
	for (const value of values) counts[value] = (counts[value] ?? 0) + 1;
	return counts;
}

/** Sends event i to webhook process i % 2 (`shift` 1: to the other one); returns the trigger's answers. */
async function spread(context: QueueContext, target: Published, events: BuiltEvent[], shift: 0 | 1) {
	return mapConcurrently(events, CONCURRENCY, (event, index) =>
		post(target.urls[(index + shift) % 2] as string, sign(event, [context.signingKey])),
	);
}

/** Events accepted across both processes, then each redelivered to the other process; returns new executions. */
async function acceptThenRedeliverCrosswise(context: QueueContext, target: Published, count: number, label: string) {
	const { rest } = context.cluster.main;
	const events = Array.from({ length: count }, () => newEvent('employee.skill_profile.updated'));
	const first = await spread(context, target, events, 0);
	first.forEach((reply, index) => assertAcknowledged(reply, 'accepted', events[index] as BuiltEvent));
	const executed = await settledExecutionCount(rest, target.workflowId, count, 120_000);
	assert.equal(executed, count, `${executed} executions for ${count} distinct events`);
	const again = await spread(context, target, events, 1);
	const statuses = tally(again.map(replyStatus));
	const acceptedAgain = statuses.accepted ?? 0;
	// The worker runs an execution a moment after the reply: wait for the ones the replies announce, then watch.
	const newExecutions = (await settledExecutionCount(rest, target.workflowId, count + acceptedAgain, 60_000)) - count;
	await assertNoNewExecution(rest, target.workflowId, count + newExecutions);
	context.note(
		`${label}: ${count} redelivered to the other webhook process → ${JSON.stringify(statuses)}, ${newExecutions} new executions`,
	);
	return { statuses, newExecutions, accepted: acceptedAgain };
}

/** The outage the Redis test gives n8n mid-burst: below the cluster's REDIS_TIMEOUT_THRESHOLD_MS, so no process exits. */
const REDIS_DOWN_MS = 10_000;

/**
 * A burst over both webhook processes with `disrupt` after a third of the answers, then TechWolf's retries and a copy
 * of each (e2e/crash-tests.ts); the figures must show nothing acknowledged and lost, but the runs n8n's queue failed.
 */
function crashTest(
	context: QueueContext,
	label: string,
	disrupt: () => Promise<void>,
	options: Partial<CrashTarget> = {},
): TestCase {
	return {
		name: `${label} mid-burst (${CRASH_BURST.events} events, concurrency ${CRASH_BURST.concurrency}), retries and a copy of each → 0 lost but the runs n8n's queue fails`,
		timeoutMs: 900_000,
		run: async () => {
			const target = await publish(context, workflowWith(context, `Queue: ${label}`));
			const figures = await crashMidBurst({
				rest: () => context.cluster.main.rest,
				signingKey: context.signingKey,
				workflowId: target.workflowId,
				urls: target.urls,
				disrupt,
				...options,
			});
			context.note(`${label}, queue mode: ${JSON.stringify(figures)}`);
			assertCrashFigures(figures, { answersAfterRecording: true, queue: true });
		},
	};
}

export function queueTests(context: QueueContext): TestCase[] {
	return [
		{
			name: `${SPREAD_EVENTS} events over both webhook processes, each redelivered to the other one → 0 new executions`,
			timeoutMs: 300_000,
			run: async () => {
				const target = await publish(context, workflowWith(context, 'Queue: trigger alone'));
				const { newExecutions, accepted } = await acceptThenRedeliverCrosswise(
					context,
					target,
					SPREAD_EVENTS,
					'spread',
				);
				assert.equal(accepted, 0, 'redeliveries accepted again by the other process');
				assert.equal(newExecutions, 0);
			},
		},
		{
			name: `${COPIES} concurrent copies of one event split across both webhook processes → at most 1 execution per process`,
			timeoutMs: 120_000,
			run: async () => {
				const { rest } = context.cluster.main;
				const target = await publish(context, workflowWith(context, 'Queue: concurrent copies'));
				const event = newEvent('job.skill_profile.updated');
				const replies = await Promise.all(
					Array.from({ length: COPIES }, (_, index) =>
						post(target.urls[index % 2] as string, sign(event, [context.signingKey])),
					),
				);
				const statuses = tally(replies.map(replyStatus));
				const executions = await settledExecutionCount(rest, target.workflowId, 2);
				context.note(
					`copies: ${COPIES} concurrent copies over 2 processes → ${JSON.stringify(statuses)}, ${executions} executions`,
				);
				assert.equal(executions, statuses.accepted ?? 0, 'every accepted copy runs once, no other');
				assert.ok(executions >= 1 && executions <= 2, `${executions} executions`);
			},
		},
		{
			name: `a Code node saving static data on the worker: ${STATIC_DATA_EVENTS} events over both processes, redelivered crosswise → measured`,
			timeoutMs: 300_000,
			run: async () => {
				const codeNode = {
					name: 'Count Runs',
					type: 'n8n-nodes-base.code',
					typeVersion: 2,
					parameters: {
						jsCode:
							"const data = $getWorkflowStaticData('global');\ndata.runs = (data.runs ?? 0) + 1;\nreturn $input.all();",
					},
				};
				const target = await publish(context, workflowWith(context, 'Queue: Code node saving static data', codeNode));
				const { newExecutions, accepted } = await acceptThenRedeliverCrosswise(
					context,
					target,
					STATIC_DATA_EVENTS,
					'static data saved by the worker',
				);
				assert.equal(newExecutions, accepted, 'every redelivery accepted again runs once, no other');
			},
		},
		{
			name: `n8n's processed-data helpers (Remove Duplicates on the worker), trigger deduplication off: ${COPIES} concurrent copies → measured`,
			timeoutMs: 120_000,
			run: async () => {
				const { rest } = context.cluster.main;
				const removeDuplicates = {
					name: 'Remove Duplicates',
					type: 'n8n-nodes-base.removeDuplicates',
					typeVersion: 2,
					parameters: {
						operation: 'removeItemsSeenInPreviousExecutions',
						dedupeValue: '={{ $json.eventId }}',
						options: {},
					},
				};
				const target = await publish(
					context,
					workflowWith(context, 'Queue: Remove Duplicates as a second line', removeDuplicates, {
						deduplicationWindowMinutes: 0,
					}),
				);
				const event = newEvent('course.skill_profile.updated');
				const replies = await Promise.all(
					Array.from({ length: COPIES }, (_, index) =>
						post(target.urls[index % 2] as string, sign(event, [context.signingKey])),
					),
				);
				replies.forEach((reply) => assertAcknowledged(reply, 'accepted', event));
				const executions = await settledExecutionCount(rest, target.workflowId, COPIES, 120_000);
				assert.equal(executions, COPIES);
				const summaries = await rest.listExecutions(target.workflowId);
				let passed = 0;
				let failed = 0;
				for (const summary of summaries) {
					const execution = await rest.getExecution(summary.id);
					if (execution.status !== 'success') failed++;
					else if (nodeOutputItems(execution, 'Remove Duplicates').length > 0) passed++;
				}
				context.note(
					`processed-data helpers: ${COPIES} concurrent copies → ${COPIES} executions, ${passed} passed Remove Duplicates, ${failed} failed`,
				);
				assert.ok(passed + failed >= 1, 'no execution passed or failed');
				await assertNoNewExecution(rest, target.workflowId, executions);
			},
		},
		crashTest(context, 'SIGKILL of a webhook process', () => context.cluster.crashAndRestart('webhook-1')),
		// A worker that dies mid-run leaves its jobs stalled, and n8n fails them for good (ScalingService sets
		// maxStalledCount 0) with their data replaced by the error: those acknowledged events never run (README,
		// "Delivery guarantees"). The figures count them apart (failedByQueue); every other one must have run.
		crashTest(context, 'SIGKILL of the worker', () => context.cluster.crashAndRestart('worker')),
		// With the threshold above the outage no process exits. A run can still be failed by n8n after it answered:
		// Redis answers `LOADING` for a moment after it restarts, and n8n fails a run whose job it was waiting for.
		crashTest(
			context,
			`Redis down for ${REDIS_DOWN_MS / 1000} s (threshold ${REDIS_TIMEOUT_THRESHOLD_MS / 1000} s)`,
			() => context.cluster.redisOutage(REDIS_DOWN_MS),
			{ keepSendingDuringDisruption: true },
		),
	];
}
