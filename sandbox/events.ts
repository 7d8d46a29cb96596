/**
 * TechWolf's side of webhooks: builds the thin CloudEvents 1.0 TechWolf sends (Event Types page, seed 002), signs a
 * delivery with the one signer (`signer.ts`) and posts it. Event types come from the one catalog
 * (`nodes/shared/events/catalog.ts`); this module only knows how each kind of entity is addressed.
 */
import { randomUUID, type KeyObject } from 'node:crypto';
import { request } from 'node:http';

import { findEvent, type CatalogEntry } from '../nodes/shared/events/catalog';
import type { CloudEventEnvelope } from '../nodes/shared/events/cloudEvent';
import { createSandboxData, FIXTURE_IDS, isoSeconds, type JsonValue, type SandboxData } from './data';
import { signWebhookHeaders } from './signer';

/** `data` as TechWolf sends it: `tenant_name` plus the identifiers of the event's kind (none for the health check). */
export type BuiltEventData = {
	tenant_name?: string;
	external_id?: string;
	external_vendor?: string;
	operation_type?: string;
} & Record<string, JsonValue | undefined>;

export type BuiltEvent = CloudEventEnvelope<string, BuiltEventData>;

export interface BuildEventOptions {
	tenant: string;
	/** Defaults to a sandbox fixture of the event's kind (E1, J1, C1, a Workday skill, a taxonomy change). */
	externalId?: string;
	/** Skill events only; defaults to the vocabulary the skill belongs to in the sandbox (else `workday`). */
	externalVendor?: string;
	/** Taxonomy Updated only; defaults to the sandbox change's own operation type. */
	operationType?: string;
	/** Defaults to a random UUID. */
	id?: string;
	/** Defaults to now, as `2024-01-15T10:30:00Z`. */
	time?: string | Date;
	/** The API the event points at in `source`; defaults to `https://{tenant}.eu.techwolf.ai`. */
	apiBaseUrl?: string;
	/** Extra `data` fields, as TechWolf may add within a version; consumers must tolerate them. */
	extraData?: Record<string, JsonValue>;
}

/** The health check's `data` is `{}`, so the tenant of events built here is remembered for signing. */
const tenantOfBuiltEvent = new WeakMap<BuiltEvent, string>();

let sandboxDataForDefaults: SandboxData | undefined;
function fixtureData(): SandboxData {
	sandboxDataForDefaults ??= createSandboxData();
	return sandboxDataForDefaults;
}

/** Path of the changed resource, as in the `source` of the documented payloads. */
function resourcePath(entity: CatalogEntry['entity'], externalId: string): string {
	const id = encodeURIComponent(externalId);
	switch (entity) {
		case 'employee':
			return `/employees/${id}/skill_profile`;
		case 'job':
			return `/job_architecture/jobs/${id}/skill_profile`;
		case 'course':
			return `/courses/${id}/skill_profile`;
		case 'skill':
			return `/taxonomy/skills/${id}`;
		case 'taxonomy':
			return '/taxonomy/export';
		case 'tenant':
			return '/';
	}
}

function defaultExternalId(entry: CatalogEntry): string {
	switch (entry.entity) {
		case 'employee':
			return FIXTURE_IDS.employeeWithProfile;
		case 'job':
			return FIXTURE_IDS.job;
		case 'course':
			return FIXTURE_IDS.course;
		case 'skill':
			return entry.change === 'deleted' ? FIXTURE_IDS.deletedSkill : FIXTURE_IDS.workdaySkill;
		default:
			return FIXTURE_IDS.taxonomyChange;
	}
}

/** The vocabulary a sandbox skill belongs to, so that the API call the event suggests finds (or 404s) it. */
function defaultVendor(skillId: string): string {
	for (const [vocabulary, skills] of fixtureData().skills) if (skills.has(skillId)) return vocabulary;
	return FIXTURE_IDS.deletedSkillVendor;
}

function defaultOperationType(changeId: string): string {
	const change = fixtureData().taxonomyChanges.find((candidate) => candidate.external_id === changeId);
	return change?.operation_type ?? FIXTURE_IDS.taxonomyChangeOperationType;
}

/**
 * A CloudEvent of a catalog type, by full type (`ai.techwolf.taxonomy.skill.deleted.v1`) or short name
 * (`taxonomy.skill.deleted`). Options that do not apply to the type (a vendor on an employee event) are ignored.
 * A full `ai.techwolf.*` type the catalog does not know yields an entity-shaped event, for testing future types.
 */
