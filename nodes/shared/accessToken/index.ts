export {
	AccessTokenVerifier,
	AccessTokenSettingsError,
	CLOCK_SKEW_SECONDS,
	MAX_AUTHORIZATION_LENGTH,
	checkJwksUrl,
} from './verifier';
export type {
	AccessTokenCheck,
	AccessTokenFailure,
	AccessTokenPolicy,
	AccessTokenRejection,
	KeySource,
	ReadToken,
	TokenReading,
	VerifiedAccessToken,
} from './verifier';
export { DEFAULT_ALGORITHMS, SUPPORTED_ALGORITHMS, JWS_ALGORITHMS, verifyJwsSignature } from './algorithms';
export type { JwsAlgorithmName } from './algorithms';
export { JwksCache, jwksCache, JWKS_LIFETIME_SECONDS, JWKS_REFRESH_INTERVAL_SECONDS } from './jwks';
export type { JwksFetcher, KeySetResult } from './jwks';
export { AccessTokenKeyError, readJwks, readPastedKeys } from './keys';
export type { KeySet, VerificationKey } from './keys';
