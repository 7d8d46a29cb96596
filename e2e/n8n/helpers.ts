/** Small file, process and port helpers for driving a real n8n (Node built-ins only). */
import { execFile } from 'node:child_process';
import * as fs from 'node:fs';
import * as fsp from 'node:fs/promises';
import * as net from 'node:net';
import * as path from 'node:path';
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

/** Whether nothing listens on `port` at 127.0.0.1 (a listener on 0.0.0.0 or :: counts too: binding would fail). */
export function isPortFree(port: number): Promise<boolean> {
	return new Promise((resolve) => {
		const server = net.createServer();
		server.unref();
		server.once('error', () => resolve(false));
		server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
	});
}

export function execFileAsync(file: string, args: string[], opts: { cwd?: string } = {}): Promise<string> {
	return new Promise((resolve, reject) => {
		execFile(file, args, { cwd: opts.cwd, maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
			if (error) reject(new Error(`${file} ${args.join(' ')}: ${stderr || error.message}`));
			else resolve(stdout);
		});
	});
}

export async function readJson<T>(file: string): Promise<T | undefined> {
	try {
		return JSON.parse(await fsp.readFile(file, 'utf8')) as T;
	} catch {
		return undefined;
	}
}

export async function writeFileIfMissing(file: string, content: string): Promise<void> {
	await fsp.writeFile(file, content, { flag: 'wx' }).catch((error: unknown) => {
		if (!isErrnoException(error) || error.code !== 'EEXIST') throw error;
	});
}

export function tail(file: string, lines: number): string {
	try {
		return fs.readFileSync(file, 'utf8').split('\n').slice(-lines).join('\n');
	} catch {
		return '(no log)';
	}
}

export function isInside(dir: string, file: string): boolean {
	const relative = path.relative(dir, file);
	return relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative);
}

export function isAlive(pid: number): boolean {
	try {
		process.kill(pid, 0);
		return true;
	} catch (error) {
		return isErrnoException(error) && error.code === 'EPERM';
	}
}

export function isErrnoException(error: unknown): error is NodeJS.ErrnoException {
	return error instanceof Error && 'code' in error;
}

export function isRecord(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** True if `promise` settles within `ms`; the timer is cleared so it cannot keep the process alive afterwards. */
export async function settlesWithin(promise: Promise<unknown>, ms: number): Promise<boolean> {
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
