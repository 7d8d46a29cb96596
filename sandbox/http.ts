/**
 * What the sandbox's HTTP servers share: listening on 127.0.0.1 only (a free port unless one is given), stopping,
 * bodies, JSON answers, and TechWolf's and OAuth's error bodies.
 */
import { STATUS_CODES, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

import type { JsonValue } from './data';

/** Listens and resolves to the server's base URL, e.g. `http://127.0.0.1:5699`; rejects when the port is taken. */
export async function listenOnLoopback(server: Server, port = 0): Promise<string> {
	await new Promise<void>((resolve, reject) => {
		server.once('error', reject);
		server.listen(port, '127.0.0.1', () => {
			server.off('error', reject);
			resolve();
		});
	});
	return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

/** Closes the server, and its keep-alive connections, which would otherwise hold close() open for seconds. */
export function closeServer(server: Server): Promise<void> {
	return new Promise<void>((resolve, reject) => {
		server.close((error) => (error ? reject(error) : resolve()));
		server.closeAllConnections();
	});
}

/** The whole request body; rejects with `tooLarge()` (and drops the connection) past `maxBytes`. */
export function readBody(request: IncomingMessage, maxBytes: number, tooLarge: () => Error): Promise<Buffer> {
	return new Promise((resolve, reject) => {
		const chunks: Buffer[] = [];
		let size = 0;
		request.on('data', (chunk: Buffer) => {
			size += chunk.length;
			if (size > maxBytes) {
				reject(tooLarge());
				request.destroy();
				return;
			}
			chunks.push(chunk);
		});
		request.on('end', () => resolve(Buffer.concat(chunks)));
		request.on('error', reject);
	});
}

/** An answer decided before any route runs (a too large body, an OAuth error). */
export class HttpError extends Error {
	constructor(
		readonly status: number,
		readonly body: JsonValue,
	) {
		super(typeof body === 'string' ? body : JSON.stringify(body));
	}
}

/** TechWolf's error body: a JSON array of `{title, description}`. */
export function techWolfErrorBody(status: number, description: string): JsonValue {
	return [{ title: `${status} ${STATUS_CODES[status] ?? 'Error'}`, description }];
}

export function oauthError(status: number, error: string, description: string): HttpError {
	return new HttpError(status, { error, error_description: description });
}

export function mediaType(request: IncomingMessage): string | null {
	const header = request.headers['content-type'];
	return header ? (header.split(';')[0] ?? '').trim().toLowerCase() : null;
}

export function isJsonMediaType(type: string | null): boolean {
	return type === 'application/json' || (type?.endsWith('+json') ?? false);
}

/** The parsed JSON body, or the raw text when it is not JSON: a test may want to see what a broken client sent. */
export function bodyForStats(raw: Buffer): unknown {
	if (raw.length === 0) return undefined;
	const text = raw.toString('utf8');
	try {
		return JSON.parse(text);
	} catch {
		return text;
	}
}

export function sendJson(
	response: ServerResponse,
	status: number,
	body: unknown,
	headers: Record<string, string> = {},
): void {
	if (status === 204 || body === undefined) {
		response.writeHead(status, headers);
		response.end();
		return;
	}
	const text = JSON.stringify(body);
	response.writeHead(status, {
		'content-type': 'application/json',
		'content-length': String(Buffer.byteLength(text)),
		...headers,
	});
	response.end(text);
}
