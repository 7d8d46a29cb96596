/**
 * `npm run test:registry`: the package installed the way users install it, by n8n's own installer from an npm
 * registry. A private Verdaccio (e2e/services/registry.ts) serves the packed package; n8n, started in `before` with no
 * package and N8N_COMMUNITY_PACKAGES_REGISTRY pointing there, installs, updates and uninstalls it over REST
 * (e2e/registry/registry-tests.ts), runs the example workflow with it, and then does it once more through the
 * Settings → Community Nodes screen in headless Chromium (e2e/registry/community-nodes-ui.ts); on Node's test runner
 * (e2e/test-case.ts).
 *
 * Output: node:test's spec reporter, ending with its summary (`ℹ pass N`, `ℹ fail N`, which CI reads); exit code 1 on
 * any failure. Env: `E2E_SKIP_BUILD=1` when dist/ is fresh; `N8N_E2E_KEEP=1` keeps n8n's and the registry's folders
 * and logs; `E2E_ONLY=<regular expression>` runs only the tests whose names match it. `--update-screenshots` writes
 * the README's picture (docs/images/community-nodes-install.png).
 */
import * as path from 'node:path';
import { after } from 'node:test';

import { EditorSession } from './browser';
import { REPO_ROOT } from './n8n/install';
import { communityNodesUiTests } from './registry/community-nodes-ui';
import { startRegistryEnvironment, type RegistryEnvironment } from './registry/environment';
import { registryTests } from './registry/registry-tests';
import { beforeSuite, registerTests, setUp } from './test-case';

const SETUP_TIMEOUT_MS = 240_000;
const N8N_LOG_LINES_ON_FAILURE = 40;

function note(line: string): void {
	process.stderr.write(`[registry] ${line}\n`);
}

const started = performance.now();
let running: RegistryEnvironment | undefined;
const environment = (): RegistryEnvironment => setUp(running, 'the registry environment');
const env: RegistryEnvironment = {
	get registry() {
		return environment().registry;
	},
	get sandbox() {
		return environment().sandbox;
	},
	get n8n() {
		return environment().n8n;
	},
	get signingKey() {
		return environment().signingKey;
	},
	get packageName() {
		return environment().packageName;
	},
	get firstVersion() {
		return environment().firstVersion;
	},
	get tarball() {
		return environment().tarball;
	},
	stop: () => environment().stop(),
};
const session = new EditorSession();

let stopping: Promise<void> | undefined;
const stop = () =>
	(stopping ??= (async () => {
		await session.close().catch((error: unknown) => note(`closing Chromium failed: ${String(error)}`));
		await running?.stop();
	})());
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
	process.on(signal, () => {
		note(`${signal}: stopping n8n, the registry, the sandbox and Chromium`);
		void stop().finally(() => process.exit(130));
	});
}

beforeSuite(note, SETUP_TIMEOUT_MS, async (install) => {
	running = await startRegistryEnvironment({ install, skipBuild: process.env.E2E_SKIP_BUILD === '1', log: note });
});

const screenshotDir = process.argv.includes('--update-screenshots')
	? path.join(REPO_ROOT, 'docs', 'images')
	: path.join(REPO_ROOT, '.e2e', 'screenshots');
const registered = registerTests([...registryTests(env), ...communityNodesUiTests(env, session, screenshotDir)]);

after(async () => {
	if (registered.anyFailed() && running) {
		const log = running.n8n.logs().trimEnd().split('\n').slice(-N8N_LOG_LINES_ON_FAILURE).join('\n');
		note(`tail of n8n's log (${running.n8n.logFile}; N8N_E2E_KEEP=1 keeps it):\n${log}`);
	}
	await stop();
	note(`total ${((performance.now() - started) / 1000).toFixed(1)} s`);
});
