/**
 * Part 2: end to end in a real n8n. The TechWolf Trigger (verify, parse, dedupe, emit) against the floor n8n sets for
 * any community webhook trigger (a fixture trigger with no credential and no checks, bench/floor-trigger/), and
 * against n8n's built-in Webhook node receiving the same bodies unverified, in the same n8n, under the same load
 * generator: distinct signed events at a fixed concurrency, rounds interleaved. After each round the executions are
 * counted: none lost, none doubled. After the rounds, the trigger's last burst is redelivered: none may run again.
 *
 * Two references explain the gap rather than just state it: the built-in Webhook node with Header Auth (n8n's own
 * node loading a credential per request), and a second n8n configuration that differs from the defaults only in when
 * n8n creates expression isolates (bench/README.md, "The end-to-end gap").
 */
import { readFileSync, rmSync } from 'node:fs';
import * as path from 'node:path';
import { randomBytes, randomUUID } from 'node:crypto';
import type { IDataObject } from 'n8n-workflow';

import { buildEvent, signedDelivery, type BuiltEvent } from '../sandbox/events';
import { packPackage } from '../e2e/n8n/community-package';
import { startPlayground, webhookIdOf } from '../e2e/playground';
import type { N8nRestClient } from '../e2e/n8n/rest-client';
import type { N8nWorkflowJson } from '../e2e/n8n/rest-types';
import { settledExecutionCount } from '../e2e/executions';
import { EventMemory, STORED_MAX_EVENTS, storedEventCount } from '../nodes/TechWolfTrigger/deduplication';
import { claimRecorded } from '../test/harness/recordedClaims';
import { median } from './measure';
import { runLoad, type LoadResult, type PreparedRequest } from './load';
import { SIGNING_KEYS_CREDENTIAL } from '../nodes/TechWolfTrigger/verification/signature';

export const E2E_TARGETS = [
	'techwolfTrigger',
	'techwolfTriggerFull',
	'floorTrigger',
	'floorTriggerFull',
	'builtinWebhook',
	'builtinWebhookHeaderAuth',
] as const;
export type E2eTarget = (typeof E2E_TARGETS)[number];

export const TARGET_LABELS: Record<E2eTarget, string> = {
	techwolfTrigger: 'TechWolf Trigger',
	techwolfTriggerFull: `TechWolf Trigger, ${STORED_MAX_EVENTS.toLocaleString('en-US')} ids remembered`,
	floorTrigger: 'minimal community trigger (floor)',
	floorTriggerFull: `the floor saving as much static data per delivery (${STORED_MAX_EVENTS.toLocaleString('en-US')} ids' worth)`,
	builtinWebhook: 'built-in Webhook, no auth (baseline)',
	builtinWebhookHeaderAuth: 'built-in Webhook, Header Auth (reference)',
};

export interface N8nConfiguration {
	name: string;
	description: string;
	env: Record<string, string>;
}

/**
 * The same n8n twice: as installed, and with isolates created only when an expression needs one. Both expose
 * Prometheus metrics, so that each round can count the expression isolates n8n acquired per delivery.
 */
const WITH_METRICS = { N8N_METRICS: 'true' };
export const N8N_CONFIGURATIONS: readonly N8nConfiguration[] = [
	{ name: 'defaults', description: "n8n's defaults", env: { ...WITH_METRICS } },
	{
		name: 'lazyIsolates',
		description: 'N8N_EXPRESSION_ENGINE_LAZY_ACQUIRE=true (an isolate only when an expression is evaluated)',
		env: { ...WITH_METRICS, N8N_EXPRESSION_ENGINE_LAZY_ACQUIRE: 'true' },
	},
];

/** n8n's counter of expression isolates handed out (`expression.pool.acquired` in @n8n/expression-runtime). */
const ISOLATES_ACQUIRED_METRIC = 'n8n_expression_pool_acquired_total';

