/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports -- dev tooling, never shipped (README: Lint) */
/**
 * `npm run test:queue`: the packed package in n8n's queue mode with real parts (e2e/queue/cluster.ts: PostgreSQL and
 * Redis from Debian packages, n8n main, two `n8n webhook` processes and a worker), then the cross-process
 * deduplication tests (e2e/queue/queue-tests.ts). Stops every process and service it started, also on Ctrl-C.
 *
 * Output: one line per test, then `N passed, N failed` alone on the last line; exit code 1 on any failure.
 * Env: `E2E_SKIP_BUILD=1` when dist/ is fresh; `N8N_E2E_KEEP=1` keeps the processes' logs under .e2e/queue/.
 */
import { rmSync } from 'node:fs';
import * as path from 'node:path';

import { generateSigningKeyPair } from '../sandbox/signer';
import { packPackage } from './n8n/community-package';
import { ensureN8n } from './n8n/install';
import { buildPackage } from './playground';
import { startQueueCluster, type QueueCluster } from './queue/cluster';
import { queueTests, type QueueContext } from './queue/queue-tests';
import { runSuiteMain, type TestRunner } from './runner';
import { SIGNING_KEYS_CREDENTIAL } from '../nodes/TechWolfTrigger/verification/signature';

const SETUP_TEST_NAME =
	'setup: PostgreSQL and Redis on private ports, n8n main, two webhook processes and a worker, the package in each';
const N8N_LOG_LINES_ON_FAILURE = 30;

function note(line: string): void {
	process.stderr.write(`[queue] ${line}\n`);
}

async function main(runner: TestRunner): Promise<void> {
	const started = performance.now();
	let cluster: QueueCluster | undefined;
	let stopping: Promise<void> | undefined;
	const stop = () => (stopping ??= cluster?.stop() ?? Promise.resolve());
	for (const signal of ['SIGINT', 'SIGTERM'] as const) {
		process.on(signal, () => {
			runner.interrupt(`interrupted by ${signal}`);
			note(`${signal}: stopping n8n, PostgreSQL and Redis`);
			void stop().finally(() => process.exit(130));
		});
	}
	try {
		const install = await ensureN8n({ log: note });
		const signingKey = generateSigningKeyPair();
		let context: QueueContext | undefined;
		await runner.run({
			name: SETUP_TEST_NAME,
			timeoutMs: 300_000,
			run: async () => {
				if (process.env.E2E_SKIP_BUILD !== '1') buildPackage(note);
				const packed = await packPackage();
				try {
					cluster = await startQueueCluster({ install, packageTarball: packed.tarball, log: note });
				} finally {
					rmSync(path.dirname(packed.tarball), { recursive: true, force: true });
				}
				note(`all four n8n processes ready ${(cluster.startupMs / 1000).toFixed(1)} s after the services started`);
				const credential = await cluster.main.rest.createCredential(SIGNING_KEYS_CREDENTIAL, 'TechWolf webhook keys', {
					publicKeys: signingKey.publicKeyHex,
				});
				context = { cluster, signingKey, credentialId: credential.id, note };
			},
		});
		if (context) await runner.runAll(queueTests(context));
		else runner.skipAsFailed('the queue-mode tests', 'not run: the cluster did not start');
		if (runner.failed > 0 && cluster) {
			for (const process of [cluster.main, ...cluster.webhooks, cluster.worker]) {
				const tail = process.logs().trimEnd().split('\n').slice(-N8N_LOG_LINES_ON_FAILURE).join('\n');
				note(`tail of ${process.logFile}:\n${tail}`);
			}
		}
	} finally {
		await stop();
		note(`total ${((performance.now() - started) / 1000).toFixed(1)} s`);
		runner.printSummary();
	}
}

runSuiteMain('queue suite', main);
