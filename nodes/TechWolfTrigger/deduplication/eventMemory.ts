/**
 * Remembers the ids of accepted events, so that TechWolf's at-least-once redeliveries start the workflow once.
 *
 * Two memories, because n8n gives a webhook node no atomic shared store (README, "Delivery guarantees"):
 * - **This process's memory** decides. A delivery claims its id synchronously, after its signature is verified and
 *   before anything else is awaited, so concurrent copies reaching one n8n process start one execution. It is keyed
 *   by trigger (mode, workflow and node), expires by the window, and holds at most `PROCESS_MAX_ENTRIES` entries over all
 *   triggers: the least recently used trigger's memory goes first.
 * - **The workflow's static data** persists (restarts, other n8n processes). n8n reads it from its database for
 *   every request and saves it whole, last write wins: an accepted delivery's before n8n answers it, any other once
 *   the node has answered. So every write carries the union of what was loaded and what this process has seen for
 *   the trigger (its own claims and every earlier load): a racing or stale write, or a downstream node that saved
 *   static data it loaded earlier, cannot make this process forget an id, and its next write puts the id back. It is
 *   capped at `STORED_MAX_EVENTS` ids (eventRecords.ts, the stored format).
 *
 * The caps are derived in bench/README.md ("Deduplication").
 */
import { ClaimQueue } from './claimQueue';
import { EventRecords, STATIC_DATA_KEY, type DeduplicationPolicy, type EventKey } from './eventRecords';
import { savedRecords, union } from './savedRecords';

/** Ids kept in static data per trigger: what a restart and the other n8n processes find. */
export const STORED_MAX_EVENTS = 10_000;
/** Entries (claims and stored records) one n8n process keeps in memory, over all triggers. */
export const PROCESS_MAX_ENTRIES = 200_000;

/**
 * A first claim on an event id, held until its delivery's run is recorded or its answer has left. Held, it is saved
 * only with its own delivery's static data; recorded, with every delivery's.
 */
export interface HeldClaim {
	/**
	 * n8n has recorded the run (replies.ts says how the trigger knows). The claim stands, and the static data holding
	 * it is marked changed (again: n8n 2.x clears the mark while it records a run) so that n8n saves it.
	 */
	recorded(): void;
	/**
	 * The answer left as 2xx (`true`), or it did not. A claim whose run was not reported recorded stands only if it
	 * did; otherwise it is forgotten, so that TechWolf's retry runs the event rather than being told it is a duplicate.
	 */
	settle(answered: boolean): void;
}

/** What a delivery's claim on its event id found. */
export type Claim =
	| ({ status: 'first' } & HeldClaim)
	| { status: 'duplicate' }
	/** Another delivery of this id is being recorded in this process; `settled` says whether it was. */
	| { status: 'in_flight'; settled: Promise<boolean> };

/** What one process knows about one trigger. */
interface TriggerMemory {
	/** Ids whose runs this process saw recorded. */
	claims: ClaimQueue;
	/** Ids whose deliveries are being recorded now: claimed, answer not sent yet. */
	inFlight: Map<string, Promise<boolean>>;
	/**
	 * The union of what it loaded and what it saw recorded; undefined before its first request. An id in flight is not
	 * in it: only its own delivery's static data carries it, and n8n saves that only once the run is recorded.
	 */
	stored: EventRecords | undefined;
	storedCount: number;
	lastUsedSeconds: number;
	windowSeconds: number;
}

export class EventMemory {
	/** In least recently used order. */
	private readonly triggers = new Map<string, TriggerMemory>();
	private size = 0;

	constructor(readonly maxEntries = PROCESS_MAX_ENTRIES) {}

	/** Entries held over all triggers: claims plus stored records (a claimed id is usually both). */
	get heldEntries(): number {
		return this.size;
	}

	get triggerCount(): number {
		return this.triggers.size;
	}

