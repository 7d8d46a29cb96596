/**
 * `npm run test:queue`: the packed package in n8n's queue mode with real parts (e2e/queue/cluster.ts: PostgreSQL and
 * Redis from Debian packages, n8n main, two `n8n webhook` processes and a worker), started in `before`, then the
 * cross-process deduplication tests (e2e/queue/queue-tests.ts) on Node's test runner (e2e/test-case.ts). Stops every
 * process and service it started, also on Ctrl-C.
 *
 * Output: node:test's spec reporter, ending with its summary (`ℹ pass N`, `ℹ fail N`, which CI reads); exit code 1 on
 * any failure. Env: `E2E_SKIP_BUILD=1` when dist/ is fresh; `N8N_E2E_KEEP=1` keeps the processes' logs under
 * .e2e/queue/; `E2E_ONLY=<regular expression>` runs only the tests whose names match it.
 */
import { rmSync } from 'node:fs';
import * as path from 'node:path';
import { after } from 'node:test';

import { generateSigningKeyPair } from '../sandbox/signer';
import { packPackage } from './n8n/community-package';
import { buildPackage } from './playground';
import { startQueueCluster, type QueueCluster } from './queue/cluster';
import { queueTests, type QueueContext } from './queue/queue-tests';
import { beforeSuite, registerTests, setUp } from './test-case';
import { SIGNING_KEYS_CREDENTIAL } from '../nodes/TechWolfTrigger/verification/signature';

const CLUSTER_START_TIMEOUT_MS = 300_000;
const N8N_LOG_LINES_ON_FAILURE = 30;

function note(line: string): void {
	process.stderr.write(`[queue] ${line}\n`);
}

const started = performance.now();
let cluster: QueueCluster | undefined;
let credentialId: string | undefined;
const signingKey = generateSigningKeyPair();
const context: QueueContext = {
	get cluster() {
		return setUp(cluster, 'the queue cluster');
	},
	signingKey,
	get credentialId() {
		return setUp(credentialId, 'the signing key credential');
	},
	note,
};

let stopping: Promise<void> | undefined;
const stop = () => (stopping ??= cluster?.stop() ?? Promise.resolve());
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
	process.on(signal, () => {
		note(`${signal}: stopping n8n, PostgreSQL and Redis`);
		void stop().finally(() => process.exit(130));
	});
}

beforeSuite(note, CLUSTER_START_TIMEOUT_MS, async (install) => {
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
	credentialId = credential.id;
});

const registered = registerTests(queueTests(context));

after(async () => {
	if (registered.anyFailed() && cluster) {
		for (const process of [cluster.main, ...cluster.webhooks, cluster.worker]) {
			const tail = process.logs().trimEnd().split('\n').slice(-N8N_LOG_LINES_ON_FAILURE).join('\n');
			note(`tail of ${process.logFile}:\n${tail}`);
		}
	}
	await stop();
	note(`total ${((performance.now() - started) / 1000).toFixed(1)} s`);
});
