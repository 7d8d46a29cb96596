/**
 * A local TechWolf: an HTTP server on 127.0.0.1 that answers like the SkillEngine API (routes in `api.ts`, data in
 * `data.ts`) and like TechWolf's Auth0 token endpoint (`POST /oauth/token`, JSON body with `tenant` and `audience`).
 * Jest integration tests, `npm start`/e2e and the benchmarks point the TechWolf credential at it.
 *
 * Test controls: `injectFault()` (a 429 with Retry-After, a 503, ...), `stats()`, `expireTokens()`, `reset()`; the
 * same controls are served without auth under `/__sandbox/...` for tests in another process (see `control.ts`).
 */
import { randomBytes } from 'node:crypto';
import { createServer, STATUS_CODES, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

import { ApiError, matchRoute, type RouteMatch, type Scope } from './api';
import { createSandboxData, type JsonValue, type SandboxData } from './data';

export interface SandboxOptions {
	/** 0 (the default) picks a free port. */
	port?: number;
	tenant?: string;
	clientId?: string;
	clientSecret?: string;
	audience?: string;
	tokenLifetimeSeconds?: number;
	/** Called with one line per request, e.g. `GET /employees 200 2ms`. */
	log?: (line: string) => void;
}

export interface SandboxCredentials {
	clientId: string;
	clientSecret: string;
	tenant: string;
	audience: string;
}

export interface SandboxFault {
	/** Any method when left out. */
	method?: string;
	/** Matches request paths that start with it, e.g. `/employees` or `/oauth/token`. */
	pathPrefix: string;
	status: number;
	/** How many matching requests fail; 1 by default. */
	times?: number;
	/** Sent as the Retry-After header: delay in seconds, or an HTTP-date string. */
	retryAfter?: number | string;
	/** Response body; TechWolf's error array (or an OAuth error for the token endpoint) by default. */
	body?: JsonValue;
}

export interface TokenRequestRecord {
	contentType: string | null;
	/** The parsed JSON body, or the raw text when it was not JSON. */
	body: unknown;
	status: number;
}

export interface RecordedRequest {
	method: string;
	path: string;
	/** Raw query string without `?`. */
	query: string;
	status: number;
	body: unknown;
	faulted: boolean;
}

export interface SandboxStats {
	tokenRequests: number;
	tokenRequestBodies: TokenRequestRecord[];
	tokensIssued: number;
	/** API requests (everything except the token endpoint and /__sandbox). */
	apiRequests: number;
	/** Counts per `METHOD /path` (path without query), e.g. `GET /employees/E1/skill_profile`. */
	requestsByRoute: Record<string, number>;
	/** The last parsed request body per `METHOD /path`. */
	lastBodies: Record<string, unknown>;
	/** The most recent API and token requests, oldest first (at most 1000). */
	recentRequests: RecordedRequest[];
	faultsServed: number;
	/** Injected faults that still have failures left. */
	pendingFaults: SandboxFault[];
}

export interface Sandbox {
	/** API base URL, e.g. `http://127.0.0.1:5699`. */
	url: string;
	/** `url + '/oauth/token'`. */
	tokenUrl: string;
	port: number;
	credentials: SandboxCredentials;
	stop(): Promise<void>;
	stats(): SandboxStats;
	injectFault(fault: SandboxFault): void;
	clearFaults(): void;
	/** Every token issued so far answers 401 from now on. */
	expireTokens(): void;
	/** Fresh data, no faults, zeroed stats. Issued tokens stay valid (n8n caches them). */
	reset(): void;
}

export const DEFAULT_SANDBOX_CREDENTIALS: SandboxCredentials = {
	clientId: 'sandbox-client-id',
	clientSecret: 'sandbox-client-secret',
	tenant: 'acme',
	audience: 'eu3.techwolf.ai',
};

/** The TechWolf OAuth2 API credential's fields for this sandbox (the credential's Custom region). */
export function oauth2CredentialData(
	sandbox: Pick<Sandbox, 'url' | 'tokenUrl' | 'credentials'>,
): Record<string, string> {
	return {
		region: 'custom',
		tenant: sandbox.credentials.tenant,
		baseUrl: sandbox.url,
		tokenUrl: sandbox.tokenUrl,
		audience: sandbox.credentials.audience,
		clientId: sandbox.credentials.clientId,
		clientSecret: sandbox.credentials.clientSecret,
		scopes: '',
	};
}

export const TOKEN_PATH = '/oauth/token';
export const CONTROL_PREFIX = '/__sandbox';
const MAX_BODY_BYTES = 10 * 1024 * 1024;
const MAX_RECENT_REQUESTS = 1000;
const GRANTED_SCOPES: readonly Scope[] = ['read', 'write'];

interface IssuedToken {
	expiresAt: number;
	scopes: Scope[];
}

interface HandlerResult {
	status: number;
	body?: unknown;
	headers?: Record<string, string>;
}

interface PendingFault extends SandboxFault {
	remaining: number;
}

class HttpError extends Error {
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

function oauthError(status: number, error: string, description: string): HttpError {
	return new HttpError(status, { error, error_description: description });
}

function base64url(value: string | Buffer): string {
	return Buffer.from(value).toString('base64url');
}

function mediaType(request: IncomingMessage): string | null {
	const header = request.headers['content-type'];
	return header ? (header.split(';')[0] ?? '').trim().toLowerCase() : null;
}

function isJsonMediaType(type: string | null): boolean {
	return type === 'application/json' || (type?.endsWith('+json') ?? false);
}

function readBody(request: IncomingMessage): Promise<Buffer> {
	return new Promise((resolve, reject) => {
		const chunks: Buffer[] = [];
		let size = 0;
		request.on('data', (chunk: Buffer) => {
			size += chunk.length;
			if (size > MAX_BODY_BYTES) {
				reject(new HttpError(413, techWolfErrorBody(413, 'The request body is larger than 10 MB')));
				request.destroy();
				return;
			}
			chunks.push(chunk);
		});
		request.on('end', () => resolve(Buffer.concat(chunks)));
		request.on('error', reject);
	});
}

/** The parsed JSON body, or the raw text when it is not JSON: a test may want to see what a broken client sent. */
function bodyForStats(raw: Buffer): unknown {
	if (raw.length === 0) return undefined;
	const text = raw.toString('utf8');
	try {
		return JSON.parse(text);
	} catch {
		return text;
	}
}

function sendJson(response: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
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

/** Checks a fault from code or from the HTTP control endpoint; throws an Error that says what is wrong. */
export function validateFault(input: unknown): SandboxFault {
	if (typeof input !== 'object' || input === null || Array.isArray(input)) throw new Error('A fault must be an object');
	const fault = input as Record<string, unknown>;
	const known = ['method', 'pathPrefix', 'status', 'times', 'retryAfter', 'body'];
	const unknown = Object.keys(fault).filter((key) => !known.includes(key));
	if (unknown.length > 0) throw new Error(`Unknown fault field(s): ${unknown.join(', ')}`);
	if (typeof fault.pathPrefix !== 'string' || !fault.pathPrefix.startsWith('/')) {
		throw new Error('pathPrefix must be a path starting with "/"');
	}
	if (!Number.isInteger(fault.status) || (fault.status as number) < 100 || (fault.status as number) > 599) {
		throw new Error('status must be an HTTP status code (100-599)');
	}
	if (fault.times !== undefined && (!Number.isInteger(fault.times) || (fault.times as number) < 1)) {
		throw new Error('times must be a positive integer');
	}
	if (fault.method !== undefined && (typeof fault.method !== 'string' || fault.method === '')) {
		throw new Error('method must be an HTTP method such as GET');
	}
	const retryAfter = fault.retryAfter;
	if (
		retryAfter !== undefined &&
		!(typeof retryAfter === 'number' && Number.isInteger(retryAfter) && retryAfter >= 0) &&
		!(typeof retryAfter === 'string' && retryAfter.trim() !== '')
	) {
		throw new Error('retryAfter must be whole seconds (number) or an HTTP-date string');
	}
	return {
		pathPrefix: fault.pathPrefix,
		status: fault.status as number,
		...(fault.method !== undefined ? { method: (fault.method as string).toUpperCase() } : {}),
		...(fault.times !== undefined ? { times: fault.times as number } : {}),
		...(retryAfter !== undefined ? { retryAfter: retryAfter as number | string } : {}),
		...(fault.body !== undefined ? { body: fault.body as JsonValue } : {}),
	};
}

function emptyStats(): SandboxStats {
	return {
		tokenRequests: 0,
		tokenRequestBodies: [],
		tokensIssued: 0,
		apiRequests: 0,
		requestsByRoute: {},
		lastBodies: {},
		recentRequests: [],
		faultsServed: 0,
		pendingFaults: [],
	};
}

export async function startSandbox(options: SandboxOptions = {}): Promise<Sandbox> {
	const credentials: SandboxCredentials = {
		clientId: options.clientId ?? DEFAULT_SANDBOX_CREDENTIALS.clientId,
		clientSecret: options.clientSecret ?? DEFAULT_SANDBOX_CREDENTIALS.clientSecret,
		tenant: options.tenant ?? DEFAULT_SANDBOX_CREDENTIALS.tenant,
		audience: options.audience ?? DEFAULT_SANDBOX_CREDENTIALS.audience,
	};
	const tokenLifetimeSeconds = options.tokenLifetimeSeconds ?? 10800;
	const log = options.log;

	let data: SandboxData = createSandboxData();
	let stats = emptyStats();
	let faults: PendingFault[] = [];
	const tokens = new Map<string, IssuedToken>();
	let baseUrl = '';

	function record(entry: RecordedRequest): void {
		stats.recentRequests.push(entry);
		if (stats.recentRequests.length > MAX_RECENT_REQUESTS) stats.recentRequests.shift();
	}

	function takeFault(method: string, path: string): PendingFault | undefined {
		const fault = faults.find(
			(candidate) => path.startsWith(candidate.pathPrefix) && (!candidate.method || candidate.method === method),
		);
		if (!fault) return undefined;
		fault.remaining--;
		if (fault.remaining <= 0) faults = faults.filter((candidate) => candidate !== fault);
		stats.faultsServed++;
		return fault;
	}

	function issueToken(scopes: Scope[]): { token: string; expiresIn: number } {
		// Shaped like Auth0's JWTs so that clients which peek at `exp` work; the signature is random, not verifiable.
		const now = Math.floor(Date.now() / 1000);
		const header = base64url(JSON.stringify({ alg: 'RS256', typ: 'JWT', kid: 'sandbox' }));
		const payload = base64url(
			JSON.stringify({
				iss: `${baseUrl}/`,
				sub: `${credentials.clientId}@clients`,
				aud: credentials.audience,
				iat: now,
				exp: now + tokenLifetimeSeconds,
				scope: scopes.join(' '),
				gty: 'client-credentials',
				tenant: credentials.tenant,
				jti: randomBytes(12).toString('hex'),
			}),
		);
		const token = `${header}.${payload}.${base64url(randomBytes(32))}`;
		tokens.set(token, { expiresAt: Date.now() + tokenLifetimeSeconds * 1000, scopes });
		stats.tokensIssued++;
		return { token, expiresIn: tokenLifetimeSeconds };
	}

	/** Auth0's client-credentials grant as TechWolf configures it: JSON only, `tenant` and `audience` required. */
	function handleTokenRequest(request: IncomingMessage, raw: Buffer): { status: number; body: JsonValue } {
		const contentType = mediaType(request);
		const text = raw.toString('utf8');
		let parsed: unknown = text;
		const entry: TokenRequestRecord = { contentType, body: text, status: 0 };
		stats.tokenRequests++;
		stats.tokenRequestBodies.push(entry);
		try {
			if (request.method !== 'POST') throw oauthError(405, 'invalid_request', 'Use POST for the token endpoint');
			if (!isJsonMediaType(contentType)) {
				throw oauthError(
					400,
					'invalid_request',
					`Content-Type must be application/json: TechWolf's token endpoint reads a JSON body (got ${contentType ?? 'none'})`,
				);
			}
			try {
				parsed = JSON.parse(text);
			} catch {
				throw oauthError(400, 'invalid_request', 'The request body is not valid JSON');
			}
			entry.body = parsed;
			if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
				throw oauthError(400, 'invalid_request', 'The request body must be a JSON object');
			}
			const body = parsed as Record<string, unknown>;
			for (const field of ['grant_type', 'client_id', 'client_secret', 'audience', 'tenant']) {
				if (typeof body[field] !== 'string' || body[field] === '') {
					throw oauthError(400, 'invalid_request', `Missing required parameter: ${field}`);
				}
			}
			if (body.grant_type !== 'client_credentials') {
				throw oauthError(400, 'unsupported_grant_type', `Unsupported grant type: ${String(body.grant_type)}`);
			}
			if (body.client_id !== credentials.clientId || body.client_secret !== credentials.clientSecret) {
				throw oauthError(401, 'access_denied', 'Unauthorized');
			}
			if (body.audience !== credentials.audience) {
				throw oauthError(403, 'access_denied', `Service not found: ${String(body.audience)}`);
			}
			if (body.tenant !== credentials.tenant) {
				throw oauthError(403, 'access_denied', `The client has no access to tenant ${String(body.tenant)}`);
			}
			const scopes = requestedScopes(body);
			const { token, expiresIn } = issueToken(scopes);
			entry.status = 200;
			return {
				status: 200,
				body: { access_token: token, expires_in: expiresIn, scope: scopes.join(' '), token_type: 'Bearer' },
			};
		} catch (error) {
			if (!(error instanceof HttpError)) throw error;
			entry.status = error.status;
			return { status: error.status, body: error.body };
		}
	}

	function authenticate(request: IncomingMessage, scope: Scope): void {
		const header = request.headers.authorization;
		const match = header ? /^Bearer\s+(\S+)\s*$/i.exec(header) : null;
		if (!match?.[1]) {
			throw new ApiError(401, 'Missing or malformed Authorization header; expected "Bearer <access token>"');
		}
		const issued = tokens.get(match[1]);
		if (!issued) throw new ApiError(401, 'The access token is not valid');
		if (issued.expiresAt <= Date.now()) throw new ApiError(401, 'The access token has expired');
		if (!issued.scopes.includes(scope)) throw new ApiError(403, `The access token lacks the "${scope}" scope`);
	}

	function parseApiBody(request: IncomingMessage, raw: Buffer): unknown {
		if (raw.length === 0) return undefined;
		if (!isJsonMediaType(mediaType(request))) {
			throw new ApiError(400, `Content-Type must be application/json (got ${mediaType(request) ?? 'none'})`);
		}
		try {
			return JSON.parse(raw.toString('utf8'));
		} catch {
			throw new ApiError(400, 'The request body was not structured correctly.');
		}
	}

	function handleApiRequest(request: IncomingMessage, url: URL, raw: Buffer): HandlerResult {
		const method = request.method ?? 'GET';
		try {
			let match: RouteMatch | ApiError;
			try {
				match = matchRoute(method, url.pathname);
			} catch (error) {
				if (!(error instanceof ApiError)) throw error;
				match = error;
			}
			// Authenticate first, as TechWolf's gateway does; only then judge the path, the ids and the body.
			authenticate(request, match instanceof ApiError || match.kind !== 'found' ? 'read' : match.route.scope);
			if (match instanceof ApiError) throw match;
			if (match.kind === 'notFound') throw new ApiError(404, `No route ${method} ${url.pathname}`);
			if (match.kind === 'methodNotAllowed') {
				return {
					status: 405,
					body: techWolfErrorBody(405, `${method} is not allowed on ${url.pathname}; use ${match.allowed.join(', ')}`),
					headers: { allow: match.allowed.join(', ') },
				};
			}
			const body = parseApiBody(request, raw);
			const result = match.route.handle({ params: match.params, query: url.searchParams, body }, data);
			return result.status === 204 ? { status: 204 } : result;
		} catch (error) {
			if (!(error instanceof ApiError)) throw error;
			return {
				status: error.status,
				body: techWolfErrorBody(error.status, error.description),
				headers: error.status === 401 ? { 'www-authenticate': 'Bearer error="invalid_token"' } : {},
			};
		}
	}

	function handleControlRequest(method: string, path: string, raw: Buffer): HandlerResult {
		let body: unknown;
		try {
			body = raw.length > 0 ? JSON.parse(raw.toString('utf8')) : undefined;
		} catch {
			return { status: 400, body: { error: 'The body is not valid JSON' } };
		}
		const route = `${method} ${path.slice(CONTROL_PREFIX.length)}`;
		try {
			switch (route) {
				case 'GET /info':
					return { status: 200, body: { url: baseUrl, tokenUrl: `${baseUrl}${TOKEN_PATH}`, credentials } };
				case 'GET /stats':
					return { status: 200, body: sandbox.stats() };
				case 'POST /faults':
					sandbox.injectFault(validateFault(body));
					return { status: 204 };
				case 'DELETE /faults':
					sandbox.clearFaults();
					return { status: 204 };
				case 'POST /expire-tokens':
					sandbox.expireTokens();
					return { status: 204 };
				case 'POST /reset':
					sandbox.reset();
					return { status: 204 };
				default:
					return { status: 404, body: { error: `No sandbox control ${route}` } };
			}
		} catch (error) {
			return { status: 400, body: { error: error instanceof Error ? error.message : String(error) } };
		}
	}

	async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
		const started = Date.now();
		const method = (request.method ?? 'GET').toUpperCase();
		const url = new URL(request.url ?? '/', baseUrl);
		const path = url.pathname;
		const raw = await readBody(request);

		if (path === CONTROL_PREFIX || path.startsWith(`${CONTROL_PREFIX}/`)) {
			const result = handleControlRequest(method, path, raw);
			sendJson(response, result.status, result.body);
			return;
		}

		const isTokenRequest = path === TOKEN_PATH;
		const routeKey = `${method} ${path}`;
		if (!isTokenRequest) {
			stats.apiRequests++;
			stats.requestsByRoute[routeKey] = (stats.requestsByRoute[routeKey] ?? 0) + 1;
		}
		const parsedForStats = bodyForStats(raw);
		if (parsedForStats !== undefined) stats.lastBodies[routeKey] = parsedForStats;

		let status: number;
		let body: unknown;
		const headers: Record<string, string> = {};
		const fault = takeFault(method, path);
		if (fault) {
			status = fault.status;
			body =
				fault.body ??
				(isTokenRequest
					? { error: 'temporarily_unavailable', error_description: `Injected fault (${fault.status})` }
					: techWolfErrorBody(fault.status, `Injected fault (${fault.status})`));
			if (fault.retryAfter !== undefined) headers['retry-after'] = String(fault.retryAfter);
			if (isTokenRequest) {
				stats.tokenRequests++;
				stats.tokenRequestBodies.push({ contentType: mediaType(request), body: parsedForStats, status });
			}
		} else if (isTokenRequest) {
			({ status, body } = handleTokenRequest(request, raw));
		} else {
			const result = handleApiRequest(request, url, raw);
			({ status, body } = result);
			Object.assign(headers, result.headers);
		}
		record({ method, path, query: url.search.slice(1), status, body: parsedForStats, faulted: fault !== undefined });
		sendJson(response, status, body, headers);
		log?.(`${method} ${path}${url.search} ${status}${fault ? ' (injected)' : ''} ${Date.now() - started}ms`);
	}

	const server: Server = createServer((request, response) => {
		handle(request, response).catch((error: unknown) => {
			const status = error instanceof HttpError ? error.status : 500;
			const body =
				error instanceof HttpError
					? error.body
					: techWolfErrorBody(500, `Sandbox error: ${error instanceof Error ? error.message : String(error)}`);
			if (!response.headersSent) sendJson(response, status, body);
			else response.destroy();
		});
	});

	await new Promise<void>((resolve, reject) => {
		server.once('error', reject);
		server.listen(options.port ?? 0, '127.0.0.1', () => {
			server.off('error', reject);
			resolve();
		});
	});
	const port = (server.address() as AddressInfo).port;
	baseUrl = `http://127.0.0.1:${port}`;

	let stopping: Promise<void> | undefined;
	const sandbox: Sandbox = {
		url: baseUrl,
		tokenUrl: `${baseUrl}${TOKEN_PATH}`,
		port,
		credentials: { ...credentials },
		stop() {
			stopping ??= new Promise<void>((resolve, reject) => {
				server.close((error) => (error ? reject(error) : resolve()));
				// Keep-alive connections would otherwise hold close() open for seconds.
				server.closeAllConnections();
			});
			return stopping;
		},
		stats() {
			return structuredClone({
				...stats,
				pendingFaults: faults.map(({ remaining, ...fault }) => ({ ...fault, times: remaining })),
			});
		},
		injectFault(fault) {
			const checked = validateFault(fault);
			faults.push({ ...checked, remaining: checked.times ?? 1 });
		},
		clearFaults() {
			faults = [];
		},
		expireTokens() {
			for (const token of tokens.values()) token.expiresAt = 0;
		},
		reset() {
			data = createSandboxData();
			stats = emptyStats();
			faults = [];
		},
	};
	return sandbox;
}

/** `scopes: ["read"]` (TechWolf's newer docs) or `scope: "read write"` (Auth0's usual form); all granted when absent. */
function requestedScopes(body: Record<string, unknown>): Scope[] {
	let requested: unknown[] | undefined;
	if (body.scopes !== undefined) {
		if (!Array.isArray(body.scopes)) throw oauthError(400, 'invalid_request', 'scopes must be an array of strings');
		requested = body.scopes;
	} else if (body.scope !== undefined) {
		if (typeof body.scope !== 'string') throw oauthError(400, 'invalid_request', 'scope must be a string');
		requested = body.scope.split(' ').filter((scope) => scope !== '');
	}
	if (requested === undefined || requested.length === 0) return [...GRANTED_SCOPES];
	const refused = requested.filter((scope) => !GRANTED_SCOPES.includes(scope as Scope));
	if (refused.length > 0) {
		throw oauthError(403, 'access_denied', `Client has not been granted scopes: ${refused.map(String).join(', ')}`);
	}
	return [...new Set(requested as Scope[])];
}
