/**
 * What every e2e test gets: the running playground (n8n, sandbox, signing key, example workflow) and a sandbox client,
 * set up by the suite's `before` after the test lists are built: read them inside a test's `run` (e2e/test-case.ts).
 */
import type { N8nRestClient } from './n8n/rest-client';
import type { Playground } from './playground';
import type { SandboxClient } from './sandbox-client';

/**
 * What a test of the published example workflow needs: the n8n it runs in, the key deliveries are signed with, the
 * workflow, and the sandbox. Any suite that has published the example has it, with or without a whole playground.
 */
export interface ExampleContext {
	playground: Pick<Playground, 'n8n' | 'signingKey' | 'example'>;
	sandboxClient: SandboxClient;
}

export interface SuiteContext extends ExampleContext {
	playground: Playground;
	/** Progress notes (timings, throughput) that are not test results; stderr, so stdout is the test reporter's. */
	note(line: string): void;
}

export function restOf(context: ExampleContext): N8nRestClient {
	return context.playground.n8n.rest;
}

export function exampleWorkflowId(context: ExampleContext): string {
	return context.playground.example.workflowId;
}

export function exampleWebhookUrl(context: ExampleContext): string {
	return context.playground.example.webhookUrl;
}
