/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports -- dev tooling, never shipped (README: Lint) */
/**
 * `npm run test:e2e`: the packed package inside a real n8n, asserted over real HTTP and through n8n's REST API, then
 * in n8n's editor in headless Chromium. One playground (build, pack, sandbox, n8n, credentials, published example
 * workflow) serves the whole suite, because an n8n start costs ~15 s.
 *
 * Output: one line per test, then `N passed, N failed` alone on the last line; exit code 1 on any failure.
 * Env: `E2E_SKIP_BUILD=1` when dist/ is fresh (CI builds first); `N8N_E2E_KEEP=1` keeps n8n's user folder and log;
 * `E2E_ONLY=<regular expression>` runs only the tests whose names match it.
 */
import * as path from 'node:path';

import { accessTokenTests } from './access-token-tests';
import { agentToolTests } from './agent-tool-test';
import { browserTests, type EditorChecks, type EditorTarget } from './browser';
import { crashTests } from './crash-tests';
import { credentialHandlingTests, credentialTestButtonTests } from './credential-tests';
import { dedupeTests } from './dedupe-tests';
import { ensureN8n, REPO_ROOT } from './n8n/install';
import { startPlayground, type Playground } from './playground';
import { reconciliationTest, reconciliationWorkflowWith } from './reconciliation-test';
import { runSuiteMain, type TestCase, type TestRunner } from './runner';
import { SandboxClient } from './sandbox-client';
import type { SuiteContext } from './suite-context';
import { loadTest } from './load-test';
import { webhookTests } from './webhook-tests';
import { writePathTests } from './write-path-tests';

const SETUP_TEST_NAME = 'setup: build, pack, start the sandbox and n8n with the package, publish the example workflow';
const PLAYGROUND_START_TIMEOUT_MS = 240_000;
const N8N_LOG_LINES_ON_FAILURE = 40;
const INTERRUPTED_EXIT_GRACE_MS = 5000;

function note(line: string): void {
	process.stderr.write(`[e2e] ${line}\n`);
}

/** All tests in order; which ones need which state is explained where the order matters. */
function suiteTests(
	context: SuiteContext,
	browser: TestCase[],
	accessToken: ReturnType<typeof accessTokenTests>,
): TestCase[] {
	const dedupe = dedupeTests(context);
	return [
		// First: they watch n8n's first token request and then a renewal.
		...credentialHandlingTests(context),
		...webhookTests(context),
		...accessToken.tests,
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

async function editorTarget(playground: Playground): Promise<EditorTarget> {
	const { n8n, example, credentialIds } = playground;
	const oauth2Credential = await n8n.rest.request<{ name: string }>(
		'GET',
		`/credentials/${encodeURIComponent(credentialIds.oauth2)}`,
	);
	let reconciliation: Promise<string> | undefined;
	return {
		baseUrl: n8n.baseUrl,
		email: n8n.email,
		password: n8n.password,
		workflowId: example.workflowId,
		productionWebhookUrl: example.webhookUrl,
		oauth2CredentialName: oauth2Credential.name,
		iconFile: path.join(REPO_ROOT, 'dist', 'icons', 'techwolf.svg'),
		// The README's pictures are refreshed on request only, so that a test run leaves the tree clean.
		screenshotDir: process.argv.includes('--update-screenshots')
			? path.join(REPO_ROOT, 'docs', 'images')
			: path.join(REPO_ROOT, '.e2e', 'screenshots'),
		// As a user has it after importing the file and picking the TechWolf OAuth2 credential.
		reconciliationWorkflowId: () =>
			(reconciliation ??= playground.n8n.rest
				.importWorkflow(reconciliationWorkflowWith(credentialIds.oauth2))
				.then((workflow) => workflow.id)),
	};
}

async function runSuite(
	runner: TestRunner,
	playground: Playground,
	onBrowser: (browser: EditorChecks) => void,
): Promise<void> {
	const context: SuiteContext = { playground, sandboxClient: new SandboxClient(playground.sandbox), note };
	try {
		const browser = browserTests(await editorTarget(playground));
		onBrowser(browser);
		const accessToken = accessTokenTests(context);
		try {
			// E2E_ONLY=<regular expression>: only the tests whose names match (while working on them; setup always runs).
			const only = process.env.E2E_ONLY ? new RegExp(process.env.E2E_ONLY) : undefined;
			const tests = suiteTests(context, browser.tests, accessToken);
			await runner.runAll(only ? tests.filter((test) => only.test(test.name)) : tests);
		} finally {
			await accessToken.stop();
		}
	} catch (error) {
		runner.skipAsFailed('the rest of the suite', `crashed outside a test: ${String(error)}`);
	}
	if (runner.failed > 0) {
		const { n8n } = playground;
		const log = n8n.logs().trimEnd().split('\n').slice(-N8N_LOG_LINES_ON_FAILURE).join('\n');
		note(`tail of n8n's log (${n8n.logFile}; N8N_E2E_KEEP=1 keeps it):\n${log}`);
	}
}

async function main(runner: TestRunner): Promise<void> {
	const suiteStartedAt = performance.now();
	let playground: Playground | undefined;
	let browser: EditorChecks | undefined;
	// Each resource is stopped once; every caller (the signal handler, the final cleanup) waits for all stops.
	const stops: Promise<void>[] = [];
	const stopAll = async (): Promise<void> => {
		const openBrowser = browser;
		browser = undefined;
		if (openBrowser) {
			stops.push(openBrowser.close().catch((error: unknown) => note(`closing Chromium failed: ${String(error)}`)));
		}
		const runningPlayground = playground;
		playground = undefined;
		if (runningPlayground) stops.push(runningPlayground.stop());
		await Promise.all(stops);
	};
	// Ctrl-C: run no further tests, stop what the suite started, print the summary, exit 130; a second Ctrl-C exits at
	// once. `on`, not `once`: n8n/instance.ts's own hook exits the process when no other listener is left, cutting the stop short.
	for (const signal of ['SIGINT', 'SIGTERM'] as const) {
		process.on(signal, () => {
			if (runner.interrupted) process.exit(130);
			runner.interrupt(`interrupted by ${signal}`);
			note(`${signal}: stopping n8n, the sandbox and Chromium`);
			// The test in progress fails fast once n8n is gone; a hung one must not hold the exit for its timeout.
			void stopAll().finally(() => setTimeout(() => process.exit(130), INTERRUPTED_EXIT_GRACE_MS).unref());
		});
	}

	try {
		// The first run installs n8n into .cache/ (minutes, with its own progress lines): not part of the timed setup.
		const install = await ensureN8n({ log: note });
		await runner.run({
			name: SETUP_TEST_NAME,
			timeoutMs: PLAYGROUND_START_TIMEOUT_MS,
			run: async () => {
				playground = await startPlayground({ skipBuild: process.env.E2E_SKIP_BUILD === '1', install, log: note });
			},
		});
		// Assigned inside the setup test's closure, so TypeScript cannot see that it may be set here.
		const running = playground as Playground | undefined;
		if (running) await runSuite(runner, running, (checks) => (browser = checks));
		else runner.skipAsFailed('the rest of the suite', 'not run: the playground did not start');
	} finally {
		await stopAll();
		note(`total ${((performance.now() - suiteStartedAt) / 1000).toFixed(1)} s`);
		runner.printSummary();
	}
}

runSuiteMain('e2e suite', main);
