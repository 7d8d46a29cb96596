/**
 * The trigger's settings: what the node's options mean, checked once, from the credential's keys and the node's
 * parameters. Activation and every request read them through loadSettings(), so a mistake that fails one fails both,
 * with the same message.
 */
import type { IHookFunctions, IWebhookFunctions } from 'n8n-workflow';

import {
	DEFAULT_MAX_SIGNATURES,
	DEFAULT_TOLERANCE_SECONDS,
	verifierFor,
	type WebhookVerifier,
} from '../shared/signature';
import { DEFAULT_WINDOW_MINUTES, MAX_REMEMBERED_EVENTS, type DeduplicationPolicy } from './deduplication';
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
}

/** Builds the settings from the credential's key text and the node's parameters; throws with a message to act on. */
export function triggerSettings(keysText: string, events: readonly string[], options: TriggerOptions): TriggerSettings {
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
		deduplication: { windowSeconds: Math.round(windowMinutes * 60), maxEvents: MAX_REMEMBERED_EVENTS },
	};
}

/** The settings of the running node: its credential and parameters, as activation and each request see them. */
export async function loadSettings(context: IHookFunctions | IWebhookFunctions): Promise<TriggerSettings> {
	const credentials = await context.getCredentials('techWolfWebhookApi');
	const keysText = typeof credentials.publicKeys === 'string' ? credentials.publicKeys : '';
	const events = context.getNodeParameter('events', []) as string[];
	const options = context.getNodeParameter('options', {}) as TriggerOptions;
	return triggerSettings(keysText, events, options);
}
