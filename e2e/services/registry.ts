/**
 * A private npm registry for the registry suite: Verdaccio (a devDependency) on 127.0.0.1 and a free port, with its
 * own config, storage and user list in a temp folder. No uplinks: it serves only what the suite publishes to it, so
 * anything else an installer asks for fails loudly instead of coming from npmjs.org. `stop()` ends exactly the
 * process started here and removes the folder.
 */
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as fsp from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';

import { execFileAsync, freePort, sleep, tail } from '../n8n/helpers';

const VERDACCIO_BIN = path.join(path.dirname(require.resolve('verdaccio/package.json')), 'bin', 'verdaccio');
const USER = 'e2e-publisher';
const READY_TIMEOUT_MS = 30_000;

export interface Registry {
	/** `http://127.0.0.1:<port>`, no trailing slash. */
	url: string;
	pid: number;
	/** Publishes a packed tarball as the registry's one user, as `npm publish` does. */
	publish(tarball: string): Promise<void>;
	/** Every request answered so far, in order, from the registry's own access log. */
	requests(): Promise<RegistryRequest[]>;
	/** The versions the registry serves for a package, and its `latest` tag. */
	versions(packageName: string): Promise<{ versions: string[]; latest: string | undefined }>;
	stop(): Promise<void>;
}

export interface RegistryRequest {
	method: string;
	/** Path and query, e.g. `/n8n-nodes-techwolf/-/n8n-nodes-techwolf-0.1.0.tgz`. */
	url: string;
	status: number;
}

/** Verdaccio's access-log lines (JSON, level 25 "http"): one per answered request. */
interface AccessLogLine {
	level?: number;
	request?: { method?: string; url?: string };
	status?: number;
}

/** Verdaccio's config: local storage only, anyone may read, only the logged-in user may publish, no web UI. */
function verdaccioConfig(folder: string): string {
	return [
		`storage: ${JSON.stringify(path.join(folder, 'storage'))}`,
		'auth:',
		'  htpasswd:',
		`    file: ${JSON.stringify(path.join(folder, 'htpasswd'))}`,
		'    max_users: 1',
		'uplinks: {}',
		'packages:',
		"  '**':",
		'    access: $all',
		'    publish: $authenticated',
		'    unpublish: $authenticated',
		'web:',
		'  enable: false',
		// JSON at level http: one line per answered request, which requests() reads.
		'log: { type: stdout, format: json, level: http }',
		'',
	].join('\n');
}

export async function startRegistry(): Promise<Registry> {
	const folder = await fsp.mkdtemp(path.join(os.tmpdir(), 'n8n-e2e-registry-'));
	const configFile = path.join(folder, 'config.yaml');
	const logFile = path.join(folder, 'verdaccio.log');
	await fsp.writeFile(configFile, verdaccioConfig(folder));
	const port = await freePort();
	const url = `http://127.0.0.1:${port}`;
	const logFd = fs.openSync(logFile, 'a');
	const child = spawn(process.execPath, [VERDACCIO_BIN, '--config', configFile, '--listen', `127.0.0.1:${port}`], {
		cwd: folder,
		stdio: ['ignore', logFd, logFd],
	});
	fs.closeSync(logFd);
	child.once('error', () => undefined);
	const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
	const stop = async (): Promise<void> => {
		if (child.exitCode === null && child.signalCode === null) {
			child.kill('SIGTERM');
			await exited;
		}
		if (process.env.N8N_E2E_KEEP !== '1') await fsp.rm(folder, { recursive: true, force: true });
	};
	try {
		await waitUntilServing(url, () => child.exitCode !== null, logFile);
		const npmrc = path.join(folder, 'npmrc');
		await fsp.writeFile(npmrc, `//127.0.0.1:${port}/:_authToken=${await addUser(url)}\n`, { mode: 0o600 });
		return {
			url,
			pid: child.pid as number,
			publish: async (tarball) => {
				// A tarball publish runs no lifecycle script, so scripts/publish-guard.ts (prepublishOnly) stays out
				// of it; the package's publishConfig asks for provenance, which only the release workflow can sign,
				// and a flag on the command line overrides publishConfig for this local registry only.
				await execFileAsync(
					'npm',
					['publish', path.resolve(tarball), `--registry=${url}/`, `--userconfig=${npmrc}`, '--provenance=false'],
					{ cwd: folder },
				);
			},
			requests: async () => {
				const lines = (await fsp.readFile(logFile, 'utf8')).split('\n').filter((line) => line.startsWith('{'));
				return lines
					.map((line) => JSON.parse(line) as AccessLogLine)
					.filter((line) => line.level === 25 && line.request?.url !== undefined)
					.map((line) => ({
						method: line.request?.method ?? '',
						url: line.request?.url ?? '',
						status: line.status ?? 0,
					}));
			},
			versions: async (packageName) => {
				const response = await fetch(`${url}/${encodeURIComponent(packageName)}`);
				if (response.status === 404) return { versions: [], latest: undefined };
				if (!response.ok) throw new Error(`GET ${url}/${packageName} -> ${response.status}`);
				const document = (await response.json()) as {
					versions?: Record<string, unknown>;
					'dist-tags'?: Record<string, string>;
				};
				return { versions: Object.keys(document.versions ?? {}), latest: document['dist-tags']?.latest };
			},
			stop,
		};
	} catch (error) {
		await stop();
		throw error;
	}
}

async function waitUntilServing(url: string, hasExited: () => boolean, logFile: string): Promise<void> {
	const deadline = Date.now() + READY_TIMEOUT_MS;
	while (Date.now() < deadline) {
		if (hasExited()) throw new Error(`verdaccio exited during startup:\n${tail(logFile, 20)}`);
		try {
			const response = await fetch(`${url}/-/ping`, { signal: AbortSignal.timeout(2000) });
			if (response.ok) return;
		} catch {
			// not listening yet
		}
		await sleep(200);
	}
	throw new Error(`verdaccio not serving ${url} after ${READY_TIMEOUT_MS} ms:\n${tail(logFile, 20)}`);
}

/** The npm registry protocol's `npm adduser`: PUT the user document, get a bearer token back. */
async function addUser(url: string): Promise<string> {
	const response = await fetch(`${url}/-/user/org.couchdb.user:${USER}`, {
		method: 'PUT',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify({ name: USER, password: randomBytes(18).toString('base64url') }),
	});
	const body = (await response.json()) as { token?: string; error?: string };
	if (!response.ok || !body.token)
		throw new Error(`creating the registry user failed: ${response.status} ${body.error}`);
	return body.token;
}
