/**
 * One delivery: the request as the trigger reads it (readDelivery()), and what it answers (handleDelivery(), a pure
 * function of the request, the settings and the remembered ids).
 */
import { sleep, type IWebhookFunctions } from 'n8n-workflow';

import { HEALTH_CHECK_TYPE, parseCloudEvent, toEventItem } from '../shared/events';
import type { ReadToken } from './verification/accessToken';
import type { RequestHeaders } from './verification/signature';
import { claimEvent, type Claim, type HeldClaim, type RememberedIds } from './deduplication';
import { log } from './log';
import { acknowledged, rejected, type Outcome } from './replies';
import type { TriggerSettings } from './settings';

export interface Delivery {
	headers: RequestHeaders;
	rawBody: Uint8Array | undefined;
	clientAddress: string | undefined;
}

/**
 * The request as handleDelivery() reads it. n8n may not have read the raw body yet; a body that cannot be read stays
 * missing, which the verifier rejects. Throws when the request has no header lines (see headersAsSent()).
 */
export async function readDelivery(context: IWebhookFunctions): Promise<Delivery> {
	const request = context.getRequestObject();
	// Node's IncomingMessage always has rawHeaders. A request object without them (a wrapper n8n does not use today)
	// would hide a repeated Authorization line, so it fails closed: the caller answers 500 (the receiver's problem;
	// TechWolf retries) rather than accept a request whose headers a proxy may read differently.
	const rawHeaders: unknown = request.rawHeaders;
	if (!Array.isArray(rawHeaders)) {
		throw new Error('n8n handed over the request without its header lines (rawHeaders); every delivery is refused');
	}
	if (!(request.rawBody instanceof Uint8Array) && typeof request.readRawBody === 'function') {
		try {
			await request.readRawBody();
		} catch (error) {
			log(context.logger, 'warn', `TechWolf Trigger could not read the request body: ${(error as Error).message}`);
		}
	}
	return {
		headers: headersAsSent(rawHeaders as string[]),
		rawBody: request.rawBody instanceof Uint8Array ? request.rawBody : undefined,
		clientAddress: request.ip,
	};
}

/**
 * The request's headers line by line as sent (Node's `rawHeaders`): lower-case names, a header sent on one line a
 * string, on several lines an array of all of them, which the verifiers refuse. Node's `req.headers` (what
 * getHeaderData() returns) cannot show a repeat: it keeps only the first Authorization line and joins repeated X-*
 * lines with ", ", so a proxy reading the second line would see another token or signature than n8n.
 */
export function headersAsSent(rawHeaders: readonly string[]): RequestHeaders {
	// No prototype: a header named __proto__ is a header like any other.
	const headers = Object.create(null) as Record<string, string | string[]>;
	for (let index = 0; index + 1 < rawHeaders.length; index += 2) {
		const name = (rawHeaders[index] as string).toLowerCase();
		const value = rawHeaders[index + 1] as string;
		const earlier = headers[name];
		headers[name] = earlier === undefined ? value : [...(Array.isArray(earlier) ? earlier : [earlier]), value];
	}
	return headers;
}

/**
 * The order follows TechWolf's contract and fails closed, cheapest check first: source address (403); with Require
 * Access Token, the token's form and claims (401, no cryptography); the signature and freshness (401); then the
 * token's signature (401), which may fetch the JWKS, so that only a request TechWolf signed can make n8n call the
 * authorization server (a JWKS that cannot be loaded is a 503, so that TechWolf delivers again); then the CloudEvent
 * itself (400); then what the user asked for (health checks, event types, duplicates), which are all acknowledged
 * with 200 because any other status makes TechWolf retry. An accepted event's claim is settled by its answer.
 */
export async function handleDelivery(
	delivery: Delivery,
	settings: TriggerSettings,
	remembered: RememberedIds,
	nowSeconds = Math.floor(Date.now() / 1000),
): Promise<Outcome> {
	if (!settings.allowlist.isEmpty && !settings.allowlist.allows(delivery.clientAddress)) {
		return rejected(403, 'source_not_allowed', 'Requests from this address are not accepted');
	}

	// The token read now, its signature checked after TechWolf's.
	let token: ReadToken | undefined;
	if (settings.accessToken) {
		const reading = settings.accessToken.verifier.read(delivery.headers.authorization, nowSeconds);
		if (!reading.ok) return rejected(reading.status, reading.reason, reading.message, reading.detail);
		token = reading.token;
	}

	const verification = settings.verifier.verify(delivery.headers, delivery.rawBody, nowSeconds);
	if (!verification.ok) return rejected(401, verification.reason, verification.message);
	if (settings.expectedTenant !== undefined && verification.tenant !== settings.expectedTenant) {
		return rejected(401, 'unexpected_tenant', 'Events of this tenant are not accepted here');
	}

	if (settings.accessToken) {
		const { verifier, fetchJwks } = settings.accessToken;
		const check = await verifier.verifySignature(token as ReadToken, fetchJwks, nowSeconds);
		if (!check.ok) return rejected(check.status, check.reason, check.message, check.detail);
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

	let claim: HeldClaim | undefined;
	if (settings.deduplication.windowSeconds > 0) {
		const found = await claimAfterInFlight(remembered, event.id, nowSeconds, settings);
		if (found.status === 'duplicate') return acknowledged('duplicate', ids);
		if (found.status === 'in_flight') {
			return rejected(
				503,
				'in_progress',
				'An earlier delivery of this event is still being recorded; deliver it again',
			);
		}
		claim = found;
	}

	const item = toEventItem(parsed.parsed, {
		tenant: verification.tenant,
		timestamp: verification.timestamp,
		keyId: verification.key.id,
	});
	return { ...acknowledged('accepted', ids), item, ...(claim ? { claim } : {}) };
}

async function claimAfterInFlight(
	remembered: RememberedIds,
	eventId: string,
	nowSeconds: number,
	settings: TriggerSettings,
): Promise<Claim> {
	const deadline = Date.now() + settings.inFlightWaitMs;
	for (;;) {
		const claim = claimEvent(remembered, eventId, nowSeconds, settings.deduplication);
		if (claim.status !== 'in_flight') return claim;
		const waitMs = deadline - Date.now();
		if (waitMs <= 0 || (await settledWithin(claim.settled, waitMs)) === undefined) return claim;
	}
}

/** The promise's value, or undefined once `ms` have passed. */
async function settledWithin<T>(promise: Promise<T>, ms: number): Promise<T | undefined> {
	return await Promise.race([promise, sleep(ms).then(() => undefined)]);
}