async function isolatesAcquired(baseUrl: string): Promise<number> {
	const response = await fetch(`${baseUrl}/metrics`);
	if (!response.ok) throw new Error(`n8n /metrics answered ${response.status}`);
	const text = await response.text();
	// A counter without labels is one line; with labels, the series add up.
	let total = 0;
	let found = false;
	for (const line of text.split('\n')) {
		if (line.startsWith(ISOLATES_ACQUIRED_METRIC)) {
			total += Number(line.slice(line.lastIndexOf(' ') + 1));
			found = true;
		}
	}
	// n8n registers the counter at start-up, so a missing one means the name or the setting is wrong.
	if (!found) throw new Error(`n8n /metrics has no ${ISOLATES_ACQUIRED_METRIC}`);
	return total;
}

export interface E2eRound {
	target: E2eTarget;
	load: LoadResult;
	executionsExpected: number;
	executionsFound: number;
	/** Expression isolates n8n acquired during the round (acknowledgements and executions), per delivery. */
	isolatesPerDelivery: number;
}

export interface E2eSummary {
	requestsPerSecond: number;
	p50Ms: number;
	p99Ms: number;
	isolatesPerDelivery: number;
}

/** The TechWolf Trigger's last round sent again, each event re-signed with a fresh timestamp. */
export interface RedeliveryResult {
	sent: number;
	statuses: Record<string, number>;
	/** Executions the redeliveries started: the target is 0. */
	acceptedAgain: number;
}

export interface E2eConfigurationResult {
	configuration: N8nConfiguration;
	redelivery: RedeliveryResult;
	rounds: E2eRound[];
	median: Record<E2eTarget, E2eSummary>;
	lost: number;
	doubled: number;
	n8nStartupMs: number;
}

export interface E2eBenchResult {
	requestsPerRound: number;
	concurrency: number;
	configurations: E2eConfigurationResult[];
}

const EVENT_TYPES = ['employee.skill_profile.updated', 'job.skill_profile.updated', 'taxonomy.skill.updated'];
const HEADER_AUTH_NAME = 'x-bench-auth';

function workflowFile(name: string): N8nWorkflowJson {
	return JSON.parse(readFileSync(path.join(__dirname, 'workflows', name), 'utf8')) as N8nWorkflowJson;
}

function useCredential(workflow: N8nWorkflowJson, type: string, id: string): N8nWorkflowJson {
	(workflow.nodes[0].credentials as Record<string, { id: string }>)[type].id = id;
	return workflow;
}

export async function benchEndToEnd(options: {
	rounds: number;
	requestsPerRound: number;
	concurrency: number;
	log: (line: string) => void;
}): Promise<E2eBenchResult> {
	const configurations: E2eConfigurationResult[] = [];
	const floor = await packPackage({ packageDir: path.join(__dirname, 'floor-trigger') });
	try {
		for (const [index, configuration] of N8N_CONFIGURATIONS.entries()) {
			options.log(`n8n configuration: ${configuration.description}`);
			// The package is built and packed once; later configurations reuse the tarball.
			const skipBuild = index > 0 || process.env.BENCH_SKIP_BUILD === '1';
			configurations.push(await benchConfiguration(configuration, skipBuild, floor.tarball, options));
		}
	} finally {
		rmSync(path.dirname(floor.tarball), { recursive: true, force: true });
	}
	return { requestsPerRound: options.requestsPerRound, concurrency: options.concurrency, configurations };
}

