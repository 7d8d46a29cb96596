/** The webhook signature module's public face: what the trigger uses (verifier.ts documents the protocol). */
export { WebhookVerifier, verifierFor, DEFAULT_TOLERANCE_SECONDS, DEFAULT_MAX_SIGNATURES } from './verifier';
export type { Verification, RequestHeaders } from './verifier';
export { parseSigningKeys, SigningKeyError, SIGNING_KEYS_CREDENTIAL } from './keys';
