export {
	WebhookVerifier,
	verifierFor,
	SIGNATURE_HEADERS,
	DEFAULT_TOLERANCE_SECONDS,
	DEFAULT_MAX_SIGNATURES,
} from './verifier';
export type { Verification, VerificationFailure, RequestHeaders, VerifierOptions } from './verifier';
export { parseSigningKeys, SigningKeyError, MAX_TRUSTED_KEYS } from './keys';
export type { TrustedKey } from './keys';
