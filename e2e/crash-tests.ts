/**
 * What `accepted` promises, tried the way it fails: n8n killed (SIGKILL, its whole process group) in the middle of a
 * burst, restarted on the same user folder as a supervisor would, then TechWolf's behaviour: every delivery that got
 * no 2xx is sent again (three retries), then one more copy of every event (at-least-once). Events are matched to
 * executions by id, so every acknowledgement is accounted for (README, "Delivery guarantees").
 */
import * as assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';

import { CRASHABLE_EXECUTION_STATUSES } from 'n8n-workflow';

import type { BuiltEvent } from '../sandbox/events';
import type { SigningKeyPair } from '../sandbox/signer';
import { mapConcurrently, newEvent, post, sign, type WebhookReply } from './deliveries';
import { sleep } from './n8n/helpers';
import { N8N_VERSION } from './n8n/install';
import type { N8nRestClient } from './n8n/rest-client';
import type { N8nExecutionSummary } from './n8n/rest-types';
import { exampleWorkflowWith, webhookIdOf } from './playground';
import type { TestCase } from './test-case';
import { restOf, type SuiteContext } from './suite-context';

/** Hundreds of events at TechWolf-like concurrency; the kill after a third of them has been answered. */
export const CRASH_BURST = { events: 300, concurrency: 20, killAfterAnswers: 100, retries: 3 } as const;

/** n8n 2.x answers a run it started only once it is recorded; n8n 1.x answers first (README, "Delivery guarantees"). */
const ANSWERS_AFTER_RECORDING = Number(N8N_VERSION.split('.')[0]) >= 2;

export interface CrashFigures {
	/** 2xx answers before the kill. */
	answeredBeforeKill: number;
	/** Sent, but neither answered nor refused when n8n died: the runs that may happen twice. */
	inFlightAtKill: number;
	/** Of the 2xx before the kill, events with no execution after the restart. Target 0, but for `failedByQueue`. */
	acknowledgedUnrecorded: number;
	/**
	 * Events acknowledged at some point of which n8n holds no execution, even after the retries and the copy: never
	 * run, and nothing to run again. Target 0, but for the queued runs n8n failed itself (`failedByQueue`).
	 */
	lost: number;
	/**
	 * Events acknowledged at some point whose executions all stopped short (`unfinishedExecutions`): n8n holds them,
	 * so they can be retried from its executions list, but did not run them to the end.
	 */
	acknowledgedUnfinished: number;
	/** Events whose workflow started more than once. */
	ranTwice: number;
	/** Events TechWolf would still hold: no 2xx after every retry. Target 0. */
	neverAcknowledged: number;
	/**
	 * Executions of an event that did not end, by status. In queue mode: `crashed` and never started, a row whose job
	 * never reached Redis (its n8n process exited while Redis was down), which n8n's queue recovery marks so when the
	 * main instance starts (ScalingService.recoverFromQueue); `running` for good, a run whose worker died while the
	 * process that queued it died too, so that nothing records its failure until that recovery (every 3 hours).
	 */
	unfinishedExecutions: Record<string, number>;
	/** Executions whose data names no event of the burst, by status and error (a row n8n left without data). */
	executionsNamingNoEvent: Record<string, number>;
	/**
	 * Queued runs n8n failed itself after it had answered: their worker died (the job stalled), or Redis answered an
	 * error while n8n waited for the job (`LOADING` as Redis restarts). n8n replaces their data with the error, so
	 * they name no event, and never runs them again (WorkflowRunner.enqueueExecution, processError). Each is an
	 * acknowledged event lost by n8n's queue, not by the trigger (README, "Delivery guarantees");
	 * `executionsNamingNoEvent` gives their messages.
	 */
	failedByQueue: number;
}

type Attempt = WebhookReply | undefined;

function isAcknowledged(reply: Attempt): boolean {
	return reply !== undefined && reply.status >= 200 && reply.status < 300;
}

