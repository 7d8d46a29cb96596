/**
 * n8n in queue mode with real parts, no Docker: Debian's PostgreSQL and Redis on private ports, then one main
 * instance (it migrates the database), two `n8n webhook` processes and one worker, started in parallel once the main
 * is up. One n8n install serves all four; each has its own user folder with the packed package, and all share the
 * database, Redis and the encryption key. Everything lives under `<repo>/.e2e/queue/` (git-ignored); `stop()` ends
 * every process and service started here.
 */
import { randomBytes } from 'node:crypto';
import * as fsp from 'node:fs/promises';
import * as path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

import { REPO_ROOT, type LogFn, type N8nInstallation } from '../n8n/install';
import { startN8n, type N8nCommand, type N8nInstance } from '../n8n/instance';
import { startPostgres, type Postgres } from '../services/postgres';
import { startRedis, type Redis } from '../services/redis';

export const QUEUE_FOLDER = path.join(REPO_ROOT, '.e2e', 'queue');

export interface QueueCluster {
	main: N8nInstance;
	webhooks: [N8nInstance, N8nInstance];
	worker: N8nInstance;
	/** Milliseconds from the first service start to all four n8n processes ready. */
	startupMs: number;
	/** SIGKILL one process, then start it again on its user folder, as a supervisor would; the fields follow. */
	crashAndRestart(name: 'webhook-1' | 'webhook-2' | 'worker'): Promise<void>;
	/**
	 * Redis down for `downMs`, then back with its data; an n8n process that exited meanwhile (n8n exits once Redis has
	 * been unreachable for `QUEUE_BULL_REDIS_TIMEOUT_THRESHOLD`) is started again, as a supervisor would.
	 */
	redisOutage(downMs: number): Promise<void>;
	stop(): Promise<void>;
}

export interface QueueClusterOptions {
	install: N8nInstallation;
	packageTarball: string;
	log: LogFn;
}

export async function startQueueCluster(options: QueueClusterOptions): Promise<QueueCluster> {
	const started = performance.now();
	const stops: Array<() => Promise<void>> = [];
	const stopAll = async () => {
		for (const stop of stops.reverse()) await stop().catch((error: unknown) => options.log(`stop: ${String(error)}`));
		stops.length = 0;
		if (process.env.N8N_E2E_KEEP !== '1') await fsp.rm(QUEUE_FOLDER, { recursive: true, force: true });
	};
	try {
		const [postgres, redis] = await Promise.all([
			startPostgres(path.join(QUEUE_FOLDER, 'postgres')),
			startRedis(path.join(QUEUE_FOLDER, 'redis')),
		]);
		stops.push(postgres.stop, redis.stop);
		options.log(`PostgreSQL on 127.0.0.1:${postgres.port}, Redis on 127.0.0.1:${redis.port}`);
		const env = queueEnvironment(postgres, redis);
		const start = async (command: N8nCommand, name: string, restartOn?: N8nInstance): Promise<N8nInstance> => {
			const restart = restartOn !== undefined;
			const userFolder = path.join(QUEUE_FOLDER, name);
			if (!restart) await fsp.rm(userFolder, { recursive: true, force: true });
			const instance = await startN8n({
				command,
				userFolder,
				reuseUserFolder: restart,
				...(restartOn ? { port: restartOn.port } : {}),
				install: options.install,
				...(restart ? {} : { packageTarball: options.packageTarball }),
				env,
				log: (line) => options.log(`${name}: ${line}`),
			});
			stops.push(() => instance.stop());
			void instance.exited.then(() => exitedProcesses.add(instance.pid));
			return instance;
		};
		const exitedProcesses = new Set<number>();
		const restartExited = async (command: N8nCommand, name: string, exited: N8nInstance) => {
			options.log(`${name} exited (${JSON.stringify(await exited.exited)}); starting it again`);
			return await start(command, name, exited);
		};
		// The main instance first: it creates and migrates the database the others read.
		const main = await start('start', 'main');
		const [webhook1, webhook2, worker] = await Promise.all([
			start('webhook', 'webhook-1'),
			start('webhook', 'webhook-2'),
			start('worker', 'worker'),
		]);
		const cluster: QueueCluster = {
			main,
			webhooks: [webhook1, webhook2],
			worker,
			startupMs: performance.now() - started,
			crashAndRestart: async (name) => {
				const index = name === 'worker' ? -1 : name === 'webhook-1' ? 0 : 1;
				const previous = index === -1 ? cluster.worker : cluster.webhooks[index];
				await previous.stop({ crash: true, keepUserFolder: true });
				const restarted = await start(name === 'worker' ? 'worker' : 'webhook', name, previous);
				if (index === -1) cluster.worker = restarted;
				else cluster.webhooks[index] = restarted;
			},
			redisOutage: async (downMs) => {
				await redis.outage(downMs);
				await sleep(2_000); // an exit that the outage caused comes just after it
				if (exitedProcesses.has(cluster.main.pid)) cluster.main = await restartExited('start', 'main', cluster.main);
				for (const index of [0, 1] as const) {
					const webhook = cluster.webhooks[index];
					if (exitedProcesses.has(webhook.pid)) {
						cluster.webhooks[index] = await restartExited('webhook', `webhook-${index + 1}`, webhook);
					}
				}
				if (exitedProcesses.has(cluster.worker.pid)) {
					cluster.worker = await restartExited('worker', 'worker', cluster.worker);
				}
			},
			stop: stopAll,
		};
		return cluster;
	} catch (error) {
		await stopAll();
		throw error;
	}
}

/**
 * How long every n8n process waits for Redis before it exits (n8n's default is 10 s): set above the outages the suite
 * gives, as README's "Delivery guarantees" advises, since a worker that exits loses its running jobs for good.
 */
export const REDIS_TIMEOUT_THRESHOLD_MS = 60_000;

function queueEnvironment(postgres: Postgres, redis: Redis): Record<string, string> {
	return {
		EXECUTIONS_MODE: 'queue',
		DB_TYPE: 'postgresdb',
		DB_POSTGRESDB_HOST: postgres.host,
		DB_POSTGRESDB_PORT: String(postgres.port),
		DB_POSTGRESDB_DATABASE: postgres.database,
		DB_POSTGRESDB_USER: postgres.user,
		DB_POSTGRESDB_PASSWORD: postgres.password,
		QUEUE_BULL_REDIS_HOST: redis.host,
		QUEUE_BULL_REDIS_PORT: String(redis.port),
		QUEUE_BULL_REDIS_TIMEOUT_THRESHOLD: String(REDIS_TIMEOUT_THRESHOLD_MS),
		// Every process must decrypt the credentials the main instance saved.
		N8N_ENCRYPTION_KEY: randomBytes(24).toString('hex'),
	};
}
