/**
 * The one verifier of TechWolf webhook signatures. TechWolf signs `timestamp:tenant:event_id:` followed by the raw
 * body bytes with Ed25519, and sends one or more hex signatures in X-Signature-V1 (several during a key rotation).
 * A request passes when any signature verifies under any trusted key and the timestamp is fresh.
 *
 * The API is small on purpose, after Standard Webhooks' verifier: build it once from the configured keys, call
 * `verify()` with the headers and the raw bytes, and read a result that cannot be mistaken for a pass. It is
 * synchronous (a forgotten `await` on an async verifier reads as truthy) and never throws on request input.
 * Everything cheap (presence, shapes, counts, the clock) is checked before any cryptography.
 */
import { parseSigningKeys, type TrustedKey } from './keys';
import { SIGNATURE_BYTES, verifyEd25519 } from './ed25519';
import { decodeHex } from './hex';
import { reusedBuffer, signedMessage } from './message';
import { VerifierCache } from '../verifierCache';

const SIGNATURE_HEADERS = {
	timestamp: 'x-signature-timestamp',
	tenant: 'x-tenant',
	eventId: 'x-event-id',
	signatures: 'x-signature-v1',
} as const;

const HEADER_FIELDS = Object.keys(SIGNATURE_HEADERS) as Array<keyof typeof SIGNATURE_HEADERS>;

export const DEFAULT_TOLERANCE_SECONDS = 300;
/** TechWolf signs once per active key; a handful covers any rotation, and more would only burn CPU. */
export const DEFAULT_MAX_SIGNATURES = 5;

export type VerificationFailure =
	| 'missing_body'
	| 'missing_header'
	| 'repeated_header'
	| 'malformed_header'
	| 'stale_timestamp'
	| 'future_timestamp'
	| 'too_many_signatures'
	| 'malformed_signature'
	| 'no_matching_signature';

export type Verification =
	| {
			ok: true;
			timestamp: number;
			tenant: string;
			eventId: string;
			/** The trusted key that verified the request (position in the credential and short id). */
			key: { position: number; id: string };
	  }
	| { ok: false; reason: VerificationFailure; message: string };

/** Header values by lower-case name: a header sent on several lines is an array of them, which verify() refuses. */
export type RequestHeaders = Record<string, string | string[] | undefined>;

export interface VerifierOptions {
	/** Maximum age, and maximum lead into the future, of X-Signature-Timestamp. */
	toleranceSeconds?: number;
	maxSignatures?: number;
}

/** Whole seconds since the epoch; twelve digits reach the year 33658, more is not a timestamp. */
const TIMESTAMP = /^\d{1,12}$/;
/**
 * Tenant and event id: visible ASCII without ':' (the separator of the signed message, so that no two header sets
 * sign the same bytes) and without ',' or spaces. TechWolf's tenants and event ids (UUIDs) fit easily.
 */
const MESSAGE_FIELD = /^[\x21-\x2b\x2d-\x39\x3b-\x7e]{1,256}$/;
const SIGNATURE_SEPARATOR = ',';

function fail(reason: VerificationFailure, message: string): Verification {
	return { ok: false, reason, message };
}

export class WebhookVerifier {
	private readonly keys: readonly TrustedKey[];
	private readonly toleranceSeconds: number;
	private readonly maxSignatures: number;

	/** `keys` is the credential text (validated and parsed here, throwing SigningKeyError) or already parsed keys. */
	constructor(keys: string | readonly TrustedKey[], options: VerifierOptions = {}) {
		this.keys = typeof keys === 'string' ? parseSigningKeys(keys) : keys;
		if (this.keys.length === 0) throw new RangeError('A verifier needs at least one trusted key');
		this.toleranceSeconds = options.toleranceSeconds ?? DEFAULT_TOLERANCE_SECONDS;
		this.maxSignatures = options.maxSignatures ?? DEFAULT_MAX_SIGNATURES;
		if (!Number.isInteger(this.toleranceSeconds) || this.toleranceSeconds < 1) {
			throw new RangeError('Timestamp Tolerance must be a whole number of seconds, at least 1');
		}
		if (!Number.isInteger(this.maxSignatures) || this.maxSignatures < 1) {
			throw new RangeError('The signature limit must be a whole number, at least 1');
		}
	}