/** Statuses of a run that did not end: never started, cut off, or still going. */
const UNFINISHED_STATUSES: readonly string[] = [...CRASHABLE_EXECUTION_STATUSES, 'crashed'];

/** Per event id, a count of its executions. */
type PerEvent = Map<string, number>;

/** What n8n holds for the burst's events: executions read by id, so that none is missed or counted twice. */
interface Recorded {
	/** Executions naming the event, in any status: n8n holds the event. */
	recorded: PerEvent;
	/** Those that started: the workflow may have acted on the event. */
	started: PerEvent;
	/** Those that ended (`UNFINISHED_STATUSES` aside). */
	finished: PerEvent;
	/** Executions naming an event that did not end, by status (CrashFigures.unfinishedExecutions says which). */
	unfinished: Record<string, number>;
	/** Executions whose data names no event of the burst, by status and error. */
	namingNoEvent: Record<string, number>;
	/** Of those, runs n8n failed itself, their data replaced by its error (CrashFigures.failedByQueue). */
	failedByQueue: number;
}

function tally(counts: Record<string, number>, key: string): void {
	counts[key] = (counts[key] ?? 0) + 1;
}

function add(counts: PerEvent, eventId: string): void {
	counts.set(eventId, (counts.get(eventId) ?? 0) + 1);
}

/** Each row names its event in the trigger's item, crashed ones included. */
async function recordedExecutions(
	rest: N8nRestClient,
	workflowId: string,
	events: readonly BuiltEvent[],
): Promise<Recorded> {
	const found: Recorded = {
		recorded: new Map(),
		started: new Map(),
		finished: new Map(),
		unfinished: {},
		namingNoEvent: {},
		failedByQueue: 0,
	};
	// Not `listExecutions`: in n8n 2.x its pages skip and repeat rows (`allExecutions` says why), which made an event
	// whose run had succeeded look acknowledged and never recorded.
	const summaries = await rest.allExecutions(workflowId);
	// n8n 1.x can leave a row whose data was never written when it is killed; it names no event (counts as unrun).
	const executions = await mapConcurrently(summaries, 8, (summary) =>
		rest.getExecution(summary.id).catch(() => undefined),
	);
	executions.forEach((execution, index) => {
		const { id, status, startedAt } = summaries[index] as N8nExecutionSummary;
		const named = execution ? events.filter((event) => JSON.stringify(execution.data).includes(event.id)) : [];
		assert.ok(named.length <= 1, `execution ${id} names ${named.length} events`);
		for (const event of named) {
			add(found.recorded, event.id);
			if (startedAt !== null) add(found.started, event.id);
			if (UNFINISHED_STATUSES.includes(status)) tally(found.unfinished, status);
			else add(found.finished, event.id);
		}
		if (named.length > 0) return;
		let key = execution ? status : `${status}, unreadable`;
		const message = execution?.data.resultData.error?.message;
		// An error n8n wrote over the run's data: it failed the run itself.
		if (status === 'error' && typeof message === 'string') {
			found.failedByQueue++;
			key = `${status}: ${message.slice(0, 100)}`;
		}
		tally(found.namingNoEvent, key);
	});
	return found;
}

/**
 * How long runs in flight may take to end: a dead worker's jobs are failed only once their lock has expired (60 s),
 * the restarted worker's stalled check has run (every 30 s) and n8n has rechecked the execution (up to 30 s).
 */
const SETTLE_TIMEOUT_MS = 180_000;

/**
 * Waits until no execution of the workflow is queued or running, or the timeout: a run n8n lost track of stays so
 * until its queue recovery (CrashFigures.unfinishedExecutions), and is counted as it is.
 */
async function settledExecutions(rest: N8nRestClient, workflowId: string): Promise<void> {
	const deadline = Date.now() + SETTLE_TIMEOUT_MS;
	while ((await rest.countExecutions(workflowId, ['new', 'running'])) > 0 && Date.now() < deadline) await sleep(1000);
}

