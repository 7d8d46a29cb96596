/**
 * One sandbox per test file, with a token, and the calls the sandbox tests make: `call()` an API path with that token,
 * `tokenRequest()` the token endpoint, `expectTechWolfError()` for TechWolf's `[{title, description}]` answers.
 */
import { startSandbox, type Sandbox } from '../../sandbox/server';

export interface Reply {
	status: number;
	headers: Headers;
	body: unknown;
}

export interface SandboxClient {
	readonly sandbox: Sandbox;
	token: string;
	call(path: string, init?: RequestInit & { json?: unknown }): Promise<Reply>;
	tokenRequest(body: Record<string, unknown> | string, contentType?: string): Promise<Response>;
	validTokenBody(): Record<string, string>;
	newToken(): Promise<string>;
}

/** Starts a sandbox before the file's tests, resets it before each, stops it after all. */
export function useSandbox(): SandboxClient {
	let sandbox: Sandbox | undefined;
	const client: SandboxClient = {
		get sandbox() {
			if (!sandbox) throw new Error('The sandbox starts in beforeAll');
			return sandbox;
		},
		token: '',
		async call(path, init = {}) {
			const { json, ...rest } = init;
			const response = await fetch(`${client.sandbox.url}${path}`, {
				...rest,
				headers: {
					authorization: `Bearer ${client.token}`,
					...(json === undefined ? {} : { 'content-type': 'application/json' }),
					...(rest.headers as Record<string, string> | undefined),
				},
				...(json === undefined ? {} : { body: JSON.stringify(json) }),
			});
			const text = await response.text();
			return { status: response.status, headers: response.headers, body: text === '' ? undefined : JSON.parse(text) };
		},
		tokenRequest(body, contentType = 'application/json') {
			return fetch(client.sandbox.tokenUrl, {
				method: 'POST',
				headers: { 'content-type': contentType },
				body: typeof body === 'string' ? body : JSON.stringify(body),
			});
		},
		validTokenBody() {
			const { clientId, clientSecret, audience, tenant } = client.sandbox.credentials;
			return {
				client_id: clientId,
				client_secret: clientSecret,
				audience,
				grant_type: 'client_credentials',
				tenant,
			};
		},
		async newToken() {
			const response = await client.tokenRequest(client.validTokenBody());
			return ((await response.json()) as { access_token: string }).access_token;
		},
	};
	beforeAll(async () => {
		sandbox = await startSandbox();
		client.token = await client.newToken();
	});
	afterAll(() => sandbox?.stop());
	beforeEach(() => sandbox?.reset());
	return client;
}

/** TechWolf's error shape: `[{title, description}]`. */
export function expectTechWolfError(reply: Reply, status: number): void {
	expect(reply.status).toBe(status);
	expect(reply.body).toEqual([
		{ title: expect.stringMatching(new RegExp(`^${status} `)), description: expect.any(String) },
	]);
}
