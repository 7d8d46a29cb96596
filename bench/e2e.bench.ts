/**
 * Part 2: end to end in a real n8n. The TechWolf Trigger (verify, parse, dedupe, emit) against n8n's built-in Webhook
 * node doing the same work unverified, in the same n8n, under the same load generator: distinct signed events at a
 * fixed concurrency, rounds interleaved. After each round the executions are counted: none lost, none doubled.
 */
import { readFileSync } from 'node:fs';
import * as path from 'node:path';

import { buildEvent, signedDelivery } from '../sandbox/events';
import { startPlayground, webhookIdOf } from '../e2e/playground';
import type { N8nWorkflowJson } from '../e2e/n8n';
import { settledExecutionCount } from '../e2e/executions';
import { median } from './measure';
import { runLoad, type LoadResult, type PreparedRequest } from './load';

export interface E2eRound {
	target: 'techwolfTrigger' | 'builtinWebhook';
	load: LoadResult;
	executionsExpected: number;
	executionsFound: number;
}

export interface E2eBenchResult {
	requestsPerRound: number;
	concurrency: number;
	rounds: E2eRound[];
	median: Record<E2eRound['target'], { requestsPerSecond: number; p50Ms: number; p99Ms: number }>;
	lost: number;
	doubled: number;
	n8nStartupMs: number;
}

const EVENT_TYPES = ['employee.skill_profile.updated', 'job.skill_profile.updated', 'taxonomy.skill.updated'];

function workflowFile(name: string): N8nWorkflowJson {
	return JSON.parse(readFileSync(path.join(__dirname, 'workflows', name), 'utf8')) as N8nWorkflowJson;
}

export async function benchEndToEnd(options: {
	rounds: number;
	requestsPerRound: number;
	concurrency: number;
	log: (line: string) => void;
}): Promise<E2eBenchResult> {
	const playground = await startPlayground({ skipBuild: process.env.BENCH_SKIP_BUILD === '1', log: options.log });
	try {
		const { n8n, signingKey, credentialIds } = playground;
		const trigger = workflowFile('techwolf-trigger-only.json');
		(trigger.nodes[0].credentials as Record<string, { id: string }>).techWolfWebhookApi.id = credentialIds.webhook;
		const baseline = workflowFile('builtin-webhook-baseline.json');
		const targets = {
			techwolfTrigger: { workflow: trigger, url: n8n.webhookUrl('webhook', webhookIdOf(trigger)) },
			builtinWebhook: { workflow: baseline, url: n8n.webhookUrl('baseline') },
		} as const;
		for (const target of Object.values(targets)) {
			const saved = await n8n.rest.upsertWorkflow(target.workflow);
			await n8n.rest.publishWorkflow(saved.id);
			await n8n.rest.waitForWebhook(target.url);
		}

		const prepare = (round: number): PreparedRequest[] =>
			Array.from({ length: options.requestsPerRound }, (_, index) => {
				const event = buildEvent(EVENT_TYPES[index % EVENT_TYPES.length], {
					tenant: 'acme',
					id: `bench-${round}-${index}-${Date.now()}`,
				});
				const delivery = signedDelivery(event, { privateKeys: [signingKey.privateKey] });
				return { body: delivery.body, headers: delivery.headers };
			});

		const rounds: E2eRound[] = [];
		// A short warm-up per target so that the first measured round does not pay for JIT and caches.
		for (const [name, target] of Object.entries(targets)) {
			await runLoad(target.url, prepare(-1).slice(0, 40), options.concurrency);
			options.log(`warmed up ${name}`);
		}
		for (let round = 0; round < options.rounds; round++) {
			for (const name of ['techwolfTrigger', 'builtinWebhook'] as const) {
				const target = targets[name];
				const workflowId = target.workflow.id as string;
				const before = await n8n.rest.countExecutions(workflowId);
				// Signed just before sending, so that every timestamp is fresh.
				const load = await runLoad(target.url, prepare(round), options.concurrency);
				const expected = before + (load.statuses['200'] ?? 0);
				const finalCount = await settledExecutionCount(n8n.rest, workflowId, expected, 60_000);
				rounds.push({
					target: name,
					load,
					executionsExpected: expected - before,
					executionsFound: finalCount - before,
				});
				options.log(
					`round ${round + 1} ${name}: ${load.requestsPerSecond.toFixed(0)} req/s, p50 ${load.p50Ms.toFixed(1)} ms, p99 ${load.p99Ms.toFixed(1)} ms, statuses ${JSON.stringify(load.statuses)}, executions ${finalCount - before}/${expected - before}`,
				);
			}
		}
		const summary = (target: E2eRound['target']) => {
			const mine = rounds.filter((round) => round.target === target);
			return {
				requestsPerSecond: median(mine.map((round) => round.load.requestsPerSecond)),
				p50Ms: median(mine.map((round) => round.load.p50Ms)),
				p99Ms: median(mine.map((round) => round.load.p99Ms)),
			};
		};
		return {
			requestsPerRound: options.requestsPerRound,
			concurrency: options.concurrency,
			rounds,
			median: { techwolfTrigger: summary('techwolfTrigger'), builtinWebhook: summary('builtinWebhook') },
			lost: rounds.reduce((sum, round) => sum + Math.max(0, round.load.requests - round.executionsFound), 0),
			doubled: rounds.reduce((sum, round) => sum + Math.max(0, round.executionsFound - round.load.requests), 0),
			n8nStartupMs: n8n.startupMs,
		};
	} finally {
		await playground.stop();
	}
}
