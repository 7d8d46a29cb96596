/**
 * The token endpoint's side of private-key JWT client authentication, as an authorization server does it (RFC 7523
 * §3, OpenID Connect Core §9) with Auth0's limits, which TechWolf's token endpoint runs on: the assertion is a JWS
 * signed RS256 (RSA key) or ES256 (P-256 key) by a key registered for the client; `iss` and `sub` are the client id,
 * `aud` is the token URL, `exp` is in the future and at most five minutes after `iat`, and each `jti` is accepted once.
 *
 * Written from those specifications, not from the node's signer, so that the node's assertion is judged by an
 * independent reader. Every refusal says why, as Auth0's `error_description` would.
 */
import { createPublicKey, verify, type KeyObject } from 'node:crypto';

export const JWT_BEARER_ASSERTION_TYPE = 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer';

/** Auth0: "a maximum of 5 minutes for the lifetime" of a client assertion, and 10 seconds of clock skew for `iat`. */
const MAX_LIFETIME_SECONDS = 300;
const CLOCK_SKEW_SECONDS = 10;
/** Auth0 limits `iss`, `sub` and `jti` to 64 characters. */
const MAX_CLAIM_LENGTH = 64;

export class AssertionRefused extends Error {}

export interface AssertionExpectations {
	clientId: string;
	tokenUrl: string;
	/** Unix seconds. */
	now: number;
}

function decodeSegment(segment: string, what: string): Record<string, unknown> {
	if (!/^[A-Za-z0-9_-]+$/.test(segment)) throw new AssertionRefused(`The assertion's ${what} is not base64url`);
	let parsed: unknown;
	try {
		parsed = JSON.parse(Buffer.from(segment, 'base64url').toString('utf8'));
	} catch {
		throw new AssertionRefused(`The assertion's ${what} is not JSON`);
	}
	if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
		throw new AssertionRefused(`The assertion's ${what} is not a JSON object`);
	}
	return parsed as Record<string, unknown>;
}

function algorithmOf(key: KeyObject): 'RS256' | 'ES256' | undefined {
	if (key.asymmetricKeyType === 'rsa') return 'RS256';
	if (key.asymmetricKeyType === 'ec' && key.asymmetricKeyDetails?.namedCurve === 'prime256v1') return 'ES256';
	return undefined;
}

function isShortString(value: unknown): value is string {
	return typeof value === 'string' && value.length > 0 && value.length <= MAX_CLAIM_LENGTH;
}

/** Verifies assertions for one client against its registered public keys, remembering used `jti`s until they expire. */
export class ClientAssertionVerifier {
	private readonly keys: KeyObject[];
	private readonly usedJwtIds = new Map<string, number>();

	constructor(publicKeysPem: readonly string[]) {
		this.keys = publicKeysPem.map((pem) => createPublicKey(pem));
		for (const key of this.keys) {
			if (!algorithmOf(key)) throw new Error('A registered client key must be RSA or EC P-256');
		}
	}

	get hasKeys(): boolean {
		return this.keys.length > 0;
	}

	/** Throws AssertionRefused with the reason, or returns the accepted claims. */
	verify(assertion: unknown, expected: AssertionExpectations): Record<string, unknown> {
		if (typeof assertion !== 'string' || assertion === '') throw new AssertionRefused('client_assertion is missing');
		const segments = assertion.split('.');
		if (segments.length !== 3)
			throw new AssertionRefused('client_assertion is not a JWS in compact form (three parts)');
		const [headerSegment, payloadSegment, signatureSegment] = segments as [string, string, string];
		const header = decodeSegment(headerSegment, 'header');
		const claims = decodeSegment(payloadSegment, 'payload');
		if (header.alg !== 'RS256' && header.alg !== 'ES256') {
			throw new AssertionRefused(`Unsupported assertion algorithm ${String(header.alg)}; expected RS256 or ES256`);
		}
		if (!/^[A-Za-z0-9_-]*$/.test(signatureSegment))
			throw new AssertionRefused('The assertion signature is not base64url');
		const signature = Buffer.from(signatureSegment, 'base64url');
		const message = Buffer.from(`${headerSegment}.${payloadSegment}`);
		const candidates = this.keys.filter((key) => algorithmOf(key) === header.alg);
		if (candidates.length === 0) {
			throw new AssertionRefused(`No ${String(header.alg)} key is registered for this client`);
		}
		const verified = candidates.some((key) =>
			header.alg === 'ES256'
				? signature.length === 64 && verify('sha256', message, { key, dsaEncoding: 'ieee-p1363' }, signature)
				: verify('sha256', message, key, signature),
		);
		if (!verified) throw new AssertionRefused('Invalid signature for the client assertion');

		if (claims.iss !== expected.clientId || claims.sub !== expected.clientId) {
			throw new AssertionRefused('The assertion must have iss and sub equal to the client_id');
		}
		const audiences = Array.isArray(claims.aud) ? claims.aud : [claims.aud];
		if (!audiences.includes(expected.tokenUrl)) {
			throw new AssertionRefused(`The assertion's aud must be the token URL ${expected.tokenUrl}`);
		}
		const { exp, iat, jti } = claims;
		if (typeof exp !== 'number' || !Number.isFinite(exp)) throw new AssertionRefused('The assertion has no exp');
		if (exp <= expected.now) throw new AssertionRefused('The client assertion has expired');
		if (iat !== undefined) {
			if (typeof iat !== 'number' || iat > expected.now + CLOCK_SKEW_SECONDS) {
				throw new AssertionRefused('The assertion iat is in the future');
			}
		}
		const issuedAt = typeof iat === 'number' ? iat : expected.now;
		if (exp - issuedAt > MAX_LIFETIME_SECONDS) {
			throw new AssertionRefused(`The assertion lives longer than ${MAX_LIFETIME_SECONDS} seconds`);
		}
		if (!isShortString(jti))
			throw new AssertionRefused(`The assertion needs a jti of 1 to ${MAX_CLAIM_LENGTH} characters`);
		this.forgetExpired(expected.now);
		if (this.usedJwtIds.has(jti)) throw new AssertionRefused('The client assertion was already used (replayed jti)');
		this.usedJwtIds.set(jti, exp);
		return claims;
	}

	private forgetExpired(now: number): void {
		for (const [jti, exp] of this.usedJwtIds) if (exp <= now) this.usedJwtIds.delete(jti);
	}
}
