/**
 * How remembered event ids are kept in a workflow's static data, which n8n reads from its database, JSON-parses and
 * writes back whole on every request that changes it; so the encoding is chosen for that round trip's cost (bench/
 * README.md, "Deduplication").
 *
 * A record is 12 characters, so that the newest 10,000 stay under 128 KB of JSON: above that V8's JSON.stringify, which
 * n8n runs on every save, gets several times slower (bench/README.md, "Deduplication"). It is 8 base64url characters
 * of the SHA-256 of the event id (with the bucket character, 54 bits: ids of any length cost the same, and a new id
 * collides with one of 10,000 remembered ones with odds near 5e-13) and the receive minute as 4 digits of a sortable
 * alphabet. Records sit in 64 strings, one per first character of the hash, so a lookup scans 1/64 of them, and two
 * copies of the memory are merged string by string, touching only the strings that differ. Each string is in time
 * order: expiry trims a prefix (to the minute: an id is remembered up to a minute longer than the window), and the
 * cap drops the oldest record across all strings.
 */
import { createHash } from 'node:crypto';

const BASE64URL = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const BUCKET_COUNT = BASE64URL.length;
const HASH_CHARS = 8;
const TIME_CHARS = 4;
/** The same 64 characters in ASCII order: fixed-width numbers written with them compare as text. */
const SORTABLE_DIGITS = '-0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ_abcdefghijklmnopqrstuvwxyz';
/** Receive minutes count from 2020-01-01; four digits last until 2051. */
const EPOCH_SECONDS = 1_577_836_800;
const RECORD_CHARS = HASH_CHARS + TIME_CHARS;
/** Where in the node's static data the records live. */
export const STATIC_DATA_KEY = 'seenEvents';

/** An event id as the records know it. */
/** How long ids are kept, and how many static data holds at most. */
export interface DeduplicationPolicy {
	windowSeconds: number;
	/** At most this many ids in static data. */
	maxEvents: number;
}

export interface EventKey {
	bucket: number;
	hash: string;
	/** Bucket character and hash: unique per event id, also the key of the process memory. */
	id: string;
}

/** The 64 record strings of one trigger, indexed by the first character of the hash. */
export class EventRecords {
	/** Characters one record takes in static data. */
	static readonly RECORD_CHARS = RECORD_CHARS;

	private constructor(private readonly buckets: string[]) {}

	static key(eventId: string): EventKey {
		const digest = createHash('sha256').update(eventId, 'utf8').digest('base64url');
		return { bucket: BASE64URL.indexOf(digest[0]), hash: digest.slice(1, 1 + HASH_CHARS), id: digest.slice(0, 16) };
	}

	static empty(): EventRecords {
		return new EventRecords(new Array<string>(BUCKET_COUNT).fill(''));
	}

	/** One record: what a claim adds. */
	static of(key: EventKey, seconds: number): EventRecords {
		const records = EventRecords.empty();
		records.add(key, seconds);
		return records;
	}

	/**
	 * A copy of the stored records, or undefined when there are none or they are unreadable (an older format, a hand
	 * edit). Not yet saved, they are read as they would be saved now (index.ts, savedRecords).
	 */
	static load(staticData: Record<string, unknown>): EventRecords | undefined {
		const value = staticData[STATIC_DATA_KEY] as { toJSON?: () => unknown } | undefined;
		const stored = typeof value?.toJSON === 'function' ? value.toJSON() : value;
		if (
			Array.isArray(stored) &&
			stored.length === BUCKET_COUNT &&
			stored.every((records) => typeof records === 'string' && records.length % RECORD_CHARS === 0)
		) {
			return new EventRecords([...(stored as string[])]);
		}
		return undefined;
	}

	/** The 64 strings, as static data holds them. */
	toJSON(): string[] {
		return this.buckets;
	}

	copy(): EventRecords {
		return new EventRecords([...this.buckets]);
	}

	get count(): number {
		let records = 0;
		for (const bucket of this.buckets) records += bucket.length / RECORD_CHARS;
		return records;
	}

	has(key: EventKey): boolean {
		const records = this.buckets[key.bucket];
		for (let at = records.indexOf(key.hash); at !== -1; at = records.indexOf(key.hash, at + 1)) {
			if (at % RECORD_CHARS === 0) return true;
		}
		return false;
	}

	add(key: EventKey, nowSeconds: number): void {
		this.buckets[key.bucket] += key.hash + timeText(nowSeconds);
	}

