/**
 * A private PostgreSQL for queue-mode tests, from Debian's `postgresql` package: a fresh cluster in its own data
 * folder, on a private port and socket folder, listening on 127.0.0.1 only, run as the `postgres` user (Postgres
 * refuses root). `stop()` shuts it down and removes the folder.
 */
import { execFile } from 'node:child_process';
import * as fs from 'node:fs';
import * as fsp from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';

import { freePort } from '../n8n/helpers';

/** Debian installs each major version under /usr/lib/postgresql/<major>/bin; the newest one is used. */
const PG_BIN = (() => {
	const root = '/usr/lib/postgresql';
	const majors = fs.existsSync(root) ? fs.readdirSync(root).filter((name) => /^\d+$/.test(name)) : [];
	const newest = majors.sort((a, b) => Number(b) - Number(a))[0] ?? '15';
	return path.join(root, newest, 'bin');
})();
const SERVICE_USER = 'postgres';

export interface Postgres {
	host: string;
	port: number;
	database: string;
	user: string;
	password: string;
	stop(): Promise<void>;
}

/** Runs a Postgres tool as the postgres user when this process is root (as in CI), else as this user. */
function runPg(tool: string, args: string[]): Promise<string> {
	const command = process.getuid?.() === 0 ? 'runuser' : path.join(PG_BIN, tool);
	const fullArgs = process.getuid?.() === 0 ? ['-u', SERVICE_USER, '--', path.join(PG_BIN, tool), ...args] : args;
	return new Promise((resolve, reject) => {
		execFile(command, fullArgs, { timeout: 60_000 }, (error, stdout, stderr) => {
			if (error) reject(new Error(`${tool} ${args.join(' ')}: ${stderr || error.message}`));
			else resolve(stdout);
		});
	});
}

/**
 * `folder` is replaced; it gets the cluster, the socket and the log. When the postgres user cannot reach it (a
 * checkout inside a folder only root may enter), a private folder in the OS tmp is used instead.
 */
export async function startPostgres(requestedFolder: string): Promise<Postgres> {
	const folder = await reachableFolder(requestedFolder);
	const dataDir = path.join(folder, 'data');
	const socketDir = path.join(folder, 'socket');
	const logFile = path.join(folder, 'postgres.log');
	await fsp.mkdir(socketDir, { recursive: true });
	if (process.getuid?.() === 0) {
		const { uid, gid } = await postgresIds();
		for (const dir of [folder, socketDir]) await fsp.chown(dir, uid, gid);
	}
	const port = await freePort();
	const user = 'n8n';
	await runPg('initdb', ['-D', dataDir, '-U', user, '-A', 'trust', '--no-sync', '-E', 'UTF8']);
	const options = `-p ${port} -k ${socketDir} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200`;
	await runPg('pg_ctl', ['-D', dataDir, '-o', options, '-l', logFile, '-w', 'start']);
	const stop = async () => {
		await runPg('pg_ctl', ['-D', dataDir, '-m', 'fast', '-w', 'stop']).catch(() => undefined);
		await fsp.rm(folder, { recursive: true, force: true });
	};
	try {
		await runPg('createdb', ['-h', '127.0.0.1', '-p', String(port), '-U', user, 'n8n']);
	} catch (error) {
		await stop();
		throw error;
	}
	return { host: '127.0.0.1', port, database: 'n8n', user, password: 'n8n', stop };
}

async function reachableFolder(requested: string): Promise<string> {
	await fsp.rm(requested, { recursive: true, force: true });
	await fsp.mkdir(requested, { recursive: true });
	if (process.getuid?.() !== 0) return requested;
	const { uid, gid } = await postgresIds();
	await fsp.chown(requested, uid, gid);
	const reachable = await new Promise<boolean>((resolve) => {
		execFile('runuser', ['-u', SERVICE_USER, '--', 'test', '-w', requested], (error) => resolve(!error));
	});
	if (reachable) return requested;
	await fsp.rm(requested, { recursive: true, force: true });
	return fsp.mkdtemp(path.join(os.tmpdir(), 'n8n-queue-postgres-'));
}

async function postgresIds(): Promise<{ uid: number; gid: number }> {
	const passwd = await fsp.readFile('/etc/passwd', 'utf8');
	const line = passwd.split('\n').find((entry) => entry.startsWith(`${SERVICE_USER}:`));
	const [, , uid, gid] = line?.split(':') ?? [];
	if (uid === undefined || gid === undefined) throw new Error(`no ${SERVICE_USER} user: apt-get install postgresql`);
	return { uid: Number(uid), gid: Number(gid) };
}
