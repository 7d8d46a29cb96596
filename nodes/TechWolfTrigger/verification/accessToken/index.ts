export { AccessTokenVerifier, CLOCK_SKEW_SECONDS, MAX_AUTHORIZATION_LENGTH } from './verifier';
export { AccessTokenSettingsError, checkJwksUrl } from './policy';
export type { AccessTokenPolicy, KeySource } from './policy';
export type {
	AccessTokenCheck,
	AccessTokenFailure,
	AccessTokenRejection,
	ReadToken,
	TokenReading,
	VerifiedAccessToken,
} from './results';
export { DEFAULT_ALGORITHMS, SUPPORTED_ALGORITHMS, JWS_ALGORITHMS, verifyJwsSignature } from './algorithms';
export type { JwsAlgorithmName } from './algorithms';
export { JwksCache, jwksCache, JWKS_LIFETIME_SECONDS, JWKS_REFRESH_INTERVAL_SECONDS } from './jwks';
export type { JwksFetcher, KeySetResult } from './jwks';
export { AccessTokenKeyError, readJwks, readPastedKeys } from './keys';
export type { KeySet, VerificationKey } from './keys';