	verify(headers: RequestHeaders, rawBody: Uint8Array | undefined, nowSeconds = Math.floor(Date.now() / 1000)) {
		if (!(rawBody instanceof Uint8Array)) {
			return fail('missing_body', 'The raw request body is not available, so the signature cannot be checked');
		}

		const read = readSignatureHeaders(headers);
		if ('ok' in read) return read;
		const { timestamp: timestampText, tenant, eventId, signatures: signatureList } = read;
		if (!TIMESTAMP.test(timestampText)) {
			return fail('malformed_header', `Header ${SIGNATURE_HEADERS.timestamp} must be whole seconds since the epoch`);
		}
		if (!MESSAGE_FIELD.test(tenant)) {
			return fail('malformed_header', `Header ${SIGNATURE_HEADERS.tenant} has characters a tenant name cannot have`);
		}
		if (!MESSAGE_FIELD.test(eventId)) {
			return fail('malformed_header', `Header ${SIGNATURE_HEADERS.eventId} has characters an event id cannot have`);
		}

		const timestamp = Number(timestampText);
		if (nowSeconds - timestamp > this.toleranceSeconds) {
			return fail('stale_timestamp', `The signature timestamp is older than ${this.toleranceSeconds} seconds`);
		}
		if (timestamp - nowSeconds > this.toleranceSeconds) {
			return fail('future_timestamp', `The signature timestamp is more than ${this.toleranceSeconds} seconds ahead`);
		}

		const entries = signatureList.split(SIGNATURE_SEPARATOR).map((entry) => entry.trim());
		if (entries.length > this.maxSignatures) {
			return fail(
				'too_many_signatures',
				`More than ${this.maxSignatures} signatures in ${SIGNATURE_HEADERS.signatures}`,
			);
		}
		// Every entry is decoded (and so checked) before any cryptography: one malformed entry rejects the request.
		const signatures = entries.map((entry) => decodeHex(entry, SIGNATURE_BYTES));
		if (!signatures.every((signature): signature is Uint8Array => signature !== undefined)) {
			return fail('malformed_signature', `Every entry of ${SIGNATURE_HEADERS.signatures} must be 128 hex characters`);
		}

		const message = signedMessage(timestampText, tenant, eventId, rawBody, reusedBuffer);
		for (const signature of signatures) {
			for (const trusted of this.keys) {
				if (verifyEd25519(trusted.key, message, signature)) {
					return {
						ok: true as const,
						timestamp,
						tenant,
						eventId,
						key: { position: trusted.position, id: trusted.id },
					};
				}
			}
		}
		return fail('no_matching_signature', 'No signature matches a configured TechWolf signing key');
	}
}

type SignatureHeaders = Record<keyof typeof SIGNATURE_HEADERS, string>;

/** The one value of each signature header, or the failure to report: absent, empty, or sent more than once. */
function readSignatureHeaders(headers: RequestHeaders): SignatureHeaders | Verification {
	const values: Partial<SignatureHeaders> = {};
	for (const field of HEADER_FIELDS) {
		const name = SIGNATURE_HEADERS[field];
		const value = headers[name];
		if (value === undefined || value === '') return fail('missing_header', `Header ${name} is missing`);
		if (typeof value !== 'string')
			return fail('repeated_header', `Header ${name} is sent more than once: send it on one line`);
		values[field] = value;
	}
	return values as SignatureHeaders;
}

const verifiers = new VerifierCache<WebhookVerifier>();

/** The verifier for the configured key text and options, built once (VerifierCache). Throws SigningKeyError. */
export function verifierFor(keysText: string, options: Required<VerifierOptions>): WebhookVerifier {
	const key = `${options.toleranceSeconds}|${options.maxSignatures}|${keysText}`;
	return verifiers.get(key, () => new WebhookVerifier(keysText, options));
}
