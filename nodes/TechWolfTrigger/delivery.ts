/**
 * What the trigger answers to one delivery, as a pure function of the request, the settings and the remembered ids.
 * The order follows TechWolf's contract and fails closed: source address, then signature and freshness (401), then
 * the CloudEvent itself (400), then what the user asked for (health checks, event types, duplicates), which are all
 * acknowledged with 200 because any other status makes TechWolf retry.
 */
import { HEALTH_CHECK_TYPE, parseCloudEvent, toEventItem, type TechWolfEventItem } from '../shared/events';
import {
	DEFAULT_MAX_SIGNATURES,
	DEFAULT_TOLERANCE_SECONDS,
	verifierFor,
	type RequestHeaders,
	type WebhookVerifier,
} from '../shared/signature';
import {
	rememberEvent,
	DEFAULT_WINDOW_MINUTES,
	MAX_REMEMBERED_EVENTS,
	type DeduplicationPolicy,
} from './deduplication';
import { ALL_EVENTS, type TriggerOptions } from './properties';
import { SourceAllowlist } from './sourceIp';

export interface Delivery {
	headers: RequestHeaders;
	rawBody: Uint8Array | undefined;
	clientAddress: string | undefined;
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
	const toleranceSeconds = options.toleranceSeconds ?? DEFAULT_TOLERANCE_SECONDS;
	const windowMinutes = options.deduplicationWindowMinutes ?? DEFAULT_WINDOW_MINUTES;
	if (!Number.isInteger(toleranceSeconds) || toleranceSeconds < 1) {
		throw new RangeError('Timestamp Tolerance must be a whole number of seconds, at least 1');
	}
	if (!Number.isFinite(windowMinutes) || windowMinutes < 0) {
		throw new RangeError('Deduplication Window must be 0 (off) or a positive number of minutes');
	}
	if (events.length === 0) throw new RangeError('Select at least one event under Events, or All Events');
	return {
		verifier: verifierFor(keysText, { toleranceSeconds, maxSignatures: DEFAULT_MAX_SIGNATURES }),
		events: events.includes(ALL_EVENTS) ? 'all' : new Set(events),
		emitHealthChecks: options.emitHealthChecks ?? false,
		emitUnknownTypes: options.emitUnknownTypes ?? false,
		expectedTenant: options.expectedTenant?.trim() || undefined,
		allowlist: new SourceAllowlist(options.allowedSources ?? [], options.customAllowedRanges ?? ''),
		deduplication: { windowSeconds: Math.round(windowMinutes * 60), maxEvents: MAX_REMEMBERED_EVENTS },
	};
}

export type ReplyBody = Record<string, string>;

export interface Outcome {
	status: 200 | 400 | 401 | 403;
	body: ReplyBody;
	/** Present when the workflow should start. */
	item?: TechWolfEventItem;
}

function rejected(status: 400 | 401 | 403, reason: string, message: string): Outcome {
	return { status, body: { status: 'rejected', reason, message } };
}

function acknowledged(result: string, fields: ReplyBody): Outcome {
	return { status: 200, body: { status: result, ...fields } };
}

export function handleDelivery(
	delivery: Delivery,
	settings: TriggerSettings,
	staticData: Record<string, unknown>,
	nowSeconds = Math.floor(Date.now() / 1000),
): Outcome {
	if (!settings.allowlist.isEmpty && !settings.allowlist.allows(delivery.clientAddress)) {
		return rejected(403, 'source_not_allowed', 'Requests from this address are not accepted');
	}

	const verification = settings.verifier.verify(delivery.headers, delivery.rawBody, nowSeconds);
	if (!verification.ok) return rejected(401, verification.reason, verification.message);
	if (settings.expectedTenant !== undefined && verification.tenant !== settings.expectedTenant) {
		return rejected(401, 'unexpected_tenant', 'Events of this tenant are not accepted here');
	}

	// verify() passed, so the raw body is present.
	const parsed = parseCloudEvent(delivery.rawBody as Uint8Array, verification);
	if (!parsed.ok) return rejected(400, 'invalid_cloudevent', parsed.message);
	const { event } = parsed.parsed;
	const ids = { eventId: event.id, eventType: event.type };

	if (event.type === HEALTH_CHECK_TYPE && !settings.emitHealthChecks) return acknowledged('ok', ids);
	if (parsed.parsed.known) {
		if (settings.events !== 'all' && !settings.events.has(event.type) && event.type !== HEALTH_CHECK_TYPE) {
			return acknowledged('ignored', { ...ids, reason: 'event type not selected' });
		}
	} else if (!(settings.emitUnknownTypes && settings.events === 'all')) {
		return acknowledged('ignored', { ...ids, reason: 'event type not known to this node' });
	}

	if (
		settings.deduplication.windowSeconds > 0 &&
		rememberEvent(staticData, event.id, nowSeconds, settings.deduplication) === 'duplicate'
	) {
		return acknowledged('duplicate', ids);
	}

	const item = toEventItem(parsed.parsed, {
		tenant: verification.tenant,
		timestamp: verification.timestamp,
		keyId: verification.key.id,
	});
	return { ...acknowledged('accepted', ids), item };
}
