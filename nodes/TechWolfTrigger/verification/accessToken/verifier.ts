/**
 * The one verifier of the OAuth2 access tokens TechWolf sends with each delivery when the consumer turned on endpoint
 * authentication: `Authorization: Bearer <JWT>`, issued by the consumer's own authorization server (TechWolf fetches it
 * there with client credentials). A token passes when it is a JWS signed with an allowed asymmetric algorithm by a key
 * of the configured key set, from the configured issuer, for the configured audience, within its validity period
 * (with CLOCK_SKEW_SECONDS of tolerance), and with every required scope.
 *
 * In two steps, cheapest first: read() checks the header, the token's form, its algorithm and its claims without any
 * cryptography or network; verifySignature() finds the key (which may fetch the JWKS) and checks the signature. The
 * trigger runs the webhook signature between the two, so that only a request TechWolf signed can make n8n fetch a
 * JWKS. Neither step throws on request input; each failure has its own reason. Keys named in the token itself (`jwk`,
 * `jku`, `x5u`, `x5c` headers) are ignored: trusting them would let anyone sign with a key of their own.
 */
import { isSupportedAlgorithm, keyFitsAlgorithm, verifyJwsSignature } from './algorithms';
import { jwksCache, type JwksCache, type JwksFetcher } from './jwks';
import { decodeJsonObject, decodeSegment, isFiniteNumber, signingInput, tokenScopes } from './jwt';
import type { VerificationKey } from './keys';
import { checkedPolicy, type AccessTokenPolicy, type KeySource } from './policy';
import { reject, type AccessTokenCheck, type AccessTokenRejection, type ReadToken, type TokenReading } from './results';

/** Tolerance for the clocks of n8n and the authorization server disagreeing, on `exp` and `nbf`. */
export const CLOCK_SKEW_SECONDS = 60;
/** Longer than any access token; a longer header is refused before it is read. */
export const MAX_AUTHORIZATION_LENGTH = 8192;
const MAX_KID_LENGTH = 256;

export class AccessTokenVerifier {
	private readonly policy: Required<AccessTokenPolicy>;

	constructor(
		policy: AccessTokenPolicy,
		private readonly source: KeySource,
		private readonly cache: JwksCache = jwksCache,
	) {
		this.policy = checkedPolicy(policy);
	}

	/** Header, form, algorithm and claims: no cryptography, no network. */
	read(authorization: string | string[] | undefined, nowSeconds: number): TokenReading {
		if (Array.isArray(authorization)) {
			if (authorization.length > 1) {
				return reject('malformed_authorization', 'Authorization is sent more than once: send it on one line');
			}
			authorization = authorization[0];
		}
		if (authorization === undefined || authorization.trim() === '') {
			return reject('missing_access_token', 'An access token is required: send Authorization: Bearer <token>');
		}
		if (authorization.length > MAX_AUTHORIZATION_LENGTH) {
			return reject('malformed_authorization', `The Authorization header is longer than ${MAX_AUTHORIZATION_LENGTH}`);
		}
		const match = /^([^\s]+)[ \t]+([^\s]+)$/.exec(authorization.trim());
		if (!match || match[1]?.toLowerCase() !== 'bearer') {
			return reject('malformed_authorization', 'The Authorization header must be "Bearer <token>"');
		}
		const segments = (match[2] as string).split('.');
		if (segments.length !== 3) {
			return reject(
				'malformed_access_token',
				segments.length === 5
					? 'Encrypted access tokens (JWE) are not supported: send a signed JWT'
					: 'The access token is not a JWT (three base64url parts separated by dots)',
			);
		}
		const [headerSegment, payloadSegment, signatureSegment] = segments as [string, string, string];
		const header = decodeJsonObject(headerSegment);
		if (!header) return reject('malformed_access_token', 'The access token header is not base64url JSON');

		const alg = header.alg;
		if (typeof alg !== 'string' || alg.toLowerCase() === 'none') {
			return reject('unsupported_algorithm', 'Unsigned access tokens (alg "none") are never accepted');
		}
		if (/^HS\d+$/i.test(alg)) {
			return reject(
				'unsupported_algorithm',
				`HMAC-signed access tokens (${alg}) are not accepted: tokens must be signed with a private key`,
			);
		}
		if (!isSupportedAlgorithm(alg) || !this.policy.algorithms.includes(alg)) {
			return reject(
				'unsupported_algorithm',
				`Algorithm ${alg.slice(0, 16)} is not allowed here (allowed: ${this.policy.algorithms.join(', ')})`,
			);
		}
		if (header.crit !== undefined) {
			return reject('malformed_access_token', 'The access token has critical header extensions (crit)');
		}
		const kid = header.kid;
		if (kid !== undefined && (typeof kid !== 'string' || kid.length === 0 || kid.length > MAX_KID_LENGTH)) {
			return reject('malformed_access_token', 'The access token header has an invalid kid');
		}

		const claims = decodeJsonObject(payloadSegment);
		if (!claims) return reject('malformed_access_token', 'The access token payload is not base64url JSON');
		const signature = decodeSegment(signatureSegment);
		if (!signature) return reject('malformed_access_token', 'The access token signature is not base64url');

		const claimsProblem = this.claimsProblem(claims, nowSeconds);
		if (claimsProblem) return claimsProblem;
		return {
			ok: true,
			token: {
				algorithm: alg,
				kid,
				claims,
				signingInput: signingInput(headerSegment, payloadSegment),
				signature,
			},
		};
	}

