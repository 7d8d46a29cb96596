/** What every e2e test gets: the running playground (n8n, sandbox, signing key, example workflow) and a sandbox client. */
import type { N8nRestClient } from './n8n/rest-client';
import type { Playground } from './playground';
import type { SandboxClient } from './sandbox-client';

export interface SuiteContext {
	playground: Playground;
	sandboxClient: SandboxClient;
	/** Progress notes (timings, throughput) that are not test results; stderr, so stdout stays one line per test. */
	note(line: string): void;
}

export function restOf(context: SuiteContext): N8nRestClient {
	return context.playground.n8n.rest;
}

export function exampleWorkflowId(context: SuiteContext): string {
	return context.playground.example.workflowId;
}

export function exampleWebhookUrl(context: SuiteContext): string {
	return context.playground.example.webhookUrl;
}