async function benchConfiguration(
	configuration: N8nConfiguration,
	skipBuild: boolean,
	floorTarball: string,
	options: { rounds: number; requestsPerRound: number; concurrency: number; log: (line: string) => void },
): Promise<E2eConfigurationResult> {
	const playground = await startPlayground({
		skipBuild,
		log: options.log,
		n8nEnv: configuration.env,
		extraPackageTarballs: [floorTarball],
	});
	try {
		const { n8n, signingKey, credentialIds } = playground;
		const headerAuthValue = randomBytes(24).toString('base64url');
		const headerAuth = await n8n.rest.createCredential('httpHeaderAuth', 'Benchmark header auth', {
			name: HEADER_AUTH_NAME,
			value: headerAuthValue,
		});
		const trigger = useCredential(
			workflowFile('techwolf-trigger-only.json'),
			SIGNING_KEYS_CREDENTIAL,
			credentialIds.webhook,
		);
		const headerAuthWorkflow = useCredential(
			workflowFile('builtin-webhook-header-auth.json'),
			'httpHeaderAuth',
			headerAuth.id,
		);
		const full = fullMemoryCopy(trigger);
		const floor = workflowFile('floor-trigger.json');
		const floorUrl = n8n.webhookUrl('webhook', webhookIdOf(floor, 'n8n-nodes-bench-floor.benchFloorTrigger'));
		const memory = fullMemory();
		const floorFull = floorSavingStaticData(floor, JSON.stringify(memory).length);
		const targets: Record<E2eTarget, { workflow: N8nWorkflowJson; url: string }> = {
			techwolfTrigger: { workflow: trigger, url: n8n.webhookUrl('webhook', webhookIdOf(trigger)) },
			techwolfTriggerFull: { workflow: full, url: n8n.webhookUrl('webhook', webhookIdOf(full)) },
			floorTrigger: { workflow: floor, url: floorUrl },
			floorTriggerFull: {
				workflow: floorFull,
				url: n8n.webhookUrl('webhook', webhookIdOf(floorFull, 'n8n-nodes-bench-floor.benchFloorTrigger')),
			},
			builtinWebhook: { workflow: workflowFile('builtin-webhook-baseline.json'), url: n8n.webhookUrl('baseline') },
			builtinWebhookHeaderAuth: { workflow: headerAuthWorkflow, url: n8n.webhookUrl('baseline-header-auth') },
		};
		for (const target of Object.values(targets)) {
			const saved = await n8n.rest.upsertWorkflow(target.workflow);
			await n8n.rest.publishWorkflow(saved.id);
			await n8n.rest.waitForWebhook(target.url);
		}
		await n8n.rest.request('PATCH', `/workflows/${String(full.id)}`, { staticData: memory });

		// Every target gets the same signed deliveries; the Header Auth one also carries its header.
		const signed = (event: BuiltEvent, target: E2eTarget): PreparedRequest => {
			const delivery = signedDelivery(event, { privateKeys: [signingKey.privateKey] });
			const headers =
				target === 'builtinWebhookHeaderAuth'
					? { ...delivery.headers, [HEADER_AUTH_NAME]: headerAuthValue }
					: delivery.headers;
			return { body: delivery.body, headers };
		};
		let lastBurst: BuiltEvent[] = [];
		const prepare = (round: number, target: E2eTarget): PreparedRequest[] => {
			const events = Array.from({ length: options.requestsPerRound }, (_, index) =>
				buildEvent(EVENT_TYPES[index % EVENT_TYPES.length], {
					tenant: 'acme',
					id: `bench-${configuration.name}-${round}-${index}-${Date.now()}`,
				}),
			);
			if (target === 'techwolfTrigger') lastBurst = events;
			return events.map((event) => signed(event, target));
		};

		// A short warm-up per target so that the first measured round does not pay for JIT and caches.
		for (const name of E2E_TARGETS) {
			const warmUp = await runLoad(targets[name].url, prepare(-1, name).slice(0, 40), options.concurrency);
			// A warm-up request that timed out (a busy machine) is reported, not fatal: the measured rounds count them.
			if (warmUp.statuses['200'] !== 40) options.log(`warm-up of ${name}: ${JSON.stringify(warmUp.statuses)}`);
			options.log(`warmed up ${name}`);
		}
		const rounds: E2eRound[] = [];
		for (let round = 0; round < options.rounds; round++) {
			for (const name of E2E_TARGETS) {
				const target = targets[name];
				const workflowId = target.workflow.id as string;
				const before = await n8n.rest.countExecutions(workflowId);
				const isolatesBefore = await isolatesAcquired(n8n.baseUrl);
				// Signed just before sending, so that every timestamp is fresh.
				const load = await runLoad(target.url, prepare(round, name), options.concurrency);
				const expected = before + (load.statuses['200'] ?? 0);
				const finalCount = await settledExecutionCount(n8n.rest, workflowId, expected, 60_000);
				const isolates = (await isolatesAcquired(n8n.baseUrl)) - isolatesBefore;
				rounds.push({
					target: name,
					load,
					executionsExpected: expected - before,
					executionsFound: finalCount - before,
					isolatesPerDelivery: isolates / load.requests,
				});
				options.log(
					`${configuration.name} round ${round + 1} ${name}: ${load.requestsPerSecond.toFixed(0)} req/s, p50 ${load.p50Ms.toFixed(1)} ms, p99 ${load.p99Ms.toFixed(1)} ms, statuses ${JSON.stringify(load.statuses)}, executions ${finalCount - before}/${expected - before}, isolates/delivery ${(isolates / load.requests).toFixed(2)}`,
				);
			}
		}
		const redelivery = await redeliver(
			n8n.rest,
			targets.techwolfTrigger,
			lastBurst.map((event) => signed(event, 'techwolfTrigger')),
			options.concurrency,
		);
		options.log(`${configuration.name} redelivery of the last burst: ${JSON.stringify(redelivery)}`);
		const summary = (target: E2eTarget): E2eSummary => {
			const mine = rounds.filter((round) => round.target === target);
			return {
				requestsPerSecond: median(mine.map((round) => round.load.requestsPerSecond)),
				p50Ms: median(mine.map((round) => round.load.p50Ms)),
				p99Ms: median(mine.map((round) => round.load.p99Ms)),
				isolatesPerDelivery: median(mine.map((round) => round.isolatesPerDelivery)),
			};
		};
		return {
			configuration,
			redelivery,
			rounds,
			median: Object.fromEntries(E2E_TARGETS.map((target) => [target, summary(target)])) as Record<
				E2eTarget,
				E2eSummary
			>,
			lost: rounds.reduce((sum, round) => sum + Math.max(0, round.load.requests - round.executionsFound), 0),
			doubled: rounds.reduce((sum, round) => sum + Math.max(0, round.executionsFound - round.load.requests), 0),
			n8nStartupMs: n8n.startupMs,
		};
	} finally {
		await playground.stop();
	}
}

