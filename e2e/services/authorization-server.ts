/**
 * The consumer's own authorization server, for TechWolf's optional OAuth2 endpoint authentication: the consumer gives
 * TechWolf a token URL, a client id and secret, a scope and extra parameters (`audience`, `resource`); TechWolf fetches
 * a token there with the client-credentials grant and sends it with every delivery. The trigger checks those tokens
 * against this server's JWKS.
 *
 * Written from the standards, not from the node's verifier: the client-credentials grant (RFC 6749 §4.4, client
 * authentication by HTTP Basic or in the body, §2.3.1), JWT access tokens (RFC 9068: `typ` at+jwt, `iss`, `sub`, `aud`,
 * `client_id`, `scope`, `iat`, `exp`, `jti`), JWS signatures (RFC 7518 §3, RFC 8037), the key set (RFC 7517, `kid` as
 * the RFC 7638 thumbprint), resource indicators (RFC 8707) and server metadata (RFC 8414). Auth0, which TechWolf
 * itself uses, also takes a JSON body and an `audience` parameter; so does this server.
 *
 * Key rotation: rotateKeys() makes a new current signing key and keeps the previous one published until retired,
 * as real servers do, or drops it at once (retirePrevious) to test a consumer that cached the old set.
 */
import { randomUUID, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';

import { closeServer, listenOnLoopback, readBody } from '../../sandbox/http';
import { generateSigningKey, signJws, type SigningKey, type TokenAlgorithm } from './jws';

export interface AuthorizationServerClient {
	clientId: string;
	clientSecret: string;
	/** Scopes the client may be granted; all of them when it asks for none. */
	scopes: string[];
}

export interface AuthorizationServerOptions {
	/** 0 (the default) picks a free port. */
	port?: number;
	algorithm?: TokenAlgorithm;
	/** The `aud` values tokens may be issued for; the first is the default. */
	audiences?: string[];
	client?: Partial<AuthorizationServerClient>;
	tokenLifetimeSeconds?: number;
	log?: (line: string) => void;
}

export interface JwksFault {
	/** 503 by default; 200 with a `body` serves that body (e.g. not JSON). */
	status?: number;
	body?: string;
	/** How many JWKS requests fail; every one until cleared when left out. */
	times?: number;
}

export interface AuthorizationServerStats {
	tokenRequests: number;
	tokensIssued: number;
	jwksRequests: number;
	/** Each token request's outcome, oldest first: status, client authentication method, error. */
	tokenRequestLog: Array<{ status: number; clientAuthentication?: 'basic' | 'body'; error?: string }>;
}

export interface AuthorizationServer {
	url: string;
	/** The `iss` of every token: the server's URL. */
	issuer: string;
	tokenUrl: string;
	jwksUrl: string;
	/** The default audience. */
	audience: string;
	client: AuthorizationServerClient;
	algorithm: TokenAlgorithm;
	/** The key tokens are signed with now. */
	currentKey(): SigningKey;
	/** A new current key (same algorithm unless given); returns it. The previous one stays published unless retired. */
	rotateKeys(options?: { retirePrevious?: boolean; algorithm?: TokenAlgorithm }): SigningKey;
	/** The public keys published now, as the JWKS endpoint serves them. */
	jwks(): { keys: SigningKey['jwk'][] };
	/** A token as the token endpoint would issue it, without the HTTP round trip. */
	issueToken(options?: { scope?: string; audience?: string }): string;
	/** A token with any header and claims, for tests of what a consumer must refuse. */
	signToken(claims: Record<string, unknown>, options?: { header?: Record<string, unknown>; key?: SigningKey }): string;
	/** Standard claims for a token issued now; pass overrides to signToken(). */
	standardClaims(overrides?: Record<string, unknown>): Record<string, unknown>;
	setJwksFault(fault: JwksFault | undefined): void;
	stats(): AuthorizationServerStats;
	/** Counts from zero again. */
	resetStats(): void;
	stop(): Promise<void>;
}

export const TOKEN_PATH = '/oauth/token';
export const JWKS_PATH = '/.well-known/jwks.json';
export const METADATA_PATH = '/.well-known/oauth-authorization-server';
export const CONTROL_PREFIX = '/__auth';
export const DEFAULT_CLIENT: AuthorizationServerClient = {
	clientId: 'techwolf-webhooks',
	clientSecret: 'techwolf-webhooks-secret',
	scopes: ['webhooks:deliver'],
};
export const DEFAULT_AUDIENCE = 'https://n8n.example.com/techwolf';
const MAX_BODY_BYTES = 64 * 1024;

function emptyStats(): AuthorizationServerStats {
	return { tokenRequests: 0, tokensIssued: 0, jwksRequests: 0, tokenRequestLog: [] };
}

class OAuthError extends Error {
	constructor(
		readonly status: number,
		readonly error: string,
		description: string,
	) {
		super(description);
	}
}

function send(response: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
	const text = body === undefined ? '' : typeof body === 'string' ? body : JSON.stringify(body);
	response.writeHead(status, {
		...(body === undefined ? {} : { 'content-type': typeof body === 'string' ? 'text/plain' : 'application/json' }),
		'cache-control': 'no-store',
		...headers,
	});
	response.end(text);
}

function secretsEqual(given: string, expected: string): boolean {
	const a = Buffer.from(given);
	const b = Buffer.from(expected);
	return a.length === b.length && timingSafeEqual(a, b);
}

/** The token request's parameters: form-encoded (RFC 6749 §4.4.2) or, as Auth0 also accepts, a JSON object. */
function tokenParameters(request: IncomingMessage, raw: Buffer): Record<string, string> {
	const type = (request.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase();
	if (type === 'application/x-www-form-urlencoded') {
		const parameters: Record<string, string> = {};
		for (const [name, value] of new URLSearchParams(raw.toString('utf8'))) {
			if (name in parameters) throw new OAuthError(400, 'invalid_request', `Parameter ${name} is repeated`);
			parameters[name] = value;
		}
		return parameters;
	}
	if (type === 'application/json') {
		let parsed: unknown;
		try {
			parsed = JSON.parse(raw.toString('utf8'));
		} catch {
			throw new OAuthError(400, 'invalid_request', 'The body is not valid JSON');
		}
		if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
			throw new OAuthError(400, 'invalid_request', 'The body must be a JSON object');
		}
		const parameters: Record<string, string> = {};
		for (const [name, value] of Object.entries(parsed)) {
			if (typeof value !== 'string') throw new OAuthError(400, 'invalid_request', `Parameter ${name} must be a string`);
			parameters[name] = value;
		}
		return parameters;
	}
	throw new OAuthError(400, 'invalid_request', 'Content-Type must be application/x-www-form-urlencoded');
}

/** HTTP Basic client authentication: id and secret are form-encoded before base64 (RFC 6749 §2.3.1). */
function basicCredentials(request: IncomingMessage): { clientId: string; clientSecret: string } | undefined {
	const header = request.headers.authorization;
	if (!header) return undefined;
	const match = /^Basic ([A-Za-z0-9+/]+=*)$/i.exec(header.trim());
	if (!match?.[1]) throw new OAuthError(401, 'invalid_client', 'The Authorization header is not HTTP Basic');
	const decoded = Buffer.from(match[1], 'base64').toString('utf8');
	const colon = decoded.indexOf(':');
	if (colon < 0) throw new OAuthError(401, 'invalid_client', 'The Basic credentials have no ":"');
	const decode = (text: string) => decodeURIComponent(text.replace(/\+/g, ' '));
	return { clientId: decode(decoded.slice(0, colon)), clientSecret: decode(decoded.slice(colon + 1)) };
}

export async function startAuthorizationServer(options: AuthorizationServerOptions = {}): Promise<AuthorizationServer> {
	const algorithm = options.algorithm ?? 'RS256';
	const audiences = options.audiences && options.audiences.length > 0 ? [...options.audiences] : [DEFAULT_AUDIENCE];
	const client: AuthorizationServerClient = { ...DEFAULT_CLIENT, ...options.client };
	const lifetime = options.tokenLifetimeSeconds ?? 3600;
	let keys: SigningKey[] = [generateSigningKey(algorithm)];
	let jwksFault: (JwksFault & { remaining: number }) | undefined;
	let stats = emptyStats();
	let baseUrl = '';

	const now = () => Math.floor(Date.now() / 1000);
	const currentKey = () => keys[0] as SigningKey;

	function standardClaims(overrides: Record<string, unknown> = {}): Record<string, unknown> {
		const issuedAt = now();
		return {
			iss: baseUrl,
			sub: client.clientId,
			aud: audiences[0],
			client_id: client.clientId,
			scope: client.scopes.join(' '),
			iat: issuedAt,
			exp: issuedAt + lifetime,
			jti: randomUUID(),
			...overrides,
		};
	}

	function signToken(
		claims: Record<string, unknown>,
		signOptions: { header?: Record<string, unknown>; key?: SigningKey } = {},
	): string {
		const key = signOptions.key ?? currentKey();
		return signJws({ alg: key.algorithm, typ: 'at+jwt', kid: key.kid, ...signOptions.header }, claims, key);
	}

	function issueToken(request: { scope?: string; audience?: string } = {}): string {
		stats.tokensIssued++;
		return signToken(
			standardClaims({
				aud: request.audience ?? audiences[0],
				scope: request.scope ?? client.scopes.join(' '),
			}),
		);
	}

	function handleTokenRequest(
		request: IncomingMessage,
		raw: Buffer,
	): { status: number; body: unknown; headers?: Record<string, string> } {
		const entry: AuthorizationServerStats['tokenRequestLog'][number] = { status: 0 };
		stats.tokenRequests++;
		stats.tokenRequestLog.push(entry);
		try {
			if (request.method !== 'POST') throw new OAuthError(405, 'invalid_request', 'Use POST');
			const parameters = tokenParameters(request, raw);
			const basic = basicCredentials(request);
			if (basic && (parameters.client_id !== undefined || parameters.client_secret !== undefined)) {
				// RFC 6749 §2.3: a client must not use more than one authentication method in a request.
				if (parameters.client_secret !== undefined || parameters.client_id !== basic.clientId) {
					throw new OAuthError(400, 'invalid_request', 'Authenticate with HTTP Basic or in the body, not both');
				}
			}
			const clientId = basic?.clientId ?? parameters.client_id;
			const clientSecret = basic?.clientSecret ?? parameters.client_secret;
			entry.clientAuthentication = basic ? 'basic' : 'body';
			if (parameters.grant_type !== 'client_credentials') {
				throw new OAuthError(
					400,
					parameters.grant_type === undefined ? 'invalid_request' : 'unsupported_grant_type',
					parameters.grant_type === undefined
						? 'grant_type is missing'
						: `Unsupported grant type ${parameters.grant_type}`,
				);
			}
			if (clientId === undefined || clientSecret === undefined) {
				throw new OAuthError(401, 'invalid_client', 'Client authentication is missing');
			}
			if (clientId !== client.clientId || !secretsEqual(clientSecret, client.clientSecret)) {
				throw new OAuthError(401, 'invalid_client', 'Client authentication failed');
			}
			const requested = (parameters.scope ?? '').split(' ').filter((scope) => scope !== '');
			const refused = requested.filter((scope) => !client.scopes.includes(scope));
			if (refused.length > 0) {
				throw new OAuthError(400, 'invalid_scope', `The client may not be granted ${refused.join(' ')}`);
			}
			const audience = parameters.audience ?? parameters.resource ?? audiences[0];
			if (
				parameters.audience !== undefined &&
				parameters.resource !== undefined &&
				parameters.audience !== parameters.resource
			) {
				throw new OAuthError(400, 'invalid_target', 'audience and resource name different targets');
			}
			if (!audiences.includes(audience as string)) {
				throw new OAuthError(400, 'invalid_target', `No tokens are issued for ${String(audience)}`);
			}
			const scope = (requested.length > 0 ? [...new Set(requested)] : client.scopes).join(' ');
			const accessToken = issueToken({ scope, audience: audience as string });
			entry.status = 200;
			return {
				status: 200,
				body: { access_token: accessToken, token_type: 'Bearer', expires_in: lifetime, scope },
				headers: { pragma: 'no-cache' },
			};
		} catch (error) {
			if (!(error instanceof OAuthError)) throw error;
			entry.status = error.status;
			entry.error = error.error;
			return {
				status: error.status,
				body: { error: error.error, error_description: error.message },
				headers: error.status === 401 ? { 'www-authenticate': 'Basic realm="token"' } : {},
			};
		}
	}

	function handleJwksRequest(): { status: number; body: unknown } {
		stats.jwksRequests++;
		if (jwksFault) {
			const fault = jwksFault;
			fault.remaining--;
			if (fault.remaining <= 0) jwksFault = undefined;
			return { status: fault.status ?? 503, body: fault.body ?? { error: 'temporarily_unavailable' } };
		}
		return { status: 200, body: server.jwks() };
	}

	function handleControl(method: string, path: string, raw: Buffer): { status: number; body?: unknown } {
		const route = `${method} ${path.slice(CONTROL_PREFIX.length)}`;
		let body: Record<string, unknown> = {};
		if (raw.length > 0) {
			try {
				body = JSON.parse(raw.toString('utf8')) as Record<string, unknown>;
			} catch {
				return { status: 400, body: { error: 'The body is not JSON' } };
			}
		}
		switch (route) {
			case 'GET /stats':
				return { status: 200, body: server.stats() };
			case 'POST /rotate-keys':
				return { status: 200, body: { kid: server.rotateKeys({ retirePrevious: body.retirePrevious === true }).kid } };
			case 'POST /jwks-fault':
				server.setJwksFault(body as JwksFault);
				return { status: 204 };
			case 'DELETE /jwks-fault':
				server.setJwksFault(undefined);
				return { status: 204 };
			default:
				return { status: 404, body: { error: `No control ${route}` } };
		}
	}

	async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
		const started = Date.now();
		const method = (request.method ?? 'GET').toUpperCase();
		const path = new URL(request.url ?? '/', baseUrl).pathname;
		const raw = await readBody(
			request,
			MAX_BODY_BYTES,
			() => new OAuthError(413, 'invalid_request', 'The request body is too large'),
		);
		let result: { status: number; body?: unknown; headers?: Record<string, string> };
		if (path === TOKEN_PATH) result = handleTokenRequest(request, raw);
		else if (path === JWKS_PATH && method === 'GET') result = handleJwksRequest();
		else if (path === METADATA_PATH && method === 'GET') {
			result = {
				status: 200,
				body: {
					issuer: baseUrl,
					token_endpoint: `${baseUrl}${TOKEN_PATH}`,
					jwks_uri: `${baseUrl}${JWKS_PATH}`,
					grant_types_supported: ['client_credentials'],
					token_endpoint_auth_methods_supported: ['client_secret_basic', 'client_secret_post'],
				},
			};
		} else if (path.startsWith(`${CONTROL_PREFIX}/`)) result = handleControl(method, path, raw);
		else result = { status: 404, body: { error: 'not_found' } };
		send(response, result.status, result.body, result.headers);
		options.log?.(`auth ${method} ${path} ${result.status} ${Date.now() - started}ms`);
	}

	const httpServer: Server = createServer((request, response) => {
		handle(request, response).catch((error: unknown) => {
			const status = error instanceof OAuthError ? error.status : 500;
			if (!response.headersSent) send(response, status, { error: 'server_error', error_description: String(error) });
			else response.destroy();
		});
	});
	baseUrl = await listenOnLoopback(httpServer, options.port);

	let stopping: Promise<void> | undefined;
	const server: AuthorizationServer = {
		url: baseUrl,
		issuer: baseUrl,
		tokenUrl: `${baseUrl}${TOKEN_PATH}`,
		jwksUrl: `${baseUrl}${JWKS_PATH}`,
		audience: audiences[0] as string,
		client: { ...client, scopes: [...client.scopes] },
		algorithm,
		currentKey,
		rotateKeys(rotation = {}) {
			const next = generateSigningKey(rotation.algorithm ?? currentKey().algorithm);
			keys = rotation.retirePrevious ? [next] : [next, currentKey()];
			return next;
		},
		jwks: () => ({ keys: keys.map((key) => ({ ...key.jwk })) }),
		issueToken,
		signToken,
		standardClaims,
		setJwksFault(fault) {
			jwksFault = fault ? { ...fault, remaining: fault.times ?? Number.POSITIVE_INFINITY } : undefined;
		},
		stats: () => structuredClone(stats),
		resetStats() {
			stats = emptyStats();
		},
		stop() {
			stopping ??= closeServer(httpServer);
			return stopping;
		},
	};
	return server;
}
