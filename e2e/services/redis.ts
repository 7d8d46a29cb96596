/**
 * A private Redis for queue-mode tests, from Debian's `redis-server` package: its own port and folder, 127.0.0.1
 * only, an append-only file as a production Redis keeps (so queued jobs survive an outage). `stop()` ends exactly the
 * process started here; `restart()` starts it again on the same port and folder.
 */
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as fsp from 'node:fs/promises';
import * as net from 'node:net';
import * as path from 'node:path';

import { freePort, sleep } from '../n8n/helpers';

export interface Redis {
	host: string;
	port: number;
	/** Stops this Redis and removes its folder. */
	stop(): Promise<void>;
	/** Down (SIGTERM, the append-only file flushed) for `downMs`, then up again on the same port and data. */
	outage(downMs: number): Promise<void>;
}

function answersPing(port: number): Promise<boolean> {
	return new Promise((resolve) => {
		const socket = net.connect(port, '127.0.0.1');
		socket.setTimeout(1000);
		socket.once('connect', () => socket.write('PING\r\n'));
		socket.once('data', (data) => {
			socket.destroy();
			resolve(data.toString().startsWith('+PONG'));
		});
		socket.once('error', () => resolve(false));
		socket.once('timeout', () => {
			socket.destroy();
			resolve(false);
		});
	});
}

export async function startRedis(folder: string): Promise<Redis> {
	await fsp.rm(folder, { recursive: true, force: true });
	await fsp.mkdir(folder, { recursive: true });
	const port = await freePort();
	let server = await startServer(folder, port);
	return {
		host: '127.0.0.1',
		port,
		stop: async () => {
			await server.stop();
			await fsp.rm(folder, { recursive: true, force: true });
		},
		outage: async (downMs) => {
			await server.stop();
			await sleep(downMs);
			server = await startServer(folder, port);
		},
	};
}

async function startServer(folder: string, port: number): Promise<{ stop(): Promise<void> }> {
	const logFd = fs.openSync(path.join(folder, 'redis.log'), 'a');
	const child = spawn(
		'redis-server',
		['--port', String(port), '--bind', '127.0.0.1', '--dir', folder, '--save', '', '--appendonly', 'yes'],
		{ stdio: ['ignore', logFd, logFd] },
	);
	fs.closeSync(logFd);
	const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
	child.once('error', () => undefined);
	const stop = async () => {
		if (child.exitCode === null && child.signalCode === null) {
			child.kill('SIGTERM');
			await exited;
		}
	};
	for (let attempt = 0; attempt < 100; attempt++) {
		if (await answersPing(port)) return { stop };
		if (child.exitCode !== null) break;
		await sleep(100);
	}
	await stop();
	throw new Error(`redis-server did not answer on port ${port} (apt-get install redis-server)`);
}
