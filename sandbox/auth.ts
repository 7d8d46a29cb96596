/**
 * TechWolf's token endpoint as the sandbox plays it (the Authentication page, in the contract's securitySchemes):
 * Auth0's client-credentials grant with a JSON body carrying `tenant` and `audience`, and the Bearer check every API
 * request passes first.
 */
import { randomBytes } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

import { ApiError } from './api';
import { AssertionRefused, ClientAssertionVerifier, JWT_BEARER_ASSERTION_TYPE } from './clientAssertion';
import type { ClientKeys } from './clientKeys';
import type { JsonValue } from './data';
import { HttpError, isJsonMediaType, mediaType, oauthError } from './http';

export type Scope = 'read' | 'write';

const GRANTED_SCOPES: readonly Scope[] = ['read', 'write'];

export interface SandboxCredentials {
	clientId: string;
	clientSecret: string;
	tenant: string;
	audience: string;
	/** The client's registered key pairs, for private-key JWT client authentication (`clientKeys.ts`). */
	clientKeys: ClientKeys;
}

export interface TokenRequestRecord {
	contentType: string | null;
	/** The parsed JSON body, or the raw text when it was not JSON. */
	body: unknown;
	status: number;
}

/** What the token endpoint counts, kept in the sandbox's stats. */
export interface TokenStats {
	tokenRequests: number;
	tokenRequestBodies: TokenRequestRecord[];
	tokensIssued: number;
}

interface IssuedToken {
	expiresAt: number;
	scopes: Scope[];
}

function base64url(value: string | Buffer): string {
	return Buffer.from(value).toString('base64url');
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

export class TokenAuthority {
	private readonly tokens = new Map<string, IssuedToken>();
	private readonly assertions: ClientAssertionVerifier;

	constructor(
		private readonly credentials: SandboxCredentials,
		private readonly lifetimeSeconds: number,
		private readonly issuer: () => string,
		private readonly stats: () => TokenStats,
	) {
		const { rsa, ec } = credentials.clientKeys;
		this.assertions = new ClientAssertionVerifier([rsa.publicKeyPem, ec.publicKeyPem]);
	}

	/**
	 * The client proves who it is with its secret, or with a client assertion signed by a registered key (private key
	 * JWT): exactly one of the two, as Auth0 takes them.
	 */
	private authenticateClient(body: Record<string, unknown>, tokenUrl: string): void {
		const { clientId, clientSecret } = this.credentials;
		if (body.client_id !== clientId) throw oauthError(401, 'access_denied', 'Unauthorized');
		const hasSecret = body.client_secret !== undefined;
		const hasAssertion = body.client_assertion !== undefined;
		if (hasSecret === hasAssertion) {
			throw oauthError(
				400,
				'invalid_request',
				hasSecret
					? 'Send client_secret or client_assertion, not both'
					: 'Missing required parameter: client_secret (or client_assertion for private key JWT)',
			);
		}
		if (hasSecret) {
			if (body.client_secret !== clientSecret) throw oauthError(401, 'access_denied', 'Unauthorized');
			return;
		}
		if (body.client_assertion_type !== JWT_BEARER_ASSERTION_TYPE) {
			throw oauthError(400, 'invalid_request', `client_assertion_type must be ${JWT_BEARER_ASSERTION_TYPE}`);
		}
		try {
			this.assertions.verify(body.client_assertion, {
				clientId,
				tokenUrl,
				now: Math.floor(Date.now() / 1000),
			});
		} catch (error) {
			if (error instanceof AssertionRefused) throw oauthError(401, 'invalid_client', error.message);
			throw error;
		}
	}

	private issue(scopes: Scope[]): string {
		// Shaped like Auth0's JWTs so that clients which peek at `exp` work; the signature is random, not verifiable.
		const now = Math.floor(Date.now() / 1000);
		const header = base64url(JSON.stringify({ alg: 'RS256', typ: 'JWT', kid: 'sandbox' }));
		const payload = base64url(
			JSON.stringify({
				iss: `${this.issuer()}/`,
				sub: `${this.credentials.clientId}@clients`,
				aud: this.credentials.audience,
				iat: now,
				exp: now + this.lifetimeSeconds,
				scope: scopes.join(' '),
				gty: 'client-credentials',
				tenant: this.credentials.tenant,
				jti: randomBytes(12).toString('hex'),
			}),
		);
		const token = `${header}.${payload}.${base64url(randomBytes(32))}`;
		this.tokens.set(token, { expiresAt: Date.now() + this.lifetimeSeconds * 1000, scopes });
		this.stats().tokensIssued++;
		return token;
	}

	/** Auth0's client-credentials grant as TechWolf configures it: JSON only, `tenant` and `audience` required. */
	handleTokenRequest(request: IncomingMessage, raw: Buffer): { status: number; body: JsonValue } {
		const contentType = mediaType(request);
		const text = raw.toString('utf8');
		const entry: TokenRequestRecord = { contentType, body: text, status: 0 };
		const stats = this.stats();
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
			let parsed: unknown;
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
			for (const field of ['grant_type', 'client_id', 'audience', 'tenant']) {
				if (typeof body[field] !== 'string' || body[field] === '') {
					throw oauthError(400, 'invalid_request', `Missing required parameter: ${field}`);
				}
			}
			if (body.grant_type !== 'client_credentials') {
				throw oauthError(400, 'unsupported_grant_type', `Unsupported grant type: ${String(body.grant_type)}`);
			}
			this.authenticateClient(body, `${this.issuer()}${request.url?.split('?')[0] ?? ''}`);
			const { audience, tenant } = this.credentials;
			if (body.audience !== audience)
				throw oauthError(403, 'access_denied', `Service not found: ${String(body.audience)}`);
			if (body.tenant !== tenant) {
				throw oauthError(403, 'access_denied', `The client has no access to tenant ${String(body.tenant)}`);
			}
			const scopes = requestedScopes(body);
			const token = this.issue(scopes);
			entry.status = 200;
			return {
				status: 200,
				body: { access_token: token, expires_in: this.lifetimeSeconds, scope: scopes.join(' '), token_type: 'Bearer' },
			};
		} catch (error) {
			if (!(error instanceof HttpError)) throw error;
			entry.status = error.status;
			return { status: error.status, body: error.body };
		}
	}

	/** A Bearer token this authority issued, unexpired, with the scope; else TechWolf's 401 or 403. */
	authenticate(request: IncomingMessage, scope: Scope): void {
		const header = request.headers.authorization;
		const match = header ? /^Bearer\s+(\S+)\s*$/i.exec(header) : null;
		if (!match?.[1]) {
			throw new ApiError(401, 'Missing or malformed Authorization header; expected "Bearer <access token>"');
		}
		const issued = this.tokens.get(match[1]);
		if (!issued) throw new ApiError(401, 'The access token is not valid');
		if (issued.expiresAt <= Date.now()) throw new ApiError(401, 'The access token has expired');
		if (!issued.scopes.includes(scope)) throw new ApiError(403, `The access token lacks the "${scope}" scope`);
	}

	/** Every token issued so far answers 401 from now on. */
	expireAll(): void {
		for (const token of this.tokens.values()) token.expiresAt = 0;
	}
}
