/**
 * Smoke test of the e2e harness with n8n's own Webhook node (no project code involved):
 * install, start, import + publish a workflow, POST 5 requests, read the executions back, stop.
 *
 *   npx tsx e2e/smoke-builtin-webhook.ts
 *
 * Prints a JSON timing summary on stdout; exits non-zero on any failure.
 */
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';

import { ensureN8n } from './n8n/install';
import { startN8n, type N8nInstance } from './n8n/instance';
import { nodeOutputItems } from './n8n/rest-client';
import type { N8nWorkflowJson } from './n8n/rest-types';

const WORKFLOW_FILE = path.join(__dirname, '..', 'bench', 'workflows', 'builtin-webhook-baseline.json');
const REQUESTS = 5;

interface WebhookNodeParameters {
	path: string;
}

async function main(): Promise<void> {
	const timings: Record<string, number | number[]> = {};
	const time = async <T>(label: string, task: () => Promise<T>): Promise<T> => {
		const started = performance.now();
		const result = await task();
		timings[label] = Math.round(performance.now() - started);
		return result;
	};

	const install = await time('ensureN8nMs', () => ensureN8n());
	let n8n: N8nInstance | undefined;
	try {
		n8n = await time('startN8nMs', () => startN8n({ install }));
		timings.readinessMs = n8n.startupMs;
		const { rest } = n8n;

		const workflowJson = JSON.parse(readFileSync(WORKFLOW_FILE, 'utf8')) as N8nWorkflowJson;
		// The built-in Webhook node declares `isFullPath: true`: its production URL is /webhook/<path>, without the
		// webhookId that other trigger nodes get in front of their path.
		const webhookUrl = n8n.webhookUrl((workflowJson.nodes[0].parameters as WebhookNodeParameters).path);

		const workflow = await time('importMs', () => rest.importWorkflow(workflowJson));
		assert.equal(workflow.id, workflowJson.id, 'the fixed workflow id is kept');
		const published = await time('publishMs', () => rest.publishWorkflow(workflow.id));
		assert.equal(published.active, true, 'workflow is published');
		await time('webhookReadyAfterPublishMs', () => rest.waitForWebhook(webhookUrl));

		const sent: Array<Record<string, unknown>> = [];
		const latencies: number[] = [];
		for (let seq = 0; seq < REQUESTS; seq++) {
			const body = { seq, event: 'smoke', nested: { ok: true, text: 'héllo' } };
			const started = performance.now();
			const response = await fetch(webhookUrl, {
				method: 'POST',
				headers: { 'content-type': 'application/json' },
				body: JSON.stringify(body),
			});
			const text = await response.text();
			latencies.push(Math.round((performance.now() - started) * 10) / 10);
			assert.equal(response.status, 200, `POST ${seq}: ${response.status} ${text}`);
			assert.deepEqual(JSON.parse(text), { message: 'Workflow was started' });
			sent.push(body);
		}
		timings.requestLatencyMs = latencies;

		await time('executionsSavedMs', () => rest.waitForExecutions(workflow.id, REQUESTS));
		assert.equal(await rest.countExecutions(workflow.id), REQUESTS);
		const executions = await rest.listExecutions(workflow.id);
		assert.equal(executions.length, REQUESTS);
		for (const summary of executions) {
			assert.equal(summary.status, 'success', `execution ${summary.id} status`);
			assert.equal(summary.mode, 'webhook');
		}

		// Each execution's Webhook output is one item whose `body` is exactly one of the posted bodies.
		const received = await Promise.all(
			executions.map(async (summary) => {
				const execution = await rest.getExecution(summary.id);
				const items = nodeOutputItems(execution, 'Webhook');
				assert.equal(items.length, 1, `execution ${summary.id}: one item`);
				return items[0].json.body as Record<string, unknown>;
			}),
		);
		received.sort((a, b) => Number(a.seq) - Number(b.seq));
		assert.deepEqual(received, sent);

		await time('stopMs', () => (n8n as N8nInstance).stop());
		n8n = undefined;
		const summary = { ok: true, n8n: install.n8nVersion, node: install.nodeVersion, timings };
		process.stdout.write(JSON.stringify(summary, null, 2) + '\n');
	} catch (error) {
		if (n8n) {
			process.stderr.write(
				`--- last lines of ${n8n.logFile} (folder kept) ---\n${n8n.logs().split('\n').slice(-60).join('\n')}\n`,
			);
			await n8n.stop({ keepUserFolder: true });
		}
		throw error;
	}
}

main().catch((error: unknown) => {
	process.stderr.write(
		`smoke-builtin-webhook FAILED: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
	);
	process.exitCode = 1;
});
