/**
 * The JWKS cache: one per process (a module-level instance, since n8n keeps the node's module loaded), keyed by URL.
 * A key set is used for a bounded time and then fetched again; a token naming a key (`kid`) the set lacks makes it
 * fetch again early, at most once a minute per URL, which is how an authorization server's key rotation reaches us.
 * Concurrent requests share one fetch. Nothing here reads a clock or sets a timer: callers pass the time. Besides
 * sparing the authorization server, the cache spares the CPU: reading the key set per request, network aside, would
 * make the token path 5.8–13× slower (bench/verifier.bench.ts).
 *
 * The fetch itself is the caller's (n8n's request helper in the trigger), so that proxies and n8n's own HTTP settings
 * apply, and so that this module stays pure and testable.
 */
import { readJwks, type KeySet } from './keys';

/** Resolves to the body of a GET on the URL (text, bytes or parsed JSON); rejects on a network error or a non-2xx. */
export type JwksFetcher = (url: string) => Promise<unknown>;

/** Keys are used for at most this long before they are fetched again. */
export const JWKS_LIFETIME_SECONDS = 600;
/** The earliest a key set is fetched again for a token whose `kid` it lacks. */
export const JWKS_REFRESH_INTERVAL_SECONDS = 60;
/** After a failed fetch, requests are refused without fetching for this long, so an outage is not hammered. */
export const JWKS_RETRY_AFTER_FAILURE_SECONDS = 10;
/** More distinct JWKS URLs than this in one n8n is unusual; the oldest entry makes room. */
export const MAX_CACHED_URLS = 32;

/** A key set, or why it cannot be had (for n8n's log; the sender only learns that keys are unavailable). */
export type KeySetResult = { ok: true; set: KeySet; fetchedAt: number } | { ok: false; problem: string };

interface Entry {
	set?: KeySet;
	fetchedAt: number;
	lastAttemptAt: number;
	lastProblem?: string;
	pending?: Promise<KeySetResult>;
}

export interface JwksCacheOptions {
	lifetimeSeconds?: number;
	refreshIntervalSeconds?: number;
	retryAfterFailureSeconds?: number;
	maxUrls?: number;
}

const decoder = new TextDecoder('utf-8', { fatal: true });

/** The body as JSON: a string or bytes are parsed, anything else is taken as already parsed. */
function parseBody(body: unknown): { ok: true; value: unknown } | { ok: false; problem: string } {
	let text: string;
	if (typeof body === 'string') text = body;
	else if (body instanceof Uint8Array) {
		try {
			text = decoder.decode(body);
		} catch {
			return { ok: false, problem: 'The answer is not UTF-8 text' };
		}
	} else return { ok: true, value: body };
	try {
		return { ok: true, value: JSON.parse(text) };
	} catch {
		return { ok: false, problem: 'The answer is not JSON' };
	}
}

/** One GET of the key set, read; never throws. */
async function fetchKeySet(url: string, fetcher: JwksFetcher, nowSeconds: number): Promise<KeySetResult> {
	let body: unknown;
	try {
		body = await fetcher(url);
	} catch (error) {
		return { ok: false, problem: `The request failed: ${(error as Error).message}` };
	}
	const parsed = parseBody(body);
	if (!parsed.ok) return parsed;
	try {
		return { ok: true, set: readJwks(parsed.value), fetchedAt: nowSeconds };
	} catch (error) {
		return { ok: false, problem: (error as Error).message };
	}
}

export class JwksCache {
	private readonly entries = new Map<string, Entry>();
	private readonly lifetimeSeconds: number;
	private readonly refreshIntervalSeconds: number;
	private readonly retryAfterFailureSeconds: number;
	private readonly maxUrls: number;

	constructor(options: JwksCacheOptions = {}) {
		this.lifetimeSeconds = options.lifetimeSeconds ?? JWKS_LIFETIME_SECONDS;
		this.refreshIntervalSeconds = options.refreshIntervalSeconds ?? JWKS_REFRESH_INTERVAL_SECONDS;
		this.retryAfterFailureSeconds = options.retryAfterFailureSeconds ?? JWKS_RETRY_AFTER_FAILURE_SECONDS;
		this.maxUrls = options.maxUrls ?? MAX_CACHED_URLS;
	}

	/** The key set for `url`: cached while fresh, else fetched. */
	async keySet(url: string, fetcher: JwksFetcher, nowSeconds: number): Promise<KeySetResult> {
		const entry = this.entries.get(url);
		if (entry?.pending) return await entry.pending;
		if (entry?.set && nowSeconds - entry.fetchedAt < this.lifetimeSeconds) {
			return { ok: true, set: entry.set, fetchedAt: entry.fetchedAt };
		}
		if (entry?.lastProblem !== undefined && nowSeconds - entry.lastAttemptAt < this.retryAfterFailureSeconds) {
			return { ok: false, problem: entry.lastProblem };
		}
		return await this.load(url, fetcher, nowSeconds);
	}

	/**
	 * Fetches the key set again for a token whose `kid` it lacks, unless it was fetched less than a minute ago: then
	 * undefined, and the token is refused.
	 */
	async refreshed(url: string, fetcher: JwksFetcher, nowSeconds: number): Promise<KeySetResult | undefined> {
		const entry = this.entries.get(url);
		if (entry?.pending) return await entry.pending;
		if (entry && nowSeconds - entry.lastAttemptAt < this.refreshIntervalSeconds) return undefined;
		return await this.load(url, fetcher, nowSeconds);
	}

	/** Forgets every cached key set (tests; nothing in the node needs it). */
	clear(): void {
		this.entries.clear();
	}

	private load(url: string, fetcher: JwksFetcher, nowSeconds: number): Promise<KeySetResult> {
		let entry = this.entries.get(url);
		if (!entry) {
			if (this.entries.size >= this.maxUrls) {
				const oldest = this.entries.keys().next();
				if (!oldest.done) this.entries.delete(oldest.value);
			}
			entry = { fetchedAt: 0, lastAttemptAt: nowSeconds };
			this.entries.set(url, entry);
		}
		const current = entry;
		current.lastAttemptAt = nowSeconds;
		current.pending = fetchKeySet(url, fetcher, nowSeconds).then((result) => {
			current.pending = undefined;
			if (result.ok) {
				current.set = result.set;
				current.fetchedAt = nowSeconds;
				current.lastProblem = undefined;
			} else {
				// A fresh set stays in use for the keys it has; only an expired one is given up.
				current.lastProblem = result.problem;
			}
			return result;
		});
		return current.pending;
	}
}

/** The process's cache, shared by every TechWolf Trigger. */
export const jwksCache = new JwksCache();