/** Where a burst goes and what goes wrong in the middle of it. */
export interface CrashTarget {
	/** The REST API executions are read from (the main instance). */
	rest(): N8nRestClient;
	signingKey: SigningKeyPair;
	workflowId: string;
	/** Deliveries go round these, as through a load balancer. */
	urls: readonly string[];
	/** Started after `killAfterAnswers` answers; resolves once everything is back. */
	disrupt(): Promise<void>;
	/** A crash ends the sender's connections; an outage (Redis) does not stop TechWolf from sending. */
	keepSendingDuringDisruption?: boolean;
}

export async function crashMidBurst(target: CrashTarget): Promise<CrashFigures> {
	const keys = [target.signingKey];
	const events = Array.from({ length: CRASH_BURST.events }, () => newEvent('employee.skill_profile.updated'));
	const urlOf = (index: number) => target.urls[index % target.urls.length] as string;
	const sendAll = (batch: readonly BuiltEvent[]): Promise<Attempt[]> =>
		mapConcurrently(batch, CRASH_BURST.concurrency, (event, index) =>
			post(urlOf(index), sign(event, keys)).catch(() => undefined),
		);

	let answers = 0;
	let disrupted: Promise<void> | undefined;
	let inFlight = 0;
	let inFlightAtKill = 0;
	const first = await mapConcurrently(events, CRASH_BURST.concurrency, async (event, index): Promise<Attempt> => {
		// Not sent before the kill: still TechWolf's to deliver.
		if (disrupted && !target.keepSendingDuringDisruption) return undefined;
		inFlight++;
		const reply = await post(urlOf(index), sign(event, keys)).catch(() => undefined);
		inFlight--;
		if (isAcknowledged(reply) && ++answers === CRASH_BURST.killAfterAnswers) {
			inFlightAtKill = inFlight;
			disrupted = target.disrupt();
		}
		return reply;
	});
	// Fail now rather than after every retry: n8n answered too little of the burst for the kill to come (a database
	// too busy to record runs answers 500, which is right, but then this test measures nothing).
	assert.ok(disrupted, `n8n acknowledged ${answers} of ${events.length} deliveries; the disruption never came`);
	await disrupted;
	const acknowledgedBeforeKill = events.filter((_, index) => isAcknowledged(first[index]));
	await settledExecutions(target.rest(), target.workflowId);
	const { recorded: afterRestart } = await recordedExecutions(target.rest(), target.workflowId, events);
	const acknowledgedUnrecorded = acknowledgedBeforeKill.filter((event) => !afterRestart.has(event.id)).length;

	// TechWolf: a delivery without a 2xx is tried again, three times; then at-least-once sends a copy of each event,
	// itself retried the same way.
	const acknowledged = new Set(acknowledgedBeforeKill.map((event) => event.id));
	const deliverWithRetries = async (batch: readonly BuiltEvent[]): Promise<Set<string>> => {
		const answered = new Set<string>();
		let pending = batch;
		for (let attempt = 0; attempt <= CRASH_BURST.retries && pending.length > 0; attempt++) {
			const replies = await sendAll(pending);
			pending.forEach((event, index) => isAcknowledged(replies[index]) && answered.add(event.id));
			pending = pending.filter((event) => !answered.has(event.id));
		}
		return answered;
	};
	for (const id of await deliverWithRetries(events.filter((event) => !acknowledged.has(event.id)))) {
		acknowledged.add(id);
	}
	const copiesAcknowledged = await deliverWithRetries(events);
	assert.equal(copiesAcknowledged.size, events.length, 'a copy got no 2xx in four attempts');
	await settledExecutions(target.rest(), target.workflowId);
	const found = await recordedExecutions(target.rest(), target.workflowId, events);
	const acknowledgedWith = (counts: PerEvent) => [...acknowledged].filter((id) => counts.has(id)).length;
	const acknowledgedRecorded = acknowledgedWith(found.recorded);
	return {
		answeredBeforeKill: acknowledgedBeforeKill.length,
		inFlightAtKill,
		acknowledgedUnrecorded,
		lost: acknowledged.size - acknowledgedRecorded,
		acknowledgedUnfinished: acknowledgedRecorded - acknowledgedWith(found.finished),
		ranTwice: events.filter((event) => (found.started.get(event.id) ?? 0) > 1).length,
		neverAcknowledged: events.length - acknowledged.size,
		unfinishedExecutions: found.unfinished,
		executionsNamingNoEvent: found.namingNoEvent,
		failedByQueue: found.failedByQueue,
	};
}

