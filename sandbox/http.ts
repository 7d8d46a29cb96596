/** What the sandbox's HTTP servers share: listening on 127.0.0.1 only (a free port unless one is given), stopping, bodies. */
import type { IncomingMessage, Server } from 'node:http';
import type { AddressInfo } from 'node:net';

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
