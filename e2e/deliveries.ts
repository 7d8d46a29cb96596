/**
 * Webhook deliveries for the e2e suite: signed as TechWolf signs them (through the sandbox's one signer), tampered in
 * one way each, posted over real HTTP, and the trigger's reply checked. A reply is checked for the trigger's own JSON
 * shape as well as its status, which is how a test tells the trigger's answer from one n8n wrote itself (n8n answers
 * 422 for unparsable JSON and 500 when a workflow fails to start, in its own format).
 */
import * as assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';

import type { SigningKeyPair } from '../sandbox/signer';
import { signWebhookHeaders } from '../sandbox/signer';
import {
	buildEvent,
	postDelivery,
	signedDelivery,
	type BuildEventOptions,
	type BuiltEvent,
	type HeaderLines,
} from '../sandbox/events';
import { FIXTURE_IDS } from '../sandbox/data';

export const TENANT = FIXTURE_IDS.tenant;

export interface Delivery {
	body: Uint8Array;
	/** An array is sent as one line per value: a repeated header. */
	headers: HeaderLines;
}

export interface SignedEventDelivery extends Delivery {
	headers: Record<string, string>;
	event: BuiltEvent;
	/** X-Signature-Timestamp as sent. */
	timestamp: number;
}

export interface WebhookReply {
	status: number;
	contentType: string;
	text: string;
	/** The parsed JSON body, or undefined when the reply was not JSON. */
	json: unknown;
}

/** What the trigger answers (nodes/TechWolfTrigger/delivery.ts): acknowledgements and rejections. */
export interface TriggerReply {
	status: string;
	eventId?: string;
	eventType?: string;
	reason?: string;
	message?: string;
}

export function nowSeconds(): number {
	return Math.floor(Date.now() / 1000);
}

/** A fresh event of a catalog type with a unique id, addressed at the sandbox's fixtures. */
export function newEvent(typeOrName: string, options: Partial<BuildEventOptions> = {}): BuiltEvent {
	return buildEvent(typeOrName, { tenant: TENANT, ...options });
}

/** Signed with the given keys (all of them, as during a rotation) at `timestamp` (now by default). */
export function sign(
	event: BuiltEvent,
	keys: readonly SigningKeyPair[],
	timestamp: number = nowSeconds(),
): SignedEventDelivery {
	const delivery = signedDelivery(event, { privateKeys: keys.map((key) => key.privateKey), timestamp });
	return { event, body: delivery.body, headers: delivery.headers, timestamp };
}

/** Signs arbitrary bytes (not necessarily a CloudEvent) the way TechWolf signs a delivery. */
export function signBytes(
	body: Uint8Array,
	key: SigningKeyPair,
	options: { eventId: string; contentType: string },
): Delivery {
	const headers = signWebhookHeaders({ body, tenant: TENANT, eventId: options.eventId, privateKeys: [key.privateKey] });
	return { body, headers: { ...headers, 'content-type': options.contentType } };
}

/** 64 random bytes as hex: what a forger without the private key can put in X-Signature-V1. */
export function forgedSignatureHex(): string {
	return randomBytes(64).toString('hex');
}

/**
 * The delivery's body with `marker` replaced by `replacement`, two strings of the same byte length that differ in
 * exactly one byte: a body changed by one byte that is still valid JSON (n8n would answer 422 for broken JSON before
 * the trigger sees it).
 */
export function withOneByteChanged(delivery: Delivery, marker: string, replacement: string): Delivery {
	const from = Buffer.from(marker);
	const to = Buffer.from(replacement);
	assert.equal(from.length, to.length, 'marker and replacement must have the same byte length');
	assert.equal(
		from.reduce((differing, byte, index) => differing + (byte === to[index] ? 0 : 1), 0),
		1,
		'marker and replacement must differ in exactly one byte',
	);
	const body = Buffer.from(delivery.body);
	const at = body.indexOf(from);
	assert.ok(at >= 0, `the body has no ${marker} to change`);
	to.copy(body, at);
	return { body, headers: delivery.headers };
}

