/**
 * A stand-in for n8n's webhook route around one trigger node: real HTTP on 127.0.0.1, the request decorated the way
 * n8n's body parser does it (rawBody read lazily through readRawBody(), `ip`, parsed `body`), the reply written
 * through an Express-style response, and the workflow's static data stored as JSON between requests, as n8n keeps it
 * in its database. What the node hands to the workflow is recorded in `emitted`.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Workflow, type IDataObject, type INodeExecutionData, type Logger } from 'n8n-workflow';

import { runWebhook, type CredentialVault, type NodeSetup } from './n8nCoreContexts';

export interface TriggerServer {
	url: string;
	emitted: INodeExecutionData[];
	/** What the node wrote to n8n's log, one entry per call. */
	logged: Array<{ level: string; message: string }>;
	/** Errors webhook() threw (n8n would have answered 500); tests expect none. */
	errors: Error[];
	/** The static data as stored after the last request. */
	storedStaticData(): IDataObject;
	/** Next request: leave rawBody unread and make readRawBody() a no-op (n8n's multipart path). */
	dropRawBodyOnce(): void;
	/** Next run the node starts: n8n cannot record it (its database is down), answers 500 and saves nothing. */
	failNextRecording(): void;
	close(): Promise<void>;
}

type ExpressishRequest = IncomingMessage & {
	rawBody?: Buffer;
	readRawBody: () => Promise<void>;
	body: unknown;
	ip: string | undefined;
	query: Record<string, string>;
};

function expressishResponse(res: ServerResponse) {
	return {
		status(code: number) {
			res.statusCode = code;
			return this;
		},
		json(body: unknown) {
			res.setHeader('content-type', 'application/json; charset=utf-8');
			res.end(JSON.stringify(body));
			return this;
		},
		send(body: string) {
			res.end(body);
			return this;
		},
		end(body?: string) {
			res.end(body);
			return this;
		},
		once(event: 'close', listener: () => void) {
			res.once(event, listener);
			return this;
		},
		get statusCode() {
			return res.statusCode;
		},
		get writableFinished() {
			return res.writableFinished;
		},
	};
}

/** A logger that records every call in `lines`. */
export function recordingLogger(lines: Array<{ level: string; message: string }>): Logger {
	const recorder = (level: string) => (message: string) => {
		lines.push({ level, message });
	};
	return { error: recorder('error'), warn: recorder('warn'), info: recorder('info'), debug: recorder('debug') };
}

export async function startTriggerServer(setup: NodeSetup, vault: CredentialVault): Promise<TriggerServer> {
	const emitted: INodeExecutionData[] = [];
	const errors: Error[] = [];
	const logged: TriggerServer['logged'] = [];
	const logger = recordingLogger(logged);
	let stored = JSON.stringify(setup.staticData ?? {});
	let dropRawBody = false;
	let failRecording = false;

	const handle = async (req: IncomingMessage, res: ServerResponse, chunks: Buffer): Promise<void> => {
		const request = req as ExpressishRequest;
		const withoutRawBody = dropRawBody;
		dropRawBody = false;
		request.readRawBody = async () => {
			if (!withoutRawBody) request.rawBody = chunks;
		};
		try {
			request.body = JSON.parse(chunks.toString('utf8'));
		} catch {
			request.body = {};
		}
		request.ip = req.socket.remoteAddress;
		request.query = {};
		const loaded = JSON.parse(stored) as IDataObject;
		const { result, workflow } = await runWebhook(
			{ ...setup, staticData: loaded },
			vault,
			request,
			expressishResponse(res),
			logger,
		);
		// As n8n 2.41: a run the node started is recorded first, which builds a second Workflow over the same static
		// data and so clears its changed mark (WorkflowRunner.establishContextForPersistence); then n8n reads the
		// node's webhookResponse, saves static data if it is marked changed, and sends the answer. A run it could not
		// record gets a 500 and nothing is saved.
		const starts = !result.noWebhookResponse && result.workflowData !== undefined;
		if (starts && failRecording) {
			failRecording = false;
			res.statusCode = 500;
			res.end(JSON.stringify({ code: 0, message: 'There was a problem executing the workflow' }));
			return;
		}
		if (starts) {
			const { id, nodes, nodeTypes } = workflow;
			new Workflow({ id, nodes: Object.values(nodes), connections: {}, active: true, nodeTypes, staticData: loaded });
		}
		for (const run of result.workflowData ?? []) emitted.push(...run);
		const answer = result.noWebhookResponse
			? undefined
			: (result.webhookResponse ?? { message: 'Workflow was started' });
		if (workflow.staticData.__dataChanged === true) {
			// As n8n's saveStaticData: the change flag itself is not stored.
			stored = JSON.stringify(workflow.staticData);
		}
		if (answer !== undefined && !res.writableEnded) {
			res.setHeader('content-type', 'application/json');
			res.end(JSON.stringify(answer));
		}
	};

	const server: Server = createServer((req, res) => {
		const parts: Buffer[] = [];
		req.on('data', (part: Buffer) => parts.push(part));
		req.on('end', () => {
			handle(req, res, Buffer.concat(parts)).catch((error: Error) => {
				errors.push(error);
				// n8n answers 500 when webhook() throws; the tests assert that this never happens.
				res.statusCode = 500;
				res.end(JSON.stringify({ code: 0, message: `Workflow Webhook Error: ${error.message}` }));
			});
		});
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address() as AddressInfo;
	return {
		url: `http://127.0.0.1:${port}/webhook/f0b1c2d3-0000-4000-8000-000000000001/webhook`,
		emitted,
		logged,
		errors,
		storedStaticData: () => JSON.parse(stored) as IDataObject,
		dropRawBodyOnce: () => {
			dropRawBody = true;
		},
		failNextRecording: () => {
			failRecording = true;
		},
		close: () => new Promise<void>((resolve) => server.close(() => resolve())),
	};
}