	/** Finds the key (fetching the JWKS when needed, through `fetcher`) and checks the signature. */
	async verifySignature(token: ReadToken, fetcher: JwksFetcher, nowSeconds: number): Promise<AccessTokenCheck> {
		let keys: VerificationKey[];
		if (this.source.kind === 'pasted') {
			keys = this.source.keys.keys;
		} else {
			const { url } = this.source;
			let result = await this.cache.keySet(url, fetcher, nowSeconds);
			if (result.ok && token.kid !== undefined && !result.set.keys.some((key) => key.kid === token.kid)) {
				// A kid we do not know: the authorization server may have rotated its keys. Fetch again (unless the set is
				// from this very second); if it is still unknown, the token is refused (401 below). The key set is fetched at most once a minute, though: until
				// it may be fetched again, the token cannot be checked, and a 503 makes TechWolf deliver it again later
				// (it only gets here with TechWolf's signature) rather than lose it to a rotation we have not seen yet.
				const justFetched = nowSeconds - result.fetchedAt <= 1;
				const refreshed = justFetched ? result : await this.cache.refreshed(url, fetcher, nowSeconds);
				if (!refreshed) {
					return reject(
						'jwks_unavailable',
						'The key of the access token is not known yet; deliver again later',
						`The access token names key ${token.kid.slice(0, 64)}, which the JWKS at ${url} did not have when last fetched; it is fetched again at most once a minute`,
					);
				}
				result = refreshed;
			}
			if (!result.ok) {
				return reject(
					'jwks_unavailable',
					'The keys to check the access token cannot be loaded right now; deliver again later',
					`Could not load the JWKS from ${url}: ${result.problem}`,
				);
			}
			keys = result.set.keys;
		}
		const candidates = candidateKeys(keys, token);
		if (candidates.length === 0) {
			return reject(
				'unknown_signing_key',
				token.kid === undefined
					? `No configured key can verify ${token.algorithm}`
					: `The token's signing key (kid ${token.kid.slice(0, 64)}) is not in the key set`,
			);
		}
		const verified = candidates.some((candidate) =>
			verifyJwsSignature(token.algorithm, candidate.key, token.signingInput, token.signature),
		);
		if (!verified) return reject('invalid_token_signature', 'The access token signature does not verify');
		const subject = token.claims.sub ?? token.claims.client_id;
		return {
			ok: true,
			algorithm: token.algorithm,
			kid: token.kid,
			subject: typeof subject === 'string' ? subject : undefined,
			scopes: tokenScopes(token.claims),
			expiresAt: token.claims.exp as number,
		};
	}

	/** Both steps in order (where nothing runs between them). */
	async verify(
		authorization: string | string[] | undefined,
		fetcher: JwksFetcher,
		nowSeconds: number,
	): Promise<AccessTokenCheck> {
		const reading = this.read(authorization, nowSeconds);
		if (!reading.ok) return reading;
		return await this.verifySignature(reading.token, fetcher, nowSeconds);
	}

	private claimsProblem(claims: Record<string, unknown>, now: number): AccessTokenRejection | undefined {
		const { issuer, audience, requiredScopes } = this.policy;
		if (claims.iss !== issuer) return reject('wrong_issuer', 'The access token is from another issuer');
		const audiences = Array.isArray(claims.aud) ? claims.aud : [claims.aud];
		if (!audiences.includes(audience)) return reject('wrong_audience', 'The access token is for another audience');
		if (!isFiniteNumber(claims.exp)) return reject('malformed_access_token', 'The access token has no expiry (exp)');
		if (now >= claims.exp + CLOCK_SKEW_SECONDS) return reject('expired_access_token', 'The access token has expired');
		if (claims.nbf !== undefined) {
			if (!isFiniteNumber(claims.nbf)) return reject('malformed_access_token', 'The access token nbf is not a number');
			if (claims.nbf > now + CLOCK_SKEW_SECONDS) {
				return reject('access_token_not_yet_valid', 'The access token is not valid yet (nbf)');
			}
		}
		if (requiredScopes.length > 0) {
			const granted = new Set(tokenScopes(claims));
			const missing = requiredScopes.filter((scope) => !granted.has(scope));
			if (missing.length > 0) {
				return reject('missing_scope', `The access token lacks the scope ${missing.join(', ').slice(0, 200)}`);
			}
		}
		return undefined;
	}
}

/**
 * The keys that may have signed the token: of the algorithm's key type, not bound to another algorithm, and with the
 * token's `kid` when it names one (keys without a kid, as pasted PEM keys are, stay candidates).
 */
function candidateKeys(keys: readonly VerificationKey[], token: ReadToken): VerificationKey[] {
	const fitting = keys.filter(
		(key) => (key.alg === undefined || key.alg === token.algorithm) && keyFitsAlgorithm(key.key, token.algorithm),
	);
	if (token.kid === undefined) return fitting;
	const named = fitting.filter((key) => key.kid === token.kid);
	return named.length > 0 ? named : fitting.filter((key) => key.kid === undefined);
}
