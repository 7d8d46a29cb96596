/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports -- dev tooling, never shipped (README: Lint) */
/**
 * `npm run test:registry`: the package installed the way users install it, by n8n's own installer from an npm
 * registry. A private Verdaccio (e2e/services/registry.ts) serves the packed package; n8n, started with no package and
 * N8N_COMMUNITY_PACKAGES_REGISTRY pointing there, installs, updates and uninstalls it over REST
 * (e2e/registry/registry-tests.ts), runs the example workflow with it, and then does it once more through the
 * Settings → Community Nodes screen in headless Chromium (e2e/registry/community-nodes-ui.ts).
 *
 * Output: one line per test, then `N passed, N failed` alone on the last line; exit code 1 on any failure.
 * Env: `E2E_SKIP_BUILD=1` when dist/ is fresh; `N8N_E2E_KEEP=1` keeps n8n's and the registry's folders and logs;
 * `E2E_ONLY=<regular expression>` runs only the tests whose names match it. `--update-screenshots` writes the
 * README's picture (docs/images/community-nodes-install.png).
 */
import * as path from 'node:path';

import { EditorSession } from './browser';
import { ensureN8n, REPO_ROOT } from './n8n/install';
import { communityNodesUiTests } from './registry/community-nodes-ui';
import { startRegistryEnvironment, type RegistryEnvironment } from './registry/environment';
import { registryTests } from './registry/registry-tests';
import { runSuiteMain, type TestRunner } from './runner';

const SETUP_TEST_NAME =
	'setup: build and pack the package, publish it to a private registry, start the sandbox and n8n pointed at the registry';
const N8N_LOG_LINES_ON_FAILURE = 40;

function note(line: string): void {
	process.stderr.write(`[registry] ${line}\n`);
}

async function main(runner: TestRunner): Promise<void> {
	const started = performance.now();
	let env: RegistryEnvironment | undefined;
	const session = new EditorSession();
	let stopping: Promise<void> | undefined;
	const stop = () =>
		(stopping ??= (async () => {
			await session.close().catch((error: unknown) => note(`closing Chromium failed: ${String(error)}`));
			await env?.stop();
		})());
	for (const signal of ['SIGINT', 'SIGTERM'] as const) {
		process.on(signal, () => {
			runner.interrupt(`interrupted by ${signal}`);
			note(`${signal}: stopping n8n, the registry, the sandbox and Chromium`);
			void stop().finally(() => process.exit(130));
		});
	}
	try {
		const install = await ensureN8n({ log: note });
		await runner.run({
			name: SETUP_TEST_NAME,
			timeoutMs: 240_000,
			run: async () => {
				env = await startRegistryEnvironment({ install, skipBuild: process.env.E2E_SKIP_BUILD === '1', log: note });
			},
		});
		// Assigned inside the setup test's closure, so TypeScript cannot see that it may be set here.
		const running = env as RegistryEnvironment | undefined;
		if (running) {
			const screenshotDir = process.argv.includes('--update-screenshots')
				? path.join(REPO_ROOT, 'docs', 'images')
				: path.join(REPO_ROOT, '.e2e', 'screenshots');
			const tests = [...registryTests(running), ...communityNodesUiTests(running, session, screenshotDir)];
			const only = process.env.E2E_ONLY ? new RegExp(process.env.E2E_ONLY) : undefined;
			await runner.runAll(only ? tests.filter((test) => only.test(test.name)) : tests);
			if (runner.failed > 0) {
				const log = running.n8n.logs().trimEnd().split('\n').slice(-N8N_LOG_LINES_ON_FAILURE).join('\n');
				note(`tail of n8n's log (${running.n8n.logFile}; N8N_E2E_KEEP=1 keeps it):\n${log}`);
			}
		} else {
			runner.skipAsFailed('the registry tests', 'not run: the setup did not finish');
		}
	} finally {
		await stop();
		note(`total ${((performance.now() - started) / 1000).toFixed(1)} s`);
		runner.printSummary();
	}
}

runSuiteMain('registry suite', main);