	/**
	 * Claims `eventId` for the trigger `scope` unless this process or the loaded static data has seen it within the
	 * window, or a delivery of it is in flight here, and sets `staticData` to the union when that adds anything.
	 * Synchronous: the check and the claim cannot be interleaved with another delivery.
	 */
	claim(
		scope: string,
		staticData: Record<string, unknown>,
		eventId: string,
		nowSeconds: number,
		policy: DeduplicationPolicy,
	): Claim {
		const memory = this.use(scope, nowSeconds, policy.windowSeconds);
		const since = nowSeconds - policy.windowSeconds;
		this.size -= memory.claims.dropBefore(since);

		const key = EventRecords.key(eventId);
		const { records, changed } = union(memory.stored, EventRecords.load(staticData), since);
		let write = records.expire(since, key) || changed;
		// Read before the cap: an id the cap drops on this very request was still seen.
		const seen = records.has(key);
		if (write) records.cap(policy.maxEvents);

		const inFlight = memory.inFlight.get(key.id);
		let claim: Claim = inFlight ? { status: 'in_flight', settled: inFlight } : { status: 'duplicate' };
		let own: EventKey | undefined;
		if (!inFlight && !memory.claims.has(key.id) && !seen) {
			claim = this.holdClaim(scope, memory, staticData, key, nowSeconds, policy);
			own = key;
			write = true;
		}
		if (write) staticData[STATIC_DATA_KEY] = savedRecords(() => memory.stored, records.copy(), own, nowSeconds, policy);
		this.remember(memory, records);
		return claim;
	}

	/**
	 * A claim in flight until its run is recorded or its answer has left; recorded, it joins what this process has
	 * seen (in claim order give or take the seconds a delivery takes, which expiry can be late by).
	 */
	private holdClaim(
		scope: string,
		memory: TriggerMemory,
		staticData: Record<string, unknown>,
		key: EventKey,
		claimedSeconds: number,
		policy: DeduplicationPolicy,
	): Claim {
		let resolve!: (recorded: boolean) => void;
		memory.inFlight.set(key.id, new Promise<boolean>((settle) => (resolve = settle)));
		let held = true;
		const release = (recorded: boolean) => {
			if (!held) return;
			held = false;
			memory.inFlight.delete(key.id);
			resolve(recorded);
			// Unrecorded, the id is forgotten here; its static data was not saved (README, "Delivery guarantees").
			// A memory dropped meanwhile (least recently used) is not brought back: static data has the id.
			if (!recorded || this.triggers.get(scope) !== memory) return;
			memory.claims.add(key.id, claimedSeconds);
			this.size++;
			const stored = memory.stored?.copy() ?? EventRecords.empty();
			const since = claimedSeconds - policy.windowSeconds;
			stored.expire(since, key);
			stored.merge(EventRecords.of(key, claimedSeconds), since);
			stored.cap(policy.maxEvents);
			this.remember(memory, stored);
		};
		return {
			status: 'first',
			recorded: () => {
				release(true);
				// Assigning through n8n's static-data proxy is what marks it changed.
				const saved = staticData[STATIC_DATA_KEY];
				staticData[STATIC_DATA_KEY] = saved;
			},
			settle: release,
		};
	}

	private remember(memory: TriggerMemory, stored: EventRecords): void {
		memory.stored = stored;
		const storedCount = stored.count;
		this.size += storedCount - memory.storedCount;
		memory.storedCount = storedCount;
		this.bound(memory);
	}

	/** The trigger's memory, moved to the most recently used end; idle memories whose window has passed are dropped. */
	private use(scope: string, nowSeconds: number, windowSeconds: number): TriggerMemory {
		let memory = this.triggers.get(scope);
		if (memory) this.triggers.delete(scope);
		else
			memory = {
				claims: new ClaimQueue(),
				inFlight: new Map(),
				stored: undefined,
				storedCount: 0,
				lastUsedSeconds: 0,
				windowSeconds,
			};
		for (const [idleScope, idle] of this.triggers) {
			if (idle.lastUsedSeconds + idle.windowSeconds >= nowSeconds) break;
			this.forget(idleScope, idle);
		}
		memory.lastUsedSeconds = nowSeconds;
		memory.windowSeconds = windowSeconds;
		this.triggers.set(scope, memory);
		return memory;
	}

	/** Drops least recently used triggers, then the current trigger's oldest claims, until the cap holds. */
	private bound(current: TriggerMemory): void {
		for (const [scope, memory] of this.triggers) {
			if (this.size <= this.maxEntries || memory === current) break;
			this.forget(scope, memory);
		}
		while (this.size > this.maxEntries && current.claims.size > 0) {
			current.claims.dropOldest();
			this.size--;
		}
	}

	private forget(scope: string, memory: TriggerMemory): void {
		this.triggers.delete(scope);
		this.size -= memory.claims.size + memory.storedCount;
	}
}
