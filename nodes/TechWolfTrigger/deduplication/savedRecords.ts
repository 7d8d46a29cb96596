/**
 * What a trigger's static data holds: the records it loaded joined with what this process knows, composed when n8n
 * saves it.
 */
import { EventRecords, type DeduplicationPolicy, type EventKey } from './eventRecords';

/**
 * `loaded` with the unexpired records `known` adds (EventRecords.merge); `changed` when that differs from `loaded`.
 * Without `loaded` (nothing stored yet, or unreadable), what this process knows is written afresh.
 */
export function union(
	known: EventRecords | undefined,
	loaded: EventRecords | undefined,
	sinceSeconds: number,
): { records: EventRecords; changed: boolean } {
	if (!loaded) {
		const records = known?.copy() ?? EventRecords.empty();
		records.expire(sinceSeconds);
		return { records, changed: true };
	}
	return { records: loaded, changed: known ? loaded.merge(known, sinceSeconds) : false };
}

/**
 * What a delivery puts in static data: composed when n8n serializes it to save it (after the run is recorded), not
 * when the delivery arrives, so that it carries every id this process has seen recorded by then; a save composed
 * earlier would drop the ids recorded meanwhile. Never the ids of other deliveries still in flight: a crash before
 * their runs are recorded must not leave them marked as seen. Its own id is saved only with it, which n8n does only
 * once its run is recorded.
 */
export function savedRecords(
	known: () => EventRecords | undefined,
	loaded: EventRecords,
	own: EventKey | undefined,
	nowSeconds: number,
	policy: DeduplicationPolicy,
): { toJSON(): string[] } {
	return {
		toJSON: () => {
			const since = nowSeconds - policy.windowSeconds;
			const { records } = union(known(), loaded.copy(), since);
			if (own) records.merge(EventRecords.of(own, nowSeconds), since);
			records.cap(policy.maxEvents);
			return records.toJSON();
		},
	};
}
