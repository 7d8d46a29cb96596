/**
 * A local TechWolf: an HTTP server on 127.0.0.1 that answers like the SkillEngine API (routes in `api/`, checked
 * against the OpenAPI contract in `contract/`, data in `data.ts`) and like TechWolf's Auth0 token endpoint (`auth.ts`). Jest integration
 * tests, `npm start`/e2e and the benchmarks point the TechWolf credential at it.
 *
 * Test controls: `injectFault()` (a 429 with Retry-After, a 503, ...), `stats()`, `expireTokens()`, `reset()`; the
 * same controls are served without auth under `/__sandbox/...` for tests in another process (see `control.ts`).
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';

import { ApiError, handleRoute, matchRoute, scopeOf, type ContractViolation } from './api';
import type { OperationMatch } from './contract';
import { TokenAuthority, type SandboxCredentials, type TokenStats } from './auth';
import { sandboxClientKeys } from './clientKeys';
import { createSandboxData, type SandboxData } from './data';
import { FaultQueue, validateFault, type SandboxFault } from './faults';
import {
	bodyForStats,
	closeServer,
	HttpError,
	isJsonMediaType,
	listenOnLoopback,
	mediaType,
	readBody,
	sendJson,
	techWolfErrorBody,
} from './http';

export type { ContractViolation } from './api';
export type { SandboxCredentials, TokenRequestRecord } from './auth';
export type { SandboxFault } from './faults';
export { techWolfErrorBody } from './http';
export { validateFault };

export interface SandboxOptions {
	/** 0 (the default) picks a free port. */
	port?: number;
	tenant?: string;
	clientId?: string;
	clientSecret?: string;
	audience?: string;
	tokenLifetimeSeconds?: number;
	/** Employees in the data set (250 by default); 201 or more make the employee export three pages or more. */
	employeeCount?: number;
	/** Called with one line per request, e.g. `GET /employees 200 2ms`. */
	log?: (line: string) => void;
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

