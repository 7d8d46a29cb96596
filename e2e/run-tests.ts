/**
 * `npm run test:e2e`: the packed package inside a real n8n, asserted over real HTTP and through n8n's REST API, then
 * in n8n's editor in headless Chromium, on Node's test runner (e2e/test-case.ts). One playground (build, pack,
 * sandbox, n8n, credentials, published example workflow), started in `before`, serves the whole suite, because an
 * n8n start costs ~15 s.
 *
 * Output: node:test's spec reporter, ending with its summary (`ℹ pass N`, `ℹ fail N`, which CI reads); exit code 1 on
 * any failure. Env: `E2E_SKIP_BUILD=1` when dist/ is fresh (CI builds first); `N8N_E2E_KEEP=1` keeps n8n's user
 * folder and log; `E2E_ONLY=<regular expression>` runs only the tests whose names match it.
 */
import * as path from 'node:path';
import { after } from 'node:test';

import { accessTokenTests } from './access-token-tests';
import { agentToolTests } from './agent-tool-test';
import { browserTests, type EditorTarget } from './browser';
import { crashTests } from './crash-tests';
import { credentialHandlingTests, credentialTestButtonTests } from './credential-tests';
import { dedupeTests } from './dedupe-tests';
import { REPO_ROOT } from './n8n/install';
import { startPlayground, type Playground } from './playground';
import { reconciliationTest, reconciliationWorkflowWith } from './reconciliation-test';
import { SandboxClient } from './sandbox-client';
import type { SuiteContext } from './suite-context';
import { loadTest } from './load-test';
import { beforeSuite, registerTests, setUp, type TestCase } from './test-case';
import { webhookTests } from './webhook-tests';
import { writePathTests } from './write-path-tests';

const PLAYGROUND_START_TIMEOUT_MS = 240_000;
const N8N_LOG_LINES_ON_FAILURE = 40;
const INTERRUPTED_EXIT_GRACE_MS = 5000;

function note(line: string): void {
	process.stderr.write(`[e2e] ${line}\n`);
}

/** All tests in order; which ones need which state is explained where the order matters. */
function suiteTests(context: SuiteContext, browser: TestCase[], accessToken: TestCase[]): TestCase[] {
	const dedupe = dedupeTests(context);
	return [
		// First: they watch n8n's first token request and then a renewal.
		...credentialHandlingTests(context),
		...webhookTests(context),
		...accessToken,
		reconciliationTest(context),
		...credentialTestButtonTests(context),
		...writePathTests(context),
		...agentToolTests(context),
		...dedupe.beforeLoad,
		// Late: 200 more executions make every later count and list slower.
		loadTest(context, dedupe.acceptedByLoadTest),
		// The burst redelivered, then n8n restarted: before the browser, which signs in to the restarted n8n.
		...dedupe.afterLoad,
		// A crash restarts n8n too: after the clean-restart checks, before the browser signs in.
		...crashTests(context),
		...browser,
	];
}

/** The editor as a user has it after importing the example and picking the TechWolf OAuth2 credential. */
function editorTarget(context: SuiteContext, oauth2CredentialName: () => string): EditorTarget {
	let reconciliation: Promise<string> | undefined;
	return {
		get baseUrl() {
			return context.playground.n8n.baseUrl;
		},
		get email() {
			return context.playground.n8n.email;
		},
		get password() {
			return context.playground.n8n.password;
		},
		get workflowId() {
			return context.playground.example.workflowId;
		},
		get productionWebhookUrl() {
			return context.playground.example.webhookUrl;
		},
		get oauth2CredentialName() {
			return oauth2CredentialName();
		},
		iconFile: path.join(REPO_ROOT, 'dist', 'icons', 'techwolf.svg'),
		// The README's pictures are refreshed on request only, so that a test run leaves the tree clean.
		screenshotDir: process.argv.includes('--update-screenshots')
			? path.join(REPO_ROOT, 'docs', 'images')
			: path.join(REPO_ROOT, '.e2e', 'screenshots'),
		reconciliationWorkflowId: () =>
			(reconciliation ??= context.playground.n8n.rest
				.importWorkflow(reconciliationWorkflowWith(context.playground.credentialIds.oauth2))
				.then((workflow) => workflow.id)),
	};
}

const suiteStartedAt = performance.now();
let playground: Playground | undefined;
let sandboxClient: SandboxClient | undefined;
let oauth2CredentialName: string | undefined;
const context: SuiteContext = {
	get playground() {
		return setUp(playground, 'the playground');
	},
	get sandboxClient() {
		return setUp(sandboxClient, 'the sandbox client');
	},
	note,
};
const browser = browserTests(editorTarget(context, () => setUp(oauth2CredentialName, 'the OAuth2 credential name')));
const accessToken = accessTokenTests(context);

// Each resource is stopped once; every caller (the signal handler, the after hook) waits for all stops.
let stopped: Promise<void> | undefined;
const stopAll = (): Promise<void> =>
	(stopped ??= Promise.all([
		accessToken.stop(),
		browser.close().catch((error: unknown) => note(`closing Chromium failed: ${String(error)}`)),
		playground?.stop(),
	]).then(() => undefined));

// Ctrl-C: stop what the suite started and exit 130; a second Ctrl-C exits at once. `on`, not `once`: n8n/instance.ts's
// own hook exits the process when no other listener is left, cutting the stop short.
let interrupted = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
	process.on(signal, () => {
		if (interrupted) process.exit(130);
		interrupted = true;
		note(`${signal}: stopping n8n, the sandbox and Chromium`);
		// The test in progress fails fast once n8n is gone; a hung one must not hold the exit for its timeout.
		void stopAll().finally(() => setTimeout(() => process.exit(130), INTERRUPTED_EXIT_GRACE_MS).unref());
	});
}

beforeSuite(note, PLAYGROUND_START_TIMEOUT_MS, async (install) => {
	playground = await startPlayground({ skipBuild: process.env.E2E_SKIP_BUILD === '1', install, log: note });
	sandboxClient = new SandboxClient(playground.sandbox);
	const { n8n, credentialIds } = playground;
	const oauth2Credential = await n8n.rest.request<{ name: string }>(
		'GET',
		`/credentials/${encodeURIComponent(credentialIds.oauth2)}`,
	);
	oauth2CredentialName = oauth2Credential.name;
});

const registered = registerTests(suiteTests(context, browser.tests, accessToken.tests));

after(async () => {
	if (registered.anyFailed() && playground) {
		const { n8n } = playground;
		const log = n8n.logs().trimEnd().split('\n').slice(-N8N_LOG_LINES_ON_FAILURE).join('\n');
		note(`tail of n8n's log (${n8n.logFile}; N8N_E2E_KEEP=1 keeps it):\n${log}`);
	}
	await stopAll();
	note(`total ${((performance.now() - suiteStartedAt) / 1000).toFixed(1)} s`);
});