/** Sends `requests` again and counts the executions they start (watched for a few seconds: n8n saves them late). */
async function redeliver(
	rest: N8nRestClient,
	target: { workflow: N8nWorkflowJson; url: string },
	requests: PreparedRequest[],
	concurrency: number,
): Promise<RedeliveryResult> {
	const workflowId = target.workflow.id as string;
	const before = await rest.countExecutions(workflowId);
	const load = await runLoad(target.url, requests, concurrency);
	const after = await settledExecutionCount(rest, workflowId, before + 1, 3000);
	return { sent: load.requests, statuses: load.statuses, acceptedAgain: after - before };
}

/** The trigger's benchmark workflow again, under its own id and URL, for the full-memory rounds. */
function fullMemoryCopy(trigger: N8nWorkflowJson): N8nWorkflowJson {
	const copy = JSON.parse(JSON.stringify(trigger)) as N8nWorkflowJson;
	copy.id = 'BenchTechWolfTrigger2';
	copy.name = `${trigger.name} with a full memory`;
	for (const node of copy.nodes) {
		node.id = randomUUID();
		node.webhookId = randomUUID();
	}
	return copy;
}

/** The floor again, under its own id and URL, changing `chars` characters of static data per delivery. */
function floorSavingStaticData(floor: N8nWorkflowJson, chars: number): N8nWorkflowJson {
	const copy = JSON.parse(JSON.stringify(floor)) as N8nWorkflowJson;
	copy.id = 'BenchFloorTrigger02';
	copy.name = `${floor.name}, saving ${chars} characters of static data`;
	for (const node of copy.nodes) {
		node.id = randomUUID();
		node.webhookId = randomUUID();
		node.parameters = { staticDataChars: chars };
	}
	return copy;
}

/** Static data holding as many remembered ids as the trigger keeps (received just now, so none expires). */
function fullMemory(): IDataObject {
	const memory = new EventMemory();
	const nodeData: Record<string, unknown> = {};
	const now = Math.floor(Date.now() / 1000);
	const policy = { windowSeconds: 86_400, maxEvents: STORED_MAX_EVENTS };
	for (let i = 0; i < STORED_MAX_EVENTS; i++) claimRecorded(memory, 'bench', nodeData, `remembered-${i}`, now, policy);
	const saved = JSON.parse(JSON.stringify(nodeData)) as IDataObject;
	if (storedEventCount(saved) !== STORED_MAX_EVENTS) throw new Error('the full memory is not full');
	return { 'node:TechWolf Trigger': saved };
}
