/**
 * Remembers the ids of accepted events, so that TechWolf's at-least-once redeliveries start the workflow once.
 *
 * The memory lives in the workflow's static data, which n8n reads from its database, JSON-parses, and writes back
 * whole on every request that changes it. So the encoding is chosen by that round trip's cost (measured on Node 20,
 * 2 cores; bench/README.md):
 *
 *   ids kept   {hash: seconds} object map     fixed-width records in strings (this encoding)
 *   1,000      30 KB, round trip 0.6 ms       23 KB, 0.1 ms
 *   10,000     300 KB,           9 ms         220 KB, 1.5 ms
 *
 * A record is 15 base64url characters of the SHA-256 of the event id (with the bucket character, 96 bits: ids of any
 * length cost the same, and a collision among 10,000 ids has odds near 1e-20) and the receive time as 7 base-36
 * digits. Records sit in 64 strings, one per first character of the hash, so a lookup scans 1/64 of the memory and
 * our own per-request work stays flat as the memory grows. Each string is in time order: expiry trims a prefix, and
 * the cap drops the oldest record across all strings.
 *
 * Defaults: a 60-minute window covers TechWolf's three retries with exponential backoff (15 s timeout each) with a
 * wide margin; the cap of 10,000 ids (about 220 KB, about 1.5 ms of n8n's own JSON work per request) bounds the blob
 * even at a sustained 2.8 events a second. Concurrent deliveries race on the blob (n8n's last write wins), so this
 * is best-effort deduplication; workflows should stay idempotent, as TechWolf asks.
 */
import { createHash } from 'node:crypto';

const BASE64URL = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const BUCKETS = BASE64URL.length;
const HASH_CHARS = 15;
const TIME_CHARS = 7;
export const RECORD_CHARS = HASH_CHARS + TIME_CHARS;
export const DEFAULT_WINDOW_MINUTES = 60;
export const MAX_REMEMBERED_EVENTS = 10_000;
/** Where in the node's static data the records live. */
export const STATIC_DATA_KEY = 'seenEvents';

export interface DeduplicationPolicy {
	windowSeconds: number;
	maxEvents: number;
}

function recordTime(records: string, index: number): number {
	const start = index * RECORD_CHARS + HASH_CHARS;
	return parseInt(records.slice(start, start + TIME_CHARS), 36);
}

/** Drops the records received before `since` (a prefix, as records are in time order) by binary search. */
function dropBefore(records: string, since: number): string {
	let low = 0;
	let high = records.length / RECORD_CHARS;
	while (low < high) {
		const middle = (low + high) >>> 1;
		if (recordTime(records, middle) < since) low = middle + 1;
		else high = middle;
	}
	return low === 0 ? records : records.slice(low * RECORD_CHARS);
}

function contains(records: string, hash: string): boolean {
	for (let at = records.indexOf(hash); at !== -1; at = records.indexOf(hash, at + 1)) {
		if (at % RECORD_CHARS === 0) return true;
	}
	return false;
}

/** Reads the stored buckets; anything unreadable (an older format, a hand edit) starts an empty memory. */
function load(staticData: Record<string, unknown>): string[] {
	const stored = staticData[STATIC_DATA_KEY];
	if (
		Array.isArray(stored) &&
		stored.length === BUCKETS &&
		stored.every((records) => typeof records === 'string' && records.length % RECORD_CHARS === 0)
	) {
		return [...(stored as string[])];
	}
	return new Array<string>(BUCKETS).fill('');
}

function count(buckets: readonly string[]): number {
	let records = 0;
	for (const bucket of buckets) records += bucket.length / RECORD_CHARS;
	return records;
}

/**
 * Index of the bucket whose first record is the oldest. Times are fixed-width base-36 ('0'-'9' sort before 'a'-'z'),
 * so they compare as text, char by char: this runs on every request once the memory is full, and parsing 64 numbers
 * cost more than the rest of the step (bench/README.md).
 */
function oldestBucket(buckets: readonly string[]): number {
	let oldest = -1;
	for (let index = 0; index < buckets.length; index++) {
		const records = buckets[index];
		if (records.length > 0 && (oldest === -1 || receivedEarlier(records, buckets[oldest]))) oldest = index;
	}
	return oldest;
}

/** Whether the first record of `a` was received before the first record of `b`. */
function receivedEarlier(a: string, b: string): boolean {
	for (let at = HASH_CHARS; at < RECORD_CHARS; at++) {
		const difference = a.charCodeAt(at) - b.charCodeAt(at);
		if (difference !== 0) return difference < 0;
	}
	return false;
}

export type DeduplicationResult = 'first' | 'duplicate';

/**
 * Records `eventId` as seen at `nowSeconds` unless it was already seen within the window. Expired records are
 * trimmed where they are met, and the cap is enforced in the same step, so the static data never holds more than
 * `maxEvents` records.
 */
export function rememberEvent(
	staticData: Record<string, unknown>,
	eventId: string,
	nowSeconds: number,
	policy: DeduplicationPolicy,
): DeduplicationResult {
	const buckets = load(staticData);
	const digest = createHash('sha256').update(eventId, 'utf8').digest('base64url');
	const bucket = BASE64URL.indexOf(digest[0]);
	const hash = digest.slice(1, 1 + HASH_CHARS);
	const since = nowSeconds - policy.windowSeconds;
	const live = dropBefore(buckets[bucket], since);
	const trimmed = live !== buckets[bucket];
	buckets[bucket] = live;
	if (contains(live, hash)) {
		if (trimmed) staticData[STATIC_DATA_KEY] = buckets;
		return 'duplicate';
	}
	// Trim before appending: slicing a flat string is free, while slicing after an append would copy the whole string.
	buckets[bucket] = live + hash + Math.max(0, Math.floor(nowSeconds)).toString(36).padStart(TIME_CHARS, '0');
	for (let excess = count(buckets) - policy.maxEvents; excess > 0; excess--) {
		const oldest = oldestBucket(buckets);
		buckets[oldest] = buckets[oldest].slice(RECORD_CHARS);
	}
	staticData[STATIC_DATA_KEY] = buckets;
	return 'first';
}

export function rememberedEventCount(staticData: Record<string, unknown>): number {
	return count(load(staticData));
}
