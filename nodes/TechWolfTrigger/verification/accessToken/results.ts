/** What the access-token verifier answers: a tagged result, each failure with its own reason and status. */
import type { JwsAlgorithmName } from './algorithms';

export type AccessTokenFailure =
	| 'missing_access_token'
	| 'malformed_authorization'
	| 'malformed_access_token'
	| 'unsupported_algorithm'
	| 'wrong_issuer'
	| 'wrong_audience'
	| 'expired_access_token'
	| 'access_token_not_yet_valid'
	| 'missing_scope'
	| 'unknown_signing_key'
	| 'invalid_token_signature'
	| 'jwks_unavailable';

export interface AccessTokenRejection {
	ok: false;
	reason: AccessTokenFailure;
	/** For the sender: what is wrong, never a key or the token. */
	message: string;
	/**
	 * 401 for every token problem; 503 when the key set cannot be loaded. That is the receiver's problem, not the
	 * sender's, and 503 makes TechWolf deliver again later instead of dropping a genuine event.
	 */
	status: 401 | 503;
	/** For n8n's log: the details the reply leaves out (the JWKS URL and why it failed). */
	detail?: string;
}

/** A token that passed read(): its parts, for verifySignature(). */
export interface ReadToken {
	algorithm: JwsAlgorithmName;
	kid: string | undefined;
	claims: Record<string, unknown>;
	signingInput: Uint8Array;
	signature: Uint8Array;
}

export interface VerifiedAccessToken {
	ok: true;
	algorithm: JwsAlgorithmName;
	kid: string | undefined;
	/** `sub`, or `client_id` when there is no `sub`. */
	subject: string | undefined;
	scopes: string[];
	expiresAt: number;
}

export type TokenReading = { ok: true; token: ReadToken } | AccessTokenRejection;
export type AccessTokenCheck = VerifiedAccessToken | AccessTokenRejection;

export function reject(reason: AccessTokenFailure, message: string, detail?: string): AccessTokenRejection {
	return {
		ok: false,
		reason,
		message,
		status: reason === 'jwks_unavailable' ? 503 : 401,
		...(detail ? { detail } : {}),
	};
}
