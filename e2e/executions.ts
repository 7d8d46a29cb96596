/**
 * Execution counting through n8n's REST API, with the waits it needs: n8n saves an execution about 100 ms after the
 * webhook has answered, so "exactly one" means waiting for the first and then watching a while for a second, and "none"
 * means watching for a bounded while.
 */
import * as assert from 'node:assert/strict';

import { sleep } from './n8n/helpers';
import type { N8nRestClient } from './n8n/rest-client';
import type { N8nExecution, N8nExecutionSummary } from './n8n/rest-types';

/** How long "no new execution" is watched for: many times the ~100 ms n8n takes to save one, even on a busy machine. */
export const QUIET_WINDOW_MS = 1500;
/** After the expected execution appeared: how long to watch for an unexpected second one. */
export const SETTLE_MS = 500;
const POLL_MS = 100;

/** Watches the count for `QUIET_WINDOW_MS` and fails as soon as it moves past `countBefore`. */
export async function assertNoNewExecution(
	rest: N8nRestClient,
	workflowId: string,
	countBefore: number,
	quietMs = QUIET_WINDOW_MS,
): Promise<void> {
	const deadline = Date.now() + quietMs;
	do {
		const count = await rest.countExecutions(workflowId);
		assert.equal(count, countBefore, `expected no new execution, but ${count - countBefore} appeared`);
		await sleep(POLL_MS);
	} while (Date.now() < deadline);
}

/**
 * The workflow's execution count once it has reached `target` (or `timeoutMs` passed) and `SETTLE_MS` more have gone
 * by, so that late, doubled executions are counted too. Used by the tests and the benchmark alike.
 */
export async function settledExecutionCount(
	rest: N8nRestClient,
	workflowId: string,
	target: number,
	timeoutMs = 30_000,
): Promise<number> {
	await rest.waitForExecutions(workflowId, target, timeoutMs).catch(() => undefined);
	await sleep(SETTLE_MS);
	return await rest.countExecutions(workflowId);
}

/**
 * Waits until the workflow has `countBefore + expected` executions, then watches for `SETTLE_MS` that no more follow.
 * Returns the new executions' summaries, newest first.
 */
export async function assertNewExecutions(
	rest: N8nRestClient,
	workflowId: string,
	countBefore: number,
	expected: number,
	timeoutMs = 30_000,
): Promise<N8nExecutionSummary[]> {
	const count = await settledExecutionCount(rest, workflowId, countBefore + expected, timeoutMs);
	assert.equal(
		count - countBefore,
		expected,
		`expected exactly ${expected} new execution(s), found ${count - countBefore}`,
	);
	const newest = await rest.listExecutions(workflowId, expected);
	assert.equal(newest.length, expected, `the executions list returned ${newest.length} of ${expected}`);
	return newest;
}

/** Exactly one new execution, read back with its data; it must have succeeded. */
export async function assertOneSuccessfulExecution(
	rest: N8nRestClient,
	workflowId: string,
	countBefore: number,
): Promise<N8nExecution> {
	const [summary] = await assertNewExecutions(rest, workflowId, countBefore, 1);
	const execution = await rest.getExecution((summary as N8nExecutionSummary).id);
	const error = execution.data.resultData.error;
	assert.equal(
		execution.status,
		'success',
		`execution ${execution.id} ended ${execution.status}${error ? `: ${JSON.stringify(error).slice(0, 300)}` : ''}`,
	);
	return execution;
}

/**
 * A manual run's execution once it has ended (any outcome), read back with its data: a manual run through the REST
 * API answers with the execution id at once, and the execution is saved while it runs.
 */
export async function finishedExecution(rest: N8nRestClient, id: string, timeoutMs: number): Promise<N8nExecution> {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		const execution = await rest.getExecution(id).catch(() => undefined);
		const ended = execution?.finished || !['new', 'running', 'waiting'].includes(String(execution?.status));
		// n8n 1.x can report a run ended a moment before its data is readable.
		if (execution && ended && execution.data?.resultData !== undefined) return execution;
		if (Date.now() > deadline) throw new Error(`execution ${id} did not finish within ${timeoutMs} ms`);
		await sleep(250);
	}
}
