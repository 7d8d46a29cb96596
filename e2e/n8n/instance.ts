/**
 * Starts and stops a private real n8n on 127.0.0.1: the packed community package installed the way n8n installs it,
 * an owner created from env, and a handle with a logged-in REST client. Every process started here is stopped by
 * `stop()`, or killed when this process exits.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as fsp from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';
import { TextDecoder } from 'node:util';

import { installCommunityPackage } from './community-package';
import { freePort, isErrnoException, isPortFree, settlesWithin, sleep, tail } from './helpers';
import { defaultLog, ensureN8n, type LogFn, type N8nInstallation } from './install';
import { N8nRestClient } from './rest-client';

const USER_FOLDER_MARKER = '.e2e-user-folder';

/** The part of bcryptjs (loaded from n8n's node_modules) used here. */
interface BcryptJs {
	hashSync(password: string, saltRounds: number): string;
}

export interface N8nOwner {
	email: string;
	password: string;
	firstName: string;
	lastName: string;
}

/**
 * Which n8n process: `start` is the main instance (editor, REST API, webhooks in regular mode); in queue mode
 * `webhook` serves production webhooks only and `worker` runs executions (its port serves only health checks).
 */
export type N8nCommand = 'start' | 'webhook' | 'worker';

export interface StartN8nOptions {
	/** Defaults to `start`. */
	command?: N8nCommand;
	/** HTTP port on 127.0.0.1; a free one is picked when omitted. */
	port?: number;
	/** Becomes N8N_USER_FOLDER (n8n keeps its data in `<userFolder>/.n8n`). Defaults to a new folder in the OS tmp. */
	userFolder?: string;
	/**
	 * Keep an existing user folder (workflows, credentials, encryption key) instead of starting fresh, e.g. for
	 * `npm start`. Without it an existing folder is wiped, but only one that an earlier `startN8n` created.
	 */
	reuseUserFolder?: boolean;
	/** An `npm pack` tarball, installed into `<userFolder>/.n8n/nodes/node_modules/<name>` before the start. */
	packageTarball?: string;
	/** More packed community packages to install the same way (e.g. a benchmark fixture). */
	extraPackageTarballs?: string[];
	/** Extra env for n8n; a value of `undefined` removes a default. */
	env?: Record<string, string | undefined>;
	/** Owner account created from env; fields left out get defaults (random password). */
	owner?: Partial<N8nOwner>;
	/** Defaults to `await ensureN8n()`. */
	install?: N8nInstallation;
	readyTimeoutMs?: number;
	/** Also copy n8n's output to this process's stderr (useful for `npm start`). */
	echoLogs?: boolean;
	log?: LogFn;
}

export interface N8nInstance {
	/** `http://127.0.0.1:<port>`, no trailing slash. */
	baseUrl: string;
	port: number;
	userFolder: string;
	logFile: string;
	pid: number;
	email: string;
	password: string;
	/** Logged in as the owner (only the main instance, `start`, serves the REST API). */
	rest: N8nRestClient;
	/** Milliseconds from spawn to `/healthz/readiness` = 200. */
	startupMs: number;
	/** Production URL of a webhook: `<baseUrl>/webhook/<webhookId>/<path>` (or `/webhook/<path>` without id). */
	webhookUrl(path: string, webhookId?: string): string;
	/** Settles when n8n's process exits, whatever the reason (`stop()`, a crash, a port taken meanwhile). */
	exited: Promise<N8nExit>;
	/** Everything n8n has written to stdout/stderr so far (still available after `stop()`). */
	logs(): string;
	/**
	 * SIGTERM to n8n's process group, SIGKILL after a grace period; resolves when the process has exited.
	 * A user folder that `startN8n` made itself (no `userFolder` option) is then deleted (~50 MB each), unless
	 * `keepUserFolder` is set or env `N8N_E2E_KEEP=1`.
	 */
	stop(opts?: StopN8nOptions): Promise<void>;
}

export interface N8nExit {
	code: number | null;
	signal: NodeJS.Signals | null;
}

/** The port asked for is taken: n8n would fail to listen, and whatever listens there would answer in its place. */
export class PortInUseError extends Error {
	constructor(readonly port: number) {
		super(`port ${port} is already in use`);
	}
}

