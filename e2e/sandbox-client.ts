/**
 * The suite's own view of the TechWolf sandbox: what the API answers when asked directly, to compare with what the
 * action node produced inside n8n. Its token requests carry a marker field, so that tests about n8n's token requests
 * (sandbox `stats()`) can leave the suite's own out.
 */
import type { Sandbox, TokenRequestRecord } from '../sandbox/server';

/** An extra field in the suite's own token requests; the sandbox ignores fields it does not know. */
const OWN_TOKEN_MARKER = 'requested_by';
const OWN_TOKEN_MARKER_VALUE = 'e2e-suite';

export interface ApiReply {
	status: number;
	body: unknown;
}

interface TokenReply {
	access_token?: unknown;
}

function isRecord(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Token requests n8n made, i.e. all but the suite's own. */
export function tokenRequestsByN8n(sandbox: Sandbox): TokenRequestRecord[] {
	return sandbox
		.stats()
		.tokenRequestBodies.filter(
			(record) => !isRecord(record.body) || record.body[OWN_TOKEN_MARKER] !== OWN_TOKEN_MARKER_VALUE,
		);
}

export class SandboxClient {
	private token: string | undefined;

	constructor(private readonly sandbox: Sandbox) {}

	/** A new access token from the sandbox's token endpoint, requested as TechWolf documents it (JSON body). */
	async fetchToken(): Promise<string> {
		const { credentials } = this.sandbox;
		const response = await fetch(this.sandbox.tokenUrl, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify({
				grant_type: 'client_credentials',
				client_id: credentials.clientId,
				client_secret: credentials.clientSecret,
				audience: credentials.audience,
				tenant: credentials.tenant,
				[OWN_TOKEN_MARKER]: OWN_TOKEN_MARKER_VALUE,
			}),
		});
		const reply = (await response.json()) as TokenReply;
		if (!response.ok || typeof reply.access_token !== 'string') {
			throw new Error(`the sandbox token endpoint answered ${response.status}: ${JSON.stringify(reply)}`);
		}
		return reply.access_token;
	}

	async get(path: string, query: Record<string, string> = {}): Promise<ApiReply> {
		const search = new URLSearchParams(query).toString();
		return this.call('GET', `${path}${search ? `?${search}` : ''}`);
	}

	async post(path: string, body: unknown): Promise<ApiReply> {
		return this.call('POST', path, body);
	}

	/** One call with a cached token; a 401 (tokens expired by a test) fetches a new token and retries once. */
	private async call(method: string, pathAndQuery: string, body?: unknown, retried = false): Promise<ApiReply> {
		this.token ??= await this.fetchToken();
		const response = await fetch(`${this.sandbox.url}${pathAndQuery}`, {
			method,
			headers: {
				authorization: `Bearer ${this.token}`,
				...(body === undefined ? {} : { 'content-type': 'application/json' }),
			},
			body: body === undefined ? undefined : JSON.stringify(body),
		});
		const text = await response.text();
		if (response.status === 401 && !retried) {
			this.token = undefined;
			return this.call(method, pathAndQuery, body, true);
		}
		return { status: response.status, body: text === '' ? undefined : (JSON.parse(text) as unknown) };
	}
}