	/**
	 * Drops the records received before `sinceSeconds`: in the string of `key` alone when it is given (the one a
	 * claim reads), else in all of them. Whether anything was dropped.
	 */
	expire(sinceSeconds: number, key?: EventKey): boolean {
		if (key !== undefined) return this.expireBucket(key.bucket, sinceSeconds);
		let dropped = false;
		for (let index = 0; index < this.buckets.length; index++) {
			if (this.expireBucket(index, sinceSeconds)) dropped = true;
		}
		return dropped;
	}

	private expireBucket(index: number, sinceSeconds: number): boolean {
		const live = dropBefore(this.buckets[index], sinceSeconds);
		if (live === this.buckets[index]) return false;
		this.buckets[index] = live;
		return true;
	}

	/**
	 * Adds the unexpired records of `known` (what this process last wrote or loaded) that these lack, string by string:
	 * only strings that differ are merged. Whether anything was added.
	 */
	merge(known: EventRecords, sinceSeconds: number): boolean {
		let changed = false;
		for (let index = 0; index < this.buckets.length; index++) {
			const records = this.buckets[index];
			if (records === known.buckets[index]) continue;
			const mine = dropBefore(known.buckets[index], sinceSeconds);
			if (mine === '') continue;
			const merged = mergeRecords(records, mine);
			if (merged !== records) changed = true;
			this.buckets[index] = merged;
		}
		return changed;
	}

	/** Drops the oldest records until at most `maxRecords` are left. */
	cap(maxRecords: number): void {
		for (let excess = this.count - maxRecords; excess > 0; excess--) {
			const oldest = oldestBucket(this.buckets);
			this.buckets[oldest] = this.buckets[oldest].slice(RECORD_CHARS);
		}
	}
}

function recordTime(records: string, index: number): string {
	const start = index * RECORD_CHARS + HASH_CHARS;
	return records.slice(start, start + TIME_CHARS);
}

/** The minute `seconds` falls in, as fixed-width sortable digits: times compare as text. */
function timeText(seconds: number): string {
	let minutes = Math.min(
		Math.max(0, Math.floor((seconds - EPOCH_SECONDS) / 60)),
		SORTABLE_DIGITS.length ** TIME_CHARS - 1,
	);
	let text = '';
	for (let digit = 0; digit < TIME_CHARS; digit++) {
		text = SORTABLE_DIGITS[minutes % SORTABLE_DIGITS.length] + text;
		minutes = Math.floor(minutes / SORTABLE_DIGITS.length);
	}
	return text;
}

/** Drops the records received before `sinceSeconds` (a prefix, as records are in time order) by binary search. */
function dropBefore(records: string, sinceSeconds: number): string {
	const since = timeText(sinceSeconds);
	let low = 0;
	let high = records.length / RECORD_CHARS;
	while (low < high) {
		const middle = (low + high) >>> 1;
		if (recordTime(records, middle) < since) low = middle + 1;
		else high = middle;
	}
	return low === 0 ? records : records.slice(low * RECORD_CHARS);
}

/**
 * The union of two record strings in time order, each hash once. `mine` is usually `loaded` plus what this process
 * appended since (a stale load): then it is returned as it is, and only records it lacks are merged in.
 */
function mergeRecords(loaded: string, mine: string): string {
	const mineHashes = new Set<string>();
	for (let at = 0; at < mine.length; at += RECORD_CHARS) mineHashes.add(mine.slice(at, at + HASH_CHARS));
	const missing: string[] = [];
	for (let at = 0; at < loaded.length; at += RECORD_CHARS) {
		if (!mineHashes.has(loaded.slice(at, at + HASH_CHARS))) missing.push(loaded.slice(at, at + RECORD_CHARS));
	}
	if (missing.length === 0) return mine;
	const merged: string[] = [];
	let next = 0;
	for (let at = 0; at < mine.length; at += RECORD_CHARS) {
		const time = recordTime(mine, at / RECORD_CHARS);
		while (next < missing.length && recordTime(missing[next], 0) <= time) merged.push(missing[next++]);
		merged.push(mine.slice(at, at + RECORD_CHARS));
	}
	while (next < missing.length) merged.push(missing[next++]);
	return merged.join('');
}

/**
 * Index of the bucket whose first record is the oldest. The times are compared as text, char by char: this runs on
 * every request once the memory is full, where parsing 64 numbers cost more than the rest of the step.
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