export function withoutHeader(delivery: Delivery, name: string): Delivery {
	const headers = { ...delivery.headers };
	assert.ok(name in headers, `the delivery has no ${name} header to drop`);
	delete headers[name];
	return { body: delivery.body, headers };
}

/** The delivery with header `name` sent on two lines: its own value, then `second` (by default the same again). */
export function withHeaderTwice(delivery: Delivery, name: string, second?: string): Delivery {
	const value = delivery.headers[name];
	assert.ok(typeof value === 'string', `the delivery has no ${name} header to repeat`);
	return { body: delivery.body, headers: { ...delivery.headers, [name]: [value, second ?? value] } };
}

export function isValidUtf8(bytes: Uint8Array): boolean {
	try {
		new TextDecoder('utf-8', { fatal: true }).decode(bytes);
		return true;
	} catch {
		return false;
	}
}

/** POSTs a delivery as TechWolf does (sandbox `postDelivery`: 15 s timeout) and parses the reply when it is JSON. */
export async function post(url: string, delivery: Delivery): Promise<WebhookReply> {
	const reply = await postDelivery(url, delivery);
	let json: unknown;
	try {
		json = JSON.parse(reply.body);
	} catch {
		json = undefined;
	}
	return { status: reply.status, contentType: reply.contentType, text: reply.body, json };
}

function describe(reply: WebhookReply): string {
	return `${reply.status} ${reply.contentType} ${reply.text.slice(0, 300)}`;
}

/** The reply is the trigger's own JSON (not n8n's error format) with this HTTP status. */
function triggerReply(reply: WebhookReply, status: number): TriggerReply {
	assert.ok(
		reply.contentType.startsWith('application/json'),
		`expected the trigger's JSON reply, got ${describe(reply)}`,
	);
	assert.equal(reply.status, status, `expected HTTP ${status} from the trigger, got ${describe(reply)}`);
	const body = reply.json as TriggerReply;
	assert.ok(typeof body === 'object' && body !== null, `expected a JSON object, got ${describe(reply)}`);
	return body;
}

/** 200 with `{status: <acknowledgement>, eventId, eventType}`, as the trigger acknowledges a verified event. */
export function assertAcknowledged(reply: WebhookReply, acknowledgement: string, event: BuiltEvent): void {
	const body = triggerReply(reply, 200);
	assert.deepEqual(
		body,
		{ status: acknowledgement, eventId: event.id, eventType: event.type },
		`expected ${acknowledgement}, got ${describe(reply)}`,
	);
}

/**
 * `{status: 'rejected', reason, message}` with the status the trigger chose: proof that n8n passed the trigger's
 * answer through rather than answering itself (422, 500).
 */
export function assertRejected(reply: WebhookReply, status: 400 | 401, reason: string, messagePart?: string): void {
	const body = triggerReply(reply, status);
	assert.deepEqual(Object.keys(body).sort(), ['message', 'reason', 'status'], `unexpected fields: ${describe(reply)}`);
	assert.equal(body.status, 'rejected', describe(reply));
	assert.equal(body.reason, reason, `expected reason ${reason}, got ${describe(reply)}`);
	assert.ok(typeof body.message === 'string' && body.message.length > 0, `no message: ${describe(reply)}`);
	if (messagePart) assert.ok(body.message.includes(messagePart), `message lacks "${messagePart}": ${describe(reply)}`);
}

/** Runs `worker` over `items` with at most `concurrency` at a time; results in input order. */
export async function mapConcurrently<T, R>(
	items: readonly T[],
	concurrency: number,
	worker: (item: T, index: number) => Promise<R>,
): Promise<R[]> {
	const results = new Array<R>(items.length);
	let next = 0;
	const lane = async (): Promise<void> => {
		while (next < items.length) {
			const index = next++;
			results[index] = await worker(items[index] as T, index);
		}
	};
	await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, lane));
	return results;
}