/**
 * The guarantee, per n8n line and mode: 2.x answers after recording, so nothing acknowledged may be missing but, in
 * queue mode, the runs n8n's queue failed after answering.
 */
export function assertCrashFigures(
	figures: CrashFigures,
	{ answersAfterRecording, queue }: { answersAfterRecording: boolean; queue: boolean },
): void {
	assert.equal(figures.neverAcknowledged, 0, 'events still without a 2xx after three retries');
	assert.ok(figures.answeredBeforeKill >= CRASH_BURST.killAfterAnswers, 'n8n died before the planned kill');
	if (!answersAfterRecording) return; // measured and reported; README says 1.x cannot keep this promise
	// n8n's queue fails some runs after it has answered (a dead worker's, or one whose job Redis answered with an
	// error), replacing their data, and never runs them again (failedByQueue): reported, not the trigger's to keep.
	// Every other acknowledged event must have been recorded and run.
	const { acknowledgedUnrecorded, lost, failedByQueue } = figures;
	// Without a queue, a run n8n failed itself would be one the trigger should not have acknowledged.
	if (!queue) assert.equal(failedByQueue, 0, 'runs failed by n8n itself');
	assert.ok(
		acknowledgedUnrecorded <= failedByQueue,
		`${acknowledgedUnrecorded} acknowledged before the kill had no execution after it (${failedByQueue} failed by n8n's queue)`,
	);
	assert.ok(lost <= failedByQueue, `${lost} acknowledged events never ran (${failedByQueue} failed by n8n's queue)`);
	// Only an event in flight at the kill may run twice: its run recorded, n8n killed before it saved the claim.
	assert.ok(
		figures.ranTwice <= figures.inFlightAtKill,
		`${figures.ranTwice} ran twice, more than the ${figures.inFlightAtKill} in flight at the kill`,
	);
}

export function crashTests(context: SuiteContext): TestCase[] {
	return [
		{
			name: `SIGKILL mid-burst (${CRASH_BURST.events} events, concurrency ${CRASH_BURST.concurrency}, kill after ${CRASH_BURST.killAfterAnswers} answers), restart, retries and a copy of each → ${ANSWERS_AFTER_RECORDING ? '0 acknowledged without a run, 0 lost' : 'figures reported (n8n 1.x answers before recording)'}`,
			timeoutMs: 900_000,
			run: async () => {
				const { n8n } = context.playground;
				const json = exampleWorkflowWith(context.playground.credentialIds);
				delete json.id;
				json.name = 'TechWolf crash test';
				for (const node of json.nodes) {
					node.id = randomUUID();
					if ('webhookId' in node) node.webhookId = randomUUID();
				}
				const workflow = await n8n.rest.importWorkflow(json);
				await n8n.rest.publishWorkflow(workflow.id);
				const url = n8n.webhookUrl('webhook', webhookIdOf(json));
				await n8n.rest.waitForWebhook(url);
				const figures = await crashMidBurst({
					rest: () => restOf(context),
					signingKey: context.playground.signingKey,
					workflowId: workflow.id,
					urls: [url],
					disrupt: async () => {
						await context.playground.restartN8n({ crash: true });
						await restOf(context).waitForWebhook(url);
					},
				});
				context.note(`crash, regular mode, n8n ${N8N_VERSION}: ${JSON.stringify(figures)}`);
				assertCrashFigures(figures, { answersAfterRecording: ANSWERS_AFTER_RECORDING, queue: false });
			},
		},
	];
}
