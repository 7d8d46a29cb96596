/**
 * TechWolf's thin CloudEvents 1.0: the typed shapes (derived from the catalog, so a new catalog entry is typed too),
 * the strict parser the trigger applies to a verified body, and the flat item both nodes agree on.
 */
import { describeType, findEventType, type CatalogEntry, type EVENT_DEFINITIONS, type EventDataShape } from './catalog';

export interface EntityEventData {
	tenant_name: string;
	external_id: string;
}
export interface SkillEventData extends EntityEventData {
	external_vendor: string;
}
export interface TaxonomyChangeEventData extends EntityEventData {
	operation_type: string;
}
/** TechWolf may add fields to `data` within a version; they are kept, and typed as unknown. */
type Open<T> = T & Record<string, unknown>;

type DataFor<Shape extends EventDataShape> = Shape extends 'entity'
	? Open<EntityEventData>
	: Shape extends 'skill'
		? Open<SkillEventData>
		: Shape extends 'taxonomyChange'
			? Open<TaxonomyChangeEventData>
			: Open<{ tenant_name?: string }>;

export interface CloudEventEnvelope<Type extends string, Data> {
	specversion: '1.0';
	type: Type;
	source: string;
	id: string;
	time: string;
	data: Data;
}

type Entry = (typeof EVENT_DEFINITIONS)[number];

/** One member per catalog entry, discriminated by `type`. */
export type TechWolfCloudEvent = {
	[E in Entry as E['type']]: CloudEventEnvelope<E['type'], DataFor<E['data']>>;
}[Entry['type']];

/** An event whose type (or version) the catalog does not know yet. */
export type UnknownCloudEvent = CloudEventEnvelope<string, Record<string, unknown>>;

export type ParsedEvent =
	{ known: true; entry: CatalogEntry; event: TechWolfCloudEvent } | { known: false; event: UnknownCloudEvent };

export type ParseResult = { ok: true; parsed: ParsedEvent } | { ok: false; message: string };

/** What the transport headers said, which the body must agree with. */
export interface EnvelopeExpectations {
	eventId: string;
	tenant: string;
}

const REQUIRED_DATA_FIELDS: Record<EventDataShape, readonly string[]> = {
	entity: ['external_id'],
	skill: ['external_id', 'external_vendor'],
	taxonomyChange: ['operation_type', 'external_id'],
	none: [],
};

const utf8 = new TextDecoder('utf-8', { fatal: true });

function isObject(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function nonEmptyString(value: unknown): value is string {
	return typeof value === 'string' && value.length > 0;
}

/**
 * Parses the raw bytes of a (verified) request as a TechWolf CloudEvent. Anything else is a bad request, and the
 * message says which field is wrong. The bytes, not n8n's parsed body, are the source of truth: they are what was
 * signed.
 */
export function parseCloudEvent(rawBody: Uint8Array, expected: EnvelopeExpectations): ParseResult {
	let text: string;
	try {
		text = utf8.decode(rawBody);
	} catch {
		return { ok: false, message: 'The body is not valid UTF-8' };
	}
	let body: unknown;
	try {
		body = JSON.parse(text);
	} catch {
		return { ok: false, message: 'The body is not JSON' };
	}
	if (!isObject(body)) return { ok: false, message: 'The body is not a JSON object' };
	if (body.specversion !== '1.0') return { ok: false, message: 'specversion must be "1.0"' };
	for (const field of ['type', 'id', 'time'] as const) {
		if (!nonEmptyString(body[field])) return { ok: false, message: `${field} is missing or not a string` };
	}
	if (body.source !== undefined && typeof body.source !== 'string') {
		return { ok: false, message: 'source is not a string' };
	}
	if (!isObject(body.data)) return { ok: false, message: 'data is missing or not an object' };
	if (body.id !== expected.eventId) return { ok: false, message: 'The body id differs from X-Event-Id' };
	const data = body.data;
	if (data.tenant_name !== undefined && data.tenant_name !== expected.tenant) {
		return { ok: false, message: 'data.tenant_name differs from X-Tenant' };
	}

	const envelope = {
		specversion: '1.0' as const,
		type: body.type as string,
		source: (body.source as string | undefined) ?? '',
		id: body.id,
		time: body.time as string,
		data,
	};
	const entry = findEventType(envelope.type);
	if (!entry) return { ok: true, parsed: { known: false, event: envelope } };
	for (const field of REQUIRED_DATA_FIELDS[entry.data]) {
		if (!nonEmptyString(data[field])) {
			return { ok: false, message: `data.${field} is missing or not a string for ${entry.type}` };
		}
	}
	return { ok: true, parsed: { known: true, entry, event: envelope as TechWolfCloudEvent } };
}

/**
 * The item the trigger emits and the action node's Event → Get Resource reads: the CloudEvent as received, plus flat
 * fields a low-code user can map without digging into `data`. Absent identifiers are null, never missing, so that
 * expressions such as {{ $json.externalVendor }} always resolve.
 */
export interface TechWolfEventItem {
	[key: string]: string | number | boolean | null | object;
	eventId: string;
	eventType: string;
	eventName: string;
	entity: string;
	change: string | null;
	version: number | null;
	knownType: boolean;
	externalId: string | null;
	tenant: string;
	externalVendor: string | null;
	operationType: string | null;
	time: string;
	source: string;
	/** The API call that returns the authoritative state, e.g. GET /employees/E1/skill_profile. */
	apiCall: string | null;
	/** Short id (first 16 hex characters) of the configured public key that verified the signature. */
	verifiedByKey: string;
	signatureTimestamp: number;
	cloudEvent: UnknownCloudEvent;
}

function stringOrNull(value: unknown): string | null {
	return typeof value === 'string' ? value : null;
}

export function toEventItem(
	parsed: ParsedEvent,
	verification: { tenant: string; timestamp: number; keyId: string },
): TechWolfEventItem {
	const { event } = parsed;
	const data = event.data as Record<string, unknown>;
	const externalId = stringOrNull(data.external_id);
	const externalVendor = stringOrNull(data.external_vendor);
	const described = parsed.known
		? {
				name: parsed.entry.name,
				entity: parsed.entry.entity,
				change: parsed.entry.change,
				version: parsed.entry.version,
			}
		: { ...describeType(event.type), change: null };
	return {
		eventId: event.id,
		eventType: event.type,
		eventName: described.name,
		entity: described.entity,
		change: described.change,
		version: described.version,
		knownType: parsed.known,
		externalId,
		tenant: verification.tenant,
		externalVendor,
		operationType: stringOrNull(data.operation_type),
		time: event.time,
		source: event.source,
		apiCall: parsed.known ? apiCallFor(parsed.entry, externalId, externalVendor) : null,
		verifiedByKey: verification.keyId,
		signatureTimestamp: verification.timestamp,
		cloudEvent: event as UnknownCloudEvent,
	};
}

function apiCallFor(entry: CatalogEntry, externalId: string | null, externalVendor: string | null): string | null {
	if (entry.resolvedBy.resource === 'none') return null;
	return entry.apiCall
		.replace('{external_id}', externalId ?? '{external_id}')
		.replace('{external_vendor}', externalVendor ?? '');
}
