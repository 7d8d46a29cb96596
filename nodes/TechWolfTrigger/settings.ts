/**
 * The trigger's settings: what the node's options mean, checked once, from the credential's keys and the node's
 * parameters. Activation and every request read them through loadSettings(), so a mistake that fails one fails both,
 * with the same message.
 */
import type { ICredentialDataDecryptedObject, IHookFunctions, IWebhookFunctions } from 'n8n-workflow';

import type { AccessTokenVerifier, JwksFetcher } from './verification/accessToken';
import {
	ACCESS_TOKEN_CREDENTIAL,
	accessTokenVerifierFor,
	type AccessTokenKeySource,
} from './verification/accessToken/credential';
import {
	DEFAULT_MAX_SIGNATURES,
	DEFAULT_TOLERANCE_SECONDS,
	SIGNING_KEYS_CREDENTIAL,
	verifierFor,
	type WebhookVerifier,
} from './verification/signature';
import { DEFAULT_WINDOW_MINUTES, STORED_MAX_EVENTS, type DeduplicationPolicy } from './deduplication';
import { ALL_EVENTS } from './properties';
import { SourceAllowlist, type SourcePreset } from './sourceIp';

/**
 * How long a copy waits for an earlier delivery of its event to be recorded in this process, below TechWolf's 15 s
 * timeout. It then answers `duplicate` if that run was recorded, runs the event if it was not, and otherwise answers
 * 503 so that TechWolf delivers it again: a copy is never acknowledged before its event is recorded.
 */
export const IN_FLIGHT_WAIT_MS = 10_000;

/** The node's Options collection as n8n hands it over (see properties.ts). */
export interface TriggerOptions {
	allowedSources?: SourcePreset[];
	customAllowedRanges?: string;
	deduplicationWindowMinutes?: number;
	emitHealthChecks?: boolean;
	emitUnknownTypes?: boolean;
	expectedTenant?: string;
	toleranceSeconds?: number;
}

export interface TriggerSettings {
	verifier: WebhookVerifier;
	/** Selected event types, or 'all'. */
	events: ReadonlySet<string> | 'all';
	emitHealthChecks: boolean;
	emitUnknownTypes: boolean;
	expectedTenant: string | undefined;
	allowlist: SourceAllowlist;
	/** `windowSeconds` 0 turns deduplication off. */
	deduplication: DeduplicationPolicy;
	/** How long a copy waits for an earlier delivery of its event in flight here (`IN_FLIGHT_WAIT_MS`). */
	inFlightWaitMs: number;
	/** Set when Require Access Token is on: the verifier, and how it fetches a JWKS (n8n's request helper). */
	accessToken?: { verifier: AccessTokenVerifier; fetchJwks: JwksFetcher };
}

/** TechWolf waits 15 s for an answer; a JWKS that takes longer than this is treated as unavailable. */
const JWKS_TIMEOUT_MS = 5000;

/** Builds the settings from the credential's key text and the node's parameters; throws with a message to act on. */
export function triggerSettings(
	keysText: string,
	events: readonly string[],
	options: TriggerOptions,
	accessToken?: TriggerSettings['accessToken'],
): TriggerSettings {
	const windowMinutes = options.deduplicationWindowMinutes ?? DEFAULT_WINDOW_MINUTES;
	if (!Number.isFinite(windowMinutes) || windowMinutes < 0) {
		throw new RangeError('Deduplication Window must be 0 (off) or a positive number of minutes');
	}
	if (events.length === 0) throw new RangeError('Select at least one event under Events, or All Events');
	return {
		// The verifier checks the tolerance, the one place that knows what it must be.
		verifier: verifierFor(keysText, {
			toleranceSeconds: options.toleranceSeconds ?? DEFAULT_TOLERANCE_SECONDS,
			maxSignatures: DEFAULT_MAX_SIGNATURES,
		}),
		events: events.includes(ALL_EVENTS) ? 'all' : new Set(events),
		emitHealthChecks: options.emitHealthChecks ?? false,
		emitUnknownTypes: options.emitUnknownTypes ?? false,
		expectedTenant: options.expectedTenant?.trim() || undefined,
		allowlist: new SourceAllowlist(options.allowedSources ?? [], options.customAllowedRanges ?? ''),
		deduplication: { windowSeconds: Math.round(windowMinutes * 60), maxEvents: STORED_MAX_EVENTS },
		inFlightWaitMs: IN_FLIGHT_WAIT_MS,
		...(accessToken ? { accessToken } : {}),
	};
}

/**
 * How long a request may reuse what an earlier request read from the same credential. Reading a credential costs n8n
 * an expression isolate per request (bench/README.md, "The end-to-end gap"). The trigger's credentials
 * hold no secrets (public keys; a JWKS URL, issuer and audience), and a change to one takes effect within this time
 * (README, "Signing keys").
 */
export const CREDENTIAL_REUSE_SECONDS = 60;
const CACHED_CREDENTIALS = 100;
const credentialCache = new Map<string, { data: ICredentialDataDecryptedObject; readAtMs: number }>();

/** The credential of `type`; each request may reuse what was read for the same credential id within the cache time. */
async function publicCredential(
	context: IHookFunctions | IWebhookFunctions,
	type: string,
	reuse: boolean,
): Promise<ICredentialDataDecryptedObject> {
	const credentialId = context.getNode().credentials?.[type]?.id ?? undefined;
	const key = credentialId === undefined ? undefined : `${type} ${credentialId}`;
	const nowMs = Date.now();
	const cached = key === undefined ? undefined : credentialCache.get(key);
	if (reuse && cached && nowMs - cached.readAtMs < CREDENTIAL_REUSE_SECONDS * 1000) return cached.data;

	const data = await context.getCredentials(type);
	if (key !== undefined) {
		credentialCache.delete(key);
		if (credentialCache.size >= CACHED_CREDENTIALS) {
			credentialCache.delete(credentialCache.keys().next().value as string);
		}
		credentialCache.set(key, { data, readAtMs: nowMs });
	}
	return data;
}

/**
 * The settings of the running node: its credential and parameters. Activation always reads the credential, so that
 * publishing checks the keys as they are now; requests may reuse credentials read within `CREDENTIAL_REUSE_SECONDS`.
 */
export async function loadSettings(
	context: IHookFunctions | IWebhookFunctions,
	{ reuseCredentials = false } = {},
): Promise<TriggerSettings> {
	const signing = await publicCredential(context, SIGNING_KEYS_CREDENTIAL, reuseCredentials);
	const keysText = typeof signing.publicKeys === 'string' ? signing.publicKeys : '';
	const events = context.getNodeParameter('events', []) as string[];
	const options = context.getNodeParameter('options', {}) as TriggerOptions;
	let accessToken: TriggerSettings['accessToken'];
	if (context.getNodeParameter('requireAccessToken', false) === true) {
		const source = context.getNodeParameter('accessTokenKeys', 'jwks') as AccessTokenKeySource;
		accessToken = {
			verifier: accessTokenVerifierFor(
				source,
				await publicCredential(context, ACCESS_TOKEN_CREDENTIAL[source], reuseCredentials),
			),
			fetchJwks: async (url) =>
				await context.helpers.httpRequest({
					method: 'GET',
					url,
					headers: { accept: 'application/json' },
					encoding: 'text',
					json: false,
					timeout: JWKS_TIMEOUT_MS,
				}),
		};
	}
	return triggerSettings(keysText, events, options, accessToken);
}