export interface StopN8nOptions {
	/** Keep a temporary user folder, e.g. to inspect a failed test's database and log. */
	keepUserFolder?: boolean;
	/** A crash, as a power cut or the OOM killer gives it: SIGKILL to the process group at once, no shutdown. */
	crash?: boolean;
}

/** Starts a fresh n8n on 127.0.0.1 and resolves once it is ready and the owner is logged in. */
export async function startN8n(opts: StartN8nOptions = {}): Promise<N8nInstance> {
	const log = opts.log ?? defaultLog;
	const install = opts.install ?? (await ensureN8n({ log }));
	if (opts.port !== undefined && !(await isPortFree(opts.port))) throw new PortInUseError(opts.port);
	const port = opts.port ?? (await freePort());
	const brokerPort = await freePort([port]);
	const baseUrl = `http://127.0.0.1:${port}`;
	const ownsUserFolder = opts.userFolder === undefined;
	const userFolder = path.resolve(opts.userFolder ?? (await fsp.mkdtemp(path.join(os.tmpdir(), 'n8n-e2e-'))));
	await prepareUserFolder(userFolder, opts.reuseUserFolder ?? false);
	for (const tarball of [opts.packageTarball, ...(opts.extraPackageTarballs ?? [])]) {
		if (!tarball) continue;
		const pkg = await installCommunityPackage(userFolder, tarball);
		log(`installed ${pkg.name}@${pkg.version} into ${pkg.dir}`);
	}

	const owner: N8nOwner = {
		email: opts.owner?.email ?? 'owner@example.com',
		// Meets n8n's password rules (8+ chars, a digit, an upper-case letter) in case a test changes it via the UI.
		password: opts.owner?.password ?? `E2e-${randomBytes(12).toString('base64url')}-9Z`,
		firstName: opts.owner?.firstName ?? 'E2E',
		lastName: opts.owner?.lastName ?? 'Owner',
	};
	const bcrypt = install.requireFromN8n('bcryptjs') as BcryptJs;

	const env: NodeJS.ProcessEnv = {
		...inheritedEnv(),
		// Anything n8n spawns with `node` (task runner fallbacks, npm) gets Node 24 as well.
		PATH: `${path.dirname(install.nodeBin)}${path.delimiter}${process.env.PATH ?? ''}`,
		N8N_USER_FOLDER: userFolder,
		N8N_PORT: String(port),
		N8N_LISTEN_ADDRESS: '127.0.0.1',
		N8N_HOST: '127.0.0.1',
		N8N_PROTOCOL: 'http',
		N8N_EDITOR_BASE_URL: `${baseUrl}/`,
		// WEBHOOK_URL is deprecated in 2.41 (it says so at startup); this one sets test and production URLs.
		N8N_WEBHOOK_URL: `${baseUrl}/`,
		// The 2.x task broker defaults to 5679: give each instance its own so several can run side by side.
		N8N_RUNNERS_BROKER_PORT: String(brokerPort),
		N8N_RUNNERS_BROKER_LISTEN_ADDRESS: '127.0.0.1',
		N8N_DIAGNOSTICS_ENABLED: 'false',
		N8N_PERSONALIZATION_ENABLED: 'false',
		N8N_VERSION_NOTIFICATIONS_ENABLED: 'false',
		N8N_TEMPLATES_ENABLED: 'false',
		N8N_HIRING_BANNER_ENABLED: 'false',
		// 2.41 warns that this default will flip to false; our package is unverified.
		N8N_UNVERIFIED_PACKAGES_ENABLED: 'true',
		// Plain http on 127.0.0.1: a Secure cookie would not be sent back by a browser.
		N8N_SECURE_COOKIE: 'false',
		N8N_ENFORCE_SETTINGS_FILE_PERMISSIONS: 'true',
		N8N_GRACEFUL_SHUTDOWN_TIMEOUT: '5',
		N8N_INSTANCE_OWNER_MANAGED_BY_ENV: 'true',
		N8N_INSTANCE_OWNER_EMAIL: owner.email,
		N8N_INSTANCE_OWNER_FIRST_NAME: owner.firstName,
		N8N_INSTANCE_OWNER_LAST_NAME: owner.lastName,
		N8N_INSTANCE_OWNER_PASSWORD_HASH: bcrypt.hashSync(owner.password, 10),
	};
	const command = opts.command ?? 'start';
	if (command === 'worker') {
		// A worker has no HTTP server of its own; its health server on this port tells when it is ready.
		Object.assign(env, {
			QUEUE_HEALTH_CHECK_ACTIVE: 'true',
			QUEUE_HEALTH_CHECK_PORT: String(port),
			N8N_WORKER_SERVER_ADDRESS: '127.0.0.1',
		});
	}
	for (const [key, value] of Object.entries(opts.env ?? {})) {
		if (value === undefined) delete env[key];
		else env[key] = value;
	}

	const logFile = path.join(userFolder, 'n8n.log');
	const logFd = fs.openSync(logFile, 'a');
	const started = Date.now();
	let child: ChildProcess;
	try {
		// cwd = user folder: n8n's bin loads `.env` from its working directory, and the repo's must not leak in.
		// detached: n8n and its task runner get their own process group, so stop() can end exactly them.
		child = spawn(install.nodeBin, [install.n8nBin, command], {
			cwd: userFolder,
			env,
			detached: true,
			stdio: ['ignore', logFd, logFd],
		});
	} finally {
		fs.closeSync(logFd); // the child holds its own copy
	}
	const spawnError = new Promise<Error>((resolve) => child.once('error', resolve)); // also keeps it from crashing us
	const pid = child.pid;
	if (pid === undefined) throw new Error(`could not spawn ${install.nodeBin}: ${(await spawnError).message}`);
	const exited = new Promise<N8nExit>((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
	let hasExited = false;
	void exited.then(() => {
		hasExited = true;
		running.delete(pid);
	});
	running.add(pid);
	installExitHooks();
	const stopEcho = opts.echoLogs ? followFile(logFile, (chunk) => process.stderr.write(chunk)) : undefined;

	let finalLogs: string | undefined;
	const logs = (): string => finalLogs ?? fs.readFileSync(logFile, 'utf8');
	const stop = async (stopOpts: StopN8nOptions = {}): Promise<void> => {
		if (!hasExited && stopOpts.crash) {
			killGroup(pid, 'SIGKILL');
			await exited;
		} else if (!hasExited) {
			killGroup(pid, 'SIGTERM');
			const timedOut = !(await settlesWithin(exited, 15_000));
			if (timedOut) {
				log(`n8n (pid ${pid}) ignored SIGTERM for 15 s; sending SIGKILL`);
				killGroup(pid, 'SIGKILL');
				await exited;
			}
		}
		// A task runner that outlived its parent is still in the group.
		killGroup(pid, 'SIGKILL');
		stopEcho?.();
		if (ownsUserFolder && !stopOpts.keepUserFolder && process.env.N8N_E2E_KEEP !== '1' && finalLogs === undefined) {
			finalLogs = logs();
			await fsp.rm(userFolder, { recursive: true, force: true });
		}
	};

	try {
		await waitUntilReady(baseUrl, opts.readyTimeoutMs ?? 120_000, () => hasExited, logFile, command === 'start');
	} catch (error) {
		await stop({ keepUserFolder: true });
		throw error;
	}
	const startupMs = Date.now() - started;
	log(
		`n8n ${install.n8nVersion} ${command} ready at ${baseUrl} after ${(startupMs / 1000).toFixed(1)} s (pid ${pid}, log ${logFile})`,
	);

	const rest = new N8nRestClient(baseUrl, { requireFromN8n: install.requireFromN8n });
	try {
		if (command === 'start') {
			// n8n 1.x reads no owner from the environment: the owner is created as the setup form does.
			// A reused user folder (a restart) has its owner already; 1.x answers 400 to a second setup.
			if (install.n8nVersion.startsWith('1.')) {
				await rest.request('POST', '/owner/setup', { ...owner }).catch((error: unknown) => {
					if (!String(error).includes('Instance owner already setup')) throw error;
				});
			}
			await rest.login(owner.email, owner.password);
		}
	} catch (error) {
		await stop({ keepUserFolder: true });
		throw error;
	}

	return {
		baseUrl,
		port,
		userFolder,
		logFile,
		pid,
		email: owner.email,
		password: owner.password,
		rest,
		startupMs,
		webhookUrl: (webhookPath, webhookId) =>
			`${baseUrl}/webhook/${webhookId ? `${webhookId}/` : ''}${webhookPath.replace(/^\/+/, '')}`,
		exited,
		logs,
		stop,
	};
}

async function prepareUserFolder(userFolder: string, reuse: boolean): Promise<void> {
	const entries = await fsp.readdir(userFolder).catch(() => undefined);
	if (entries && entries.length > 0 && !reuse) {
		// Refuse to wipe a folder this module did not create (a typo could point at real data).
		if (!entries.includes(USER_FOLDER_MARKER)) {
			throw new Error(`${userFolder} is not empty and was not created by startN8n; refusing to wipe it`);
		}
		await fsp.rm(userFolder, { recursive: true, force: true });
	}
	await fsp.mkdir(userFolder, { recursive: true });
	await fsp.writeFile(path.join(userFolder, USER_FOLDER_MARKER), 'created by e2e/n8n/instance.ts startN8n()\n');
}

/** The parent's env minus settings that would change n8n's behaviour behind the test's back. */
function inheritedEnv(): NodeJS.ProcessEnv {
	const env: NodeJS.ProcessEnv = {};
	for (const [key, value] of Object.entries(process.env)) {
		if (/^(N8N_|DB_|EXECUTIONS_|QUEUE_|WEBHOOK_URL$|NODE_OPTIONS$|NODE_PATH$|npm_)/.test(key)) continue;
		env[key] = value;
	}
	return env;
}

/** Ready: /healthz/readiness answers 200 and, for the main process (`withRest`), so do its REST routes. */
async function waitUntilReady(
	baseUrl: string,
	timeoutMs: number,
	hasExited: () => boolean,
	logFile: string,
	withRest: boolean,
) {
	const deadline = Date.now() + timeoutMs;
	while (Date.now() < deadline) {
		if (hasExited()) throw new Error(`n8n exited during startup; tail of ${logFile}:\n${tail(logFile, 40)}`);
		try {
			// n8n 1.x reports readiness while it still runs migrations, before its REST routes exist.
			const ready = await fetch(`${baseUrl}/healthz/readiness`, { signal: AbortSignal.timeout(2000) });
			if (ready.status === 200) {
				if (!withRest) return;
				const rest = await fetch(`${baseUrl}/rest/settings`, { signal: AbortSignal.timeout(2000) });
				if (rest.status === 200) return;
			}
		} catch {
			// not listening yet
		}
		await sleep(250);
	}
	throw new Error(`n8n not ready after ${timeoutMs} ms; tail of ${logFile}:\n${tail(logFile, 40)}`);
}

// Pids (= process group ids) of running instances, killed if this process exits without stop().
const running = new Set<number>();
let exitHooksInstalled = false;

function installExitHooks(): void {
	if (exitHooksInstalled) return;
	exitHooksInstalled = true;
	process.once('exit', () => {
		for (const pid of running) killGroup(pid, 'SIGKILL');
	});
	for (const signal of ['SIGINT', 'SIGTERM'] as const) {
		process.once(signal, () => {
			for (const pid of running) killGroup(pid, 'SIGTERM');
			// Our listener replaced Node's default action; only exit if nobody else handles the signal.
			if (process.listenerCount(signal) === 0) process.exit(signal === 'SIGINT' ? 130 : 143);
		});
	}
}

function killGroup(pid: number, signal: NodeJS.Signals): void {
	try {
		process.kill(-pid, signal);
	} catch (error) {
		if (!isErrnoException(error) || error.code !== 'ESRCH') throw error;
	}
}

/** Calls `onData` with whatever is appended to `file`; returns a function that stops following. */
function followFile(file: string, onData: (chunk: string) => void): () => void {
	let position = 0;
	const decoder = new TextDecoder(); // streaming: a UTF-8 character may straddle two reads
	const pump = () => {
		const size = fs.statSync(file).size;
		if (size <= position) return;
		const fd = fs.openSync(file, 'r');
		try {
			const chunk = new Uint8Array(size - position);
			fs.readSync(fd, chunk, 0, chunk.length, position);
			position = size;
			onData(decoder.decode(chunk, { stream: true }));
		} finally {
			fs.closeSync(fd);
		}
	};
	const timer = setInterval(pump, 200);
	timer.unref();
	return () => {
		clearInterval(timer);
		pump();
	};
}
