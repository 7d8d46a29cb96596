/**
 * The trigger's settings: what the node's options mean, checked once, from the credential's keys and the node's
 * parameters. Activation and every request read them through loadSettings(), so a mistake that fails one fails both,
 * with the same message.
 */
import type { IHookFunctions, IWebhookFunctions } from 'n8n-workflow';

import type { AccessTokenVerifier, JwksFetcher } from '../shared/accessToken';
import {
	ACCESS_TOKEN_CREDENTIAL,
	accessTokenVerifierFor,
	type AccessTokenKeySource,
} from '../shared/accessToken/credential';
import {
	DEFAULT_MAX_SIGNATURES,
	DEFAULT_TOLERANCE_SECONDS,
	verifierFor,
	type WebhookVerifier,
} from '../shared/signature';
import { DEFAULT_WINDOW_MINUTES, STORED_MAX_EVENTS, type DeduplicationPolicy } from './deduplication';
import { ALL_EVENTS } from './properties';
import { SourceAllowlist, type SourcePreset } from './sourceIp';

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
		...(accessToken ? { accessToken } : {}),
	};
}

/**
 * How long a request may reuse the signing keys an earlier request read from the same credential. Reading a
 * credential costs n8n an expression isolate per request (bench/README.md, "The end-to-end gap"); public
 * keys are not secrets, and a key removed from the credential stops verifying within this time (README, "Signing
 * keys").
 */
export const SIGNING_KEYS_CACHE_SECONDS = 60;
const CACHED_CREDENTIALS = 100;
const signingKeysCache = new Map<string, { keysText: string; readAtMs: number }>();

/** The credential's key text; each request may reuse what was read for the same credential id within the cache time. */
async function signingKeysText(context: IHookFunctions | IWebhookFunctions, reuse: boolean): Promise<string> {
	const credentialId = context.getNode().credentials?.techWolfWebhookApi?.id ?? undefined;
	const nowMs = Date.now();
	const cached = credentialId === undefined ? undefined : signingKeysCache.get(credentialId);
	if (reuse && cached && nowMs - cached.readAtMs < SIGNING_KEYS_CACHE_SECONDS * 1000) return cached.keysText;

	const credentials = await context.getCredentials('techWolfWebhookApi');
	const keysText = typeof credentials.publicKeys === 'string' ? credentials.publicKeys : '';
	if (credentialId !== undefined) {
		signingKeysCache.delete(credentialId);
		if (signingKeysCache.size >= CACHED_CREDENTIALS) {
			signingKeysCache.delete(signingKeysCache.keys().next().value as string);
		}
		signingKeysCache.set(credentialId, { keysText, readAtMs: nowMs });
	}
	return keysText;
}

/**
 * The settings of the running node: its credential and parameters. Activation always reads the credential, so that
 * publishing checks the keys as they are now; requests may reuse keys read within `SIGNING_KEYS_CACHE_SECONDS`.
 */
export async function loadSettings(
	context: IHookFunctions | IWebhookFunctions,
	{ reuseSigningKeys = false } = {},
): Promise<TriggerSettings> {
	const keysText = await signingKeysText(context, reuseSigningKeys);
	const events = context.getNodeParameter('events', []) as string[];
	const options = context.getNodeParameter('options', {}) as TriggerOptions;
	let accessToken: TriggerSettings['accessToken'];
	if (context.getNodeParameter('requireAccessToken', false) === true) {
		const source = context.getNodeParameter('accessTokenKeys', 'jwks') as AccessTokenKeySource;
		accessToken = {
			verifier: accessTokenVerifierFor(source, await context.getCredentials(ACCESS_TOKEN_CREDENTIAL[source])),
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