export interface SandboxStats extends TokenStats {
	/** API requests (everything except the token endpoint and /__sandbox). */
	apiRequests: number;
	/** Counts per `METHOD /path` (path without query), e.g. `GET /employees/E1/skill_profile`. */
	requestsByRoute: Record<string, number>;
	/** The last parsed request body per `METHOD /path`. */
	lastBodies: Record<string, unknown>;
	/** The most recent API and token requests, oldest first (at most 1000). */
	recentRequests: RecordedRequest[];
	/** Requests the contract refuses, by entry, with what is wrong (refused with a 400, or reported only). */
	contractViolations: ContractViolation[];
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

export const DEFAULT_SANDBOX_CREDENTIALS: Omit<SandboxCredentials, 'clientKeys'> = {
	clientId: 'sandbox-client-id',
	clientSecret: 'sandbox-client-secret',
	tenant: 'acme',
	audience: 'eu3.techwolf.ai',
};

/** How the credential authenticates the client: its secret, or a JWT signed with the registered RSA or EC key. */
export type ClientAuthentication = 'clientSecret' | 'privateKeyJwtRsa' | 'privateKeyJwtEc';

/** The TechWolf OAuth2 API credential's fields for this sandbox (the credential's Custom region). */
export function oauth2CredentialData(
	sandbox: Pick<Sandbox, 'url' | 'tokenUrl' | 'credentials'>,
	clientAuthentication: ClientAuthentication = 'clientSecret',
): Record<string, string> {
	const { clientKeys } = sandbox.credentials;
	return {
		region: 'custom',
		tenant: sandbox.credentials.tenant,
		baseUrl: sandbox.url,
		tokenUrl: sandbox.tokenUrl,
		audience: sandbox.credentials.audience,
		clientId: sandbox.credentials.clientId,
		...(clientAuthentication === 'clientSecret'
			? { clientAuthentication: 'clientSecret', clientSecret: sandbox.credentials.clientSecret }
			: {
					clientAuthentication: 'privateKeyJwt',
					privateKey: (clientAuthentication === 'privateKeyJwtRsa' ? clientKeys.rsa : clientKeys.ec).privateKeyPem,
				}),
		scopes: '',
	};
}

export const TOKEN_PATH = '/oauth/token';
export const CONTROL_PREFIX = '/__sandbox';
const MAX_RECENT_REQUESTS = 1000;
const MAX_BODY_BYTES = 10 * 1024 * 1024;

interface HandlerResult {
	status: number;
	body?: unknown;
	headers?: Record<string, string>;
}

function emptyStats(): Omit<SandboxStats, 'pendingFaults'> {
	return {
		tokenRequests: 0,
		tokenRequestBodies: [],
		tokensIssued: 0,
		apiRequests: 0,
		requestsByRoute: {},
		lastBodies: {},
		recentRequests: [],
		contractViolations: [],
		faultsServed: 0,
	};
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

export async function startSandbox(options: SandboxOptions = {}): Promise<Sandbox> {
	const credentials: SandboxCredentials = {
		clientId: options.clientId ?? DEFAULT_SANDBOX_CREDENTIALS.clientId,
		clientSecret: options.clientSecret ?? DEFAULT_SANDBOX_CREDENTIALS.clientSecret,
		tenant: options.tenant ?? DEFAULT_SANDBOX_CREDENTIALS.tenant,
		audience: options.audience ?? DEFAULT_SANDBOX_CREDENTIALS.audience,
		clientKeys: sandboxClientKeys(),
	};
	const log = options.log;

	const dataOptions = options.employeeCount === undefined ? {} : { employeeCount: options.employeeCount };
	let data: SandboxData = createSandboxData(dataOptions);
	let stats = emptyStats();
	const faults = new FaultQueue();
	let baseUrl = '';
	const authority = new TokenAuthority(
		credentials,
		options.tokenLifetimeSeconds ?? 10800,
		() => baseUrl,
		() => stats,
	);

	function record(entry: RecordedRequest): void {
		stats.recentRequests.push(entry);
		if (stats.recentRequests.length > MAX_RECENT_REQUESTS) stats.recentRequests.shift();
	}

	function handleApiRequest(request: IncomingMessage, url: URL, raw: Buffer): HandlerResult {
		const method = request.method ?? 'GET';
		try {
			let match: OperationMatch | ApiError;
			try {
				match = matchRoute(method, url.pathname);
			} catch (error) {
				if (!(error instanceof ApiError)) throw error;
				match = error;
			}
			// Authenticate first, as TechWolf's gateway does; only then judge the path, the ids and the body.
			authority.authenticate(
				request,
				match instanceof ApiError || match.kind !== 'found' ? 'read' : scopeOf(match.operation),
			);
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
			const result = handleRoute(match, url.searchParams, body, data, (violation) =>
				stats.contractViolations.push(violation),
			);
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
		const raw = await readBody(
			request,
			MAX_BODY_BYTES,
			() => new HttpError(413, techWolfErrorBody(413, 'The request body is larger than 10 MB')),
		);

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
		const fault = faults.take(method, path);
		if (fault) {
			stats.faultsServed++;
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
			({ status, body } = authority.handleTokenRequest(request, raw));
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

	baseUrl = await listenOnLoopback(server, options.port ?? 0);
	const port = Number(new URL(baseUrl).port);

	let stopping: Promise<void> | undefined;
	const sandbox: Sandbox = {
		url: baseUrl,
		tokenUrl: `${baseUrl}${TOKEN_PATH}`,
		port,
		credentials: { ...credentials },
		stop() {
			stopping ??= closeServer(server);
			return stopping;
		},
		stats() {
			return structuredClone({ ...stats, pendingFaults: faults.pending() });
		},
		injectFault(fault) {
			faults.add(fault);
		},
		clearFaults() {
			faults.clear();
		},
		expireTokens() {
			authority.expireAll();
		},
		reset() {
			data = createSandboxData(dataOptions);
			stats = emptyStats();
			faults.clear();
		},
	};
	return sandbox;
}
