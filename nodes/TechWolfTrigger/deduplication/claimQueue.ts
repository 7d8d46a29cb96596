/**
 * The ids one process claimed for one trigger, in claim order: a lookup by id, and removal from the oldest end in
 * constant time. (A Map alone would do the lookup, but deleting its oldest entries leaves holes that every later
 * iteration from the start walks over again.)
 */
export class ClaimQueue {
	private readonly claimedAt = new Map<string, number>();
	private ids: string[] = [];
	private times: number[] = [];
	private head = 0;

	get size(): number {
		return this.claimedAt.size;
	}

	has(id: string): boolean {
		return this.claimedAt.has(id);
	}

	add(id: string, nowSeconds: number): void {
		this.claimedAt.set(id, nowSeconds);
		this.ids.push(id);
		this.times.push(nowSeconds);
	}

	/** Removes the claims made before `sinceSeconds`; returns how many. */
	dropBefore(sinceSeconds: number): number {
		let dropped = 0;
		while (this.head < this.ids.length && this.times[this.head] < sinceSeconds) {
			this.dropOldest();
			dropped++;
		}
		return dropped;
	}

	dropOldest(): void {
		if (this.head >= this.ids.length) return;
		this.claimedAt.delete(this.ids[this.head]);
		this.head++;
		// Compact once the dropped prefix is half the arrays, so each claim is moved at most once on average.
		if (this.head > 1024 && this.head * 2 > this.ids.length) {
			this.ids = this.ids.slice(this.head);
			this.times = this.times.slice(this.head);
			this.head = 0;
		}
	}
}