export function buildEvent(typeOrName: string, options: BuildEventOptions): BuiltEvent {
	const entry = findEvent(typeOrName);
	const base = (options.apiBaseUrl ?? `https://${options.tenant}.eu.techwolf.ai`).replace(/\/+$/, '');
	let type: string;
	let source: string;
	let data: BuiltEventData;
	if (!entry) {
		if (!typeOrName.startsWith('ai.techwolf.')) {
			throw new Error(
				`Unknown event type "${typeOrName}"; use a catalog name or type (npm run send-event -- --type list)`,
			);
		}
		type = typeOrName;
		source = `${base}/`;
		data = {
			tenant_name: options.tenant,
			...(options.externalId !== undefined ? { external_id: options.externalId } : {}),
		};
	} else {
		type = entry.type;
		const externalId = options.externalId ?? defaultExternalId(entry);
		source = `${base}${resourcePath(entry.entity, externalId)}`;
		// Field order as in TechWolf's examples.
		switch (entry.data) {
			case 'none':
				data = {};
				break;
			case 'entity':
				data = { tenant_name: options.tenant, external_id: externalId };
				break;
			case 'skill':
				data = {
					tenant_name: options.tenant,
					external_id: externalId,
					external_vendor: options.externalVendor ?? defaultVendor(externalId),
				};
				break;
			case 'taxonomyChange':
				data = {
					tenant_name: options.tenant,
					operation_type: options.operationType ?? defaultOperationType(externalId),
					external_id: externalId,
				};
				break;
		}
	}
	const event: BuiltEvent = {
		specversion: '1.0',
		type,
		source,
		id: options.id ?? randomUUID(),
		time: options.time instanceof Date ? isoSeconds(options.time) : (options.time ?? isoSeconds(new Date())),
		data: { ...data, ...options.extraData },
	};
	tenantOfBuiltEvent.set(event, options.tenant);
	return event;
}

export interface SignedDelivery {
	event: BuiltEvent;
	/** The exact JSON bytes that were signed. */
	body: Buffer;
	headers: Record<string, string>;
}

export interface SignDeliveryOptions {
	privateKeys: readonly KeyObject[];
	/** Seconds since the epoch; now by default. */
	timestamp?: number | string;
	/** X-Tenant; defaults to `data.tenant_name`, or the tenant the event was built for (health checks). */
	tenant?: string;
}

export function signedDelivery(event: BuiltEvent, options: SignDeliveryOptions): SignedDelivery {
	const tenant = options.tenant ?? event.data.tenant_name ?? tenantOfBuiltEvent.get(event);
	if (!tenant) throw new Error('signedDelivery needs a tenant: the event has no data.tenant_name; pass options.tenant');
	const body = Buffer.from(JSON.stringify(event), 'utf8');
	const headers = signWebhookHeaders({
		body,
		tenant,
		eventId: event.id,
		privateKeys: options.privateKeys,
		...(options.timestamp !== undefined ? { timestamp: options.timestamp } : {}),
	});
	return { event, body, headers };
}

export interface DeliveryReply {
	status: number;
	contentType: string;
	/** The reply body as text (n8n answers JSON; a proxy might not). */
	body: string;
}

/** Header values to send: a string is one line, an array one line per value (a repeated header). */
export type HeaderLines = Record<string, string | readonly string[]>;

function oneLineEach(headers: HeaderLines): headers is Record<string, string> {
	return Object.values(headers).every((value) => typeof value === 'string');
}

/**
 * POSTs a signed delivery as TechWolf does (15 s timeout, like TechWolf's). A header given as an array is sent on one
 * line per value, which fetch() cannot do (it folds them into one line): a sender repeating Authorization or a
 * signature header shows one value to n8n (Node keeps the first Authorization line and joins the others) and another
 * to a proxy that reads another line.
 */
export async function postDelivery(
	url: string,
	delivery: { body: Uint8Array; headers: HeaderLines },
	timeoutMs = 15_000,
): Promise<DeliveryReply> {
	const { body, headers } = delivery;
	if (!oneLineEach(headers)) return await postWithNodeHttp(url, body, headers, timeoutMs);
	const response = await fetch(url, { method: 'POST', headers, body, signal: AbortSignal.timeout(timeoutMs) });
	return {
		status: response.status,
		contentType: response.headers.get('content-type') ?? '',
		body: await response.text(),
	};
}

async function postWithNodeHttp(
	url: string,
	body: Uint8Array,
	headers: HeaderLines,
	timeoutMs: number,
): Promise<DeliveryReply> {
	return await new Promise<DeliveryReply>((resolve, reject) => {
		const outgoing = request(url, {
			method: 'POST',
			headers: { ...headers, 'content-length': String(body.length) },
			signal: AbortSignal.timeout(timeoutMs),
		});
		outgoing.on('response', (response) => {
			const chunks: Buffer[] = [];
			response.on('data', (chunk: Buffer) => chunks.push(chunk));
			response.on('error', reject);
			response.on('end', () =>
				resolve({
					status: response.statusCode ?? 0,
					contentType: response.headers['content-type'] ?? '',
					body: Buffer.concat(chunks).toString('utf8'),
				}),
			);
		});
		outgoing.on('error', reject);
		outgoing.end(body);
	});
}
