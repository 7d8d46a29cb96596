import { EventMemory, STORED_MAX_EVENTS, storedEventCount } from '../../nodes/TechWolfTrigger/deduplication';
import { EventRecords, STATIC_DATA_KEY } from '../../nodes/TechWolfTrigger/deduplication/eventRecords';
import { TechWolfTrigger } from '../../nodes/TechWolfTrigger/TechWolfTrigger.node';
import { workflowWith } from '../harness/n8nCoreContexts';
import { claimRecorded } from '../harness/recordedClaims';

const policy = { windowSeconds: 3600, maxEvents: 100 };
const T0 = 1_763_900_040; // the start of a minute: records keep the receive minute
/** The first second an id received at T0 is forgotten: expiry goes by the minute. */
const AFTER_WINDOW = 3600 + 60;
const TRIGGER = 'webhook wf-1 node-1';

/**
 * The workflow row as n8n keeps it: every request starts from a JSON copy of the saved static data, and a save
 * replaces the whole blob (n8n saves only when the node changed something).
 */
class WorkflowRow {
	saved = '{}';

	load(): Record<string, unknown> {
		return JSON.parse(this.saved) as Record<string, unknown>;
	}

	save(staticData: Record<string, unknown>): void {
		this.saved = JSON.stringify(staticData);
	}

	/** One request, loaded and saved at once (no race). */
	deliver(memory: EventMemory, eventId: string, nowSeconds = T0, scope = TRIGGER, rowPolicy = policy): string {
		const staticData = this.load();
		const before = JSON.stringify(staticData);
		const result = claimRecorded(memory, scope, staticData, eventId, nowSeconds, rowPolicy);
		if (JSON.stringify(staticData) !== before) this.save(staticData);
		return result;
	}
}

describe('deduplication: one process', () => {
	test('the first delivery is new, the second a duplicate; other ids are independent', () => {
		const memory = new EventMemory();
		const staticData: Record<string, unknown> = {};
		expect(claimRecorded(memory, TRIGGER, staticData, 'a', T0, policy)).toBe('first');
		expect(claimRecorded(memory, TRIGGER, staticData, 'a', T0 + 10, policy)).toBe('duplicate');
		expect(claimRecorded(memory, TRIGGER, staticData, 'b', T0 + 10, policy)).toBe('first');
		expect(storedEventCount(staticData)).toBe(2);
	});

	test('concurrent copies that loaded the same static data: the first claims the id, the others are duplicates', () => {
		const memory = new EventMemory();
		const row = new WorkflowRow();
		// n8n loads the row for each request before the previous request's save has run.
		const loadedTogether = Array.from({ length: 20 }, () => row.load());
		const results = loadedTogether.map((staticData) => claimRecorded(memory, TRIGGER, staticData, 'a', T0, policy));
		expect(results.filter((result) => result === 'first')).toHaveLength(1);
		expect(results.filter((result) => result === 'duplicate')).toHaveLength(19);
	});

	test('ids expire after the window, in process memory and in static data', () => {
		const memory = new EventMemory();
		const staticData: Record<string, unknown> = {};
		claimRecorded(memory, TRIGGER, staticData, 'a', T0, policy);
		claimRecorded(memory, TRIGGER, staticData, 'b', T0 + 1800, policy);
		expect(claimRecorded(memory, TRIGGER, staticData, 'a', T0 + 3599, policy)).toBe('duplicate');
		expect(claimRecorded(memory, TRIGGER, staticData, 'a', T0 + AFTER_WINDOW, policy)).toBe('first');
		expect(storedEventCount(staticData)).toBe(2); // b, and a again; the old a is gone
		expect(claimRecorded(memory, TRIGGER, staticData, 'b', T0 + AFTER_WINDOW, policy)).toBe('duplicate');
		expect(claimRecorded(new EventMemory(), TRIGGER, staticData, 'b', T0 + 1800 + AFTER_WINDOW, policy)).toBe('first');
	});

	test('the same id in another trigger, workflow or mode (test URL) is independent', () => {
		const memory = new EventMemory();
		const staticData: Record<string, unknown> = {};
		for (const scope of [TRIGGER, 'webhook wf-1 node-2', 'webhook wf-2 node-1', 'manual wf-1 node-1']) {
			expect(claimRecorded(memory, scope, {}, 'a', T0, policy)).toBe('first');
			expect(claimRecorded(memory, scope, staticData, 'a', T0, policy)).toBe('duplicate');
		}
	});

	test('a record is matched only at record boundaries, whatever the id', () => {
		const row = new WorkflowRow();
		const ids = ['0', '00', '123', 'x'.repeat(5000), 'ünïcødé', 'a:b,c'];
		const memory = new EventMemory();
		for (const id of ids) expect(row.deliver(memory, id)).toBe('first');
		// A restart: only static data is left.
		const restarted = new EventMemory();
		for (const id of ids) expect(row.deliver(restarted, id)).toBe('duplicate');
	});

	test('unreadable stored data starts from what this process knows instead of failing', () => {
		for (const stored of [42, 'abc', { a: 1 }, null, ['x'], new Array(64).fill('abc')]) {
			const memory = new EventMemory();
			const staticData: Record<string, unknown> = { [STATIC_DATA_KEY]: stored };
			expect(claimRecorded(memory, TRIGGER, staticData, 'a', T0, policy)).toBe('first');
			expect(storedEventCount(staticData)).toBe(1);
		}
	});
});

describe('deduplication: static data never forgets what this process saw', () => {
	test('a write from stale static data carries the ids it did not load', () => {
		const memory = new EventMemory();
		const row = new WorkflowRow();
		const first = row.load();
		const second = row.load(); // loaded before the first request's save
		claimRecorded(memory, TRIGGER, first, 'a', T0, policy);
		claimRecorded(memory, TRIGGER, second, 'b', T0, policy);
		row.save(first);
		row.save(second); // last write wins, and it was computed from a blob without `a`
		const restarted = new EventMemory();
		expect(row.deliver(restarted, 'a')).toBe('duplicate');
		expect(row.deliver(restarted, 'b')).toBe('duplicate');
	});

	test('an out-of-order save that dropped ids is repaired by the next write', () => {
		const memory = new EventMemory();
		const row = new WorkflowRow();
		const early = row.load();
		claimRecorded(memory, TRIGGER, early, 'a', T0, policy);
		const late = row.load();
		claimRecorded(memory, TRIGGER, late, 'b', T0, policy);
		row.save(late);
		row.save(early); // the older save commits last: the row lacks b
		expect(row.deliver(memory, 'b')).toBe('duplicate');
		expect(storedEventCount(row.load())).toBe(2); // the duplicate's write put b back
		expect(row.deliver(new EventMemory(), 'b')).toBe('duplicate');
	});

	test('a downstream node that saved static data loaded earlier does not wipe the memory', () => {
		const memory = new EventMemory();
		const row = new WorkflowRow();
		for (const id of ['a', 'b', 'c']) row.deliver(memory, id);
		row.saved = JSON.stringify({ global: { counter: 1 } }); // e.g. a queue-mode worker's Code node
		expect(row.deliver(memory, 'a')).toBe('duplicate');
		expect(row.load().global).toEqual({ counter: 1 });
		expect(storedEventCount(row.load())).toBe(3);
	});

	test('two processes sharing the row: each one sees what the other saved', () => {
		const row = new WorkflowRow();
		const [one, two] = [new EventMemory(), new EventMemory()];
		for (let i = 0; i < 20; i++) expect(row.deliver(i % 2 ? one : two, `e-${i}`)).toBe('first');
		for (let i = 0; i < 20; i++) expect(row.deliver(i % 2 ? two : one, `e-${i}`)).toBe('duplicate');
	});

	test('expired records this process still holds are not written back', () => {
		const memory = new EventMemory();
		const row = new WorkflowRow();
		row.deliver(memory, 'old', T0);
		row.saved = '{}';
		row.deliver(memory, 'new', T0 + AFTER_WINDOW);
		expect(storedEventCount(row.load())).toBe(1);
	});

	test('static data never holds more than the cap; exactly the newest ids survive a restart', () => {
		const memory = new EventMemory();
		const row = new WorkflowRow();
		// One id a minute (records keep the minute), over a day's window.
		const day = { windowSeconds: 86_400, maxEvents: 100 };
		for (let i = 0; i < 250; i++) row.deliver(memory, `id-${i}`, T0 + i * 60, TRIGGER, day);
		const stored = row.load()[STATIC_DATA_KEY] as string[];
		expect(stored.join('').length).toBe(100 * EventRecords.RECORD_CHARS);
		// The process itself still knows all 250.
		expect(row.deliver(memory, 'id-0', T0 + 15_000, TRIGGER, day)).toBe('duplicate');
		// The 250 minutes carry over the last digit four times, and times are compared as text.
		const restarted = new EventMemory();
		for (let i = 150; i < 250; i++)
			expect(row.deliver(restarted, `id-${i}`, T0 + 15_000, TRIGGER, day)).toBe('duplicate');
		expect(row.deliver(restarted, 'id-149', T0 + 15_000, TRIGGER, day)).toBe('first');
	});

	test("the default cap keeps 10,000 ids under 128 KB of JSON (V8's JSON.stringify slows down several times above)", () => {
		const memory = new EventMemory();
		const staticData: Record<string, unknown> = {};
		const big = { windowSeconds: 86_400, maxEvents: STORED_MAX_EVENTS };
		for (let i = 0; i < STORED_MAX_EVENTS + 500; i++)
			claimRecorded(memory, TRIGGER, staticData, `event-${i}`, T0 + i, big);
		expect(storedEventCount(staticData)).toBe(STORED_MAX_EVENTS);
		expect(JSON.stringify(staticData).length).toBeLessThan(120 * 1024);
	});
});

describe('deduplication: the process memory is bounded', () => {
	test('over all triggers, never more than its cap; the least recently used trigger goes first', () => {
		const memory = new EventMemory(500);
		for (let trigger = 0; trigger < 40; trigger++) {
			for (let i = 0; i < 30; i++) claimRecorded(memory, `webhook wf-${trigger} n`, {}, `e-${i}`, T0, policy);
			expect(memory.heldEntries).toBeLessThanOrEqual(500);
		}
		expect(memory.triggerCount).toBeLessThan(40);
		expect(claimRecorded(memory, 'webhook wf-39 n', {}, 'e-0', T0, policy)).toBe('duplicate');
		expect(claimRecorded(memory, 'webhook wf-0 n', {}, 'e-0', T0, policy)).toBe('first');
	});

	test('one trigger alone is held to the cap, oldest claims first', () => {
		const memory = new EventMemory(300);
		for (let i = 0; i < 1000; i++)
			claimRecorded(memory, TRIGGER, {}, `e-${i}`, T0 + i, { windowSeconds: 86_400, maxEvents: 10 });
		expect(memory.heldEntries).toBeLessThanOrEqual(300);
		expect(claimRecorded(memory, TRIGGER, {}, 'e-999', T0 + 1000, policy)).toBe('duplicate');
		expect(claimRecorded(memory, TRIGGER, {}, 'e-0', T0 + 1000, policy)).toBe('first');
	});

	test('triggers that stop receiving are dropped once their window has passed', () => {
		const memory = new EventMemory();
		for (let trigger = 0; trigger < 50; trigger++)
			claimRecorded(memory, `webhook wf-${trigger} n`, {}, 'a', T0, policy);
		expect(memory.triggerCount).toBe(50);
		claimRecorded(memory, 'webhook wf-new n', {}, 'a', T0 + AFTER_WINDOW, policy);
		expect(memory.triggerCount).toBe(1);
		expect(memory.heldEntries).toBe(2); // its claim and its stored record
	});
});

describe('deduplication: merging two record strings', () => {
	/** Ids whose records share one string, so that the order within it shows. */
	const sameString: string[] = [];
	for (let i = 0; sameString.length < 5; i++) {
		if (EventRecords.key(`id-${i}`).bucket === EventRecords.key('id-0').bucket) sameString.push(`id-${i}`);
	}
	const [a, b, c, d, e] = sameString;
	const records = (...entries: [string, number][]) => {
		const built = EventRecords.empty();
		for (const [id, seconds] of entries) built.add(EventRecords.key(id), seconds);
		return built;
	};

	test('the union keeps each hash once, in time order, so that expiry still trims a prefix', () => {
		const minute = (n: number) => T0 + n * 60;
		const loaded = records([a, minute(0)], [c, minute(2)], [e, minute(4)]);
		const mine = records([b, minute(1)], [c, minute(2)], [d, minute(3)]);
		loaded.merge(mine, 0);
		expect(loaded.toJSON()).toEqual(
			records([a, minute(0)], [b, minute(1)], [c, minute(2)], [d, minute(3)], [e, minute(4)]).toJSON(),
		);
		loaded.expire(minute(2) + 30);
		expect(loaded.toJSON()).toEqual(records([c, minute(2)], [d, minute(3)], [e, minute(4)]).toJSON());
		loaded.expire(minute(3));
		expect(loaded.toJSON()).toEqual(records([d, minute(3)], [e, minute(4)]).toJSON());
	});

	test('when this process already holds everything loaded, its own string is the union', () => {
		const loaded = records([a, T0]);
		const mine = records([a, T0], [b, T0 + 1]);
		loaded.merge(mine, 0);
		expect(loaded.toJSON()).toEqual(mine.toJSON());
		expect(loaded.has(EventRecords.key(b))).toBe(true);
	});
});

describe('deduplication: a claim lasts only if its run was recorded', () => {
	const firstClaim = (memory: EventMemory, staticData: Record<string, unknown>, eventId: string) => {
		const claim = memory.claim(TRIGGER, staticData, eventId, T0, policy);
		if (claim.status !== 'first') throw new Error(`expected a first claim, got ${claim.status}`);
		return claim;
	};

	test('a copy while the first delivery is in flight waits for it; recorded, the copy is a duplicate', async () => {
		const memory = new EventMemory();
		const first = firstClaim(memory, {}, 'a');
		const copy = memory.claim(TRIGGER, {}, 'a', T0, policy);
		expect(copy.status).toBe('in_flight');
		first.settle(true);
		await expect(copy.status === 'in_flight' && copy.settled).resolves.toBe(true);
		expect(memory.claim(TRIGGER, {}, 'a', T0, policy).status).toBe('duplicate');
	});

	test('not recorded (n8n answered 5xx, or never answered): the retry runs the event', async () => {
		const memory = new EventMemory();
		const row = new WorkflowRow();
		const first = firstClaim(memory, row.load(), 'a'); // n8n does not save static data for a run it could not record
		const copy = memory.claim(TRIGGER, row.load(), 'a', T0, policy);
		first.settle(false);
		await expect(copy.status === 'in_flight' && copy.settled).resolves.toBe(false);
		expect(claimRecorded(memory, TRIGGER, row.load(), 'a', T0 + 20, policy)).toBe('first');
	});

	test("another delivery's static data, saved while a claim is in flight, does not carry that claim", () => {
		const memory = new EventMemory();
		const row = new WorkflowRow();
		const inFlight = firstClaim(memory, row.load(), 'a');
		row.deliver(memory, 'b'); // recorded and saved while a is still being recorded
		inFlight.settle(false);
		expect(claimRecorded(new EventMemory(), TRIGGER, row.load(), 'a', T0, policy)).toBe('first');
		expect(claimRecorded(new EventMemory(), TRIGGER, row.load(), 'b', T0, policy)).toBe('duplicate');
	});

	test("once recorded, the claim rides on the next delivery's save (its own save may have lost a race)", () => {
		const memory = new EventMemory();
		const row = new WorkflowRow();
		firstClaim(memory, row.load(), 'a').settle(true); // its blob never reached the row
		row.deliver(memory, 'b');
		expect(claimRecorded(new EventMemory(), TRIGGER, row.load(), 'a', T0, policy)).toBe('duplicate');
	});

	test('static data is composed when n8n saves it: it carries the ids recorded while the run was being recorded', () => {
		const memory = new EventMemory();
		const row = new WorkflowRow();
		const aData = row.load();
		firstClaim(memory, aData, 'a'); // a's run is being recorded...
		const bData = row.load();
		firstClaim(memory, bData, 'b').settle(true); // ...while b is recorded and answered
		row.save(bData);
		row.save(aData); // a's save comes last, and must not drop b
		const restarted = new EventMemory();
		expect(claimRecorded(restarted, TRIGGER, row.load(), 'b', T0, policy)).toBe('duplicate');
		expect(claimRecorded(restarted, TRIGGER, row.load(), 'a', T0, policy)).toBe('duplicate');
	});

	test("recorded (n8n read the answer after recording the run): it rides on every delivery's save, and an answer that never left does not undo it", () => {
		const memory = new EventMemory();
		const row = new WorkflowRow();
		const a = firstClaim(memory, row.load(), 'a');
		a.recorded(); // a's own save has not reached the row yet
		row.deliver(memory, 'b');
		a.settle(false); // the connection closed before the answer: the run exists all the same
		expect(claimRecorded(new EventMemory(), TRIGGER, row.load(), 'a', T0, policy)).toBe('duplicate');
		expect(memory.claim(TRIGGER, {}, 'a', T0, policy).status).toBe('duplicate');
	});

	test("recorded marks the claim's static data changed again after n8n's recording cleared the mark", () => {
		const loaded = {};
		const { workflow, node } = workflowWith({
			nodeType: new TechWolfTrigger(),
			parameters: {},
			credentials: {},
			staticData: loaded,
		});
		const a = firstClaim(new EventMemory(), workflow.getStaticData('node', node), 'a');
		expect(workflow.staticData.__dataChanged).toBe(true);
		workflowWith({ nodeType: new TechWolfTrigger(), parameters: {}, credentials: {}, staticData: loaded }); // as WorkflowRunner does
		expect(workflow.staticData.__dataChanged).toBe(false);
		a.recorded();
		expect(workflow.staticData.__dataChanged).toBe(true);
	});

	test('a claim is settled once: a late second settlement changes nothing', () => {
		const memory = new EventMemory();
		const claim = firstClaim(memory, {}, 'a');
		claim.settle(true);
		const held = memory.heldEntries;
		claim.settle(false);
		claim.settle(true);
		expect(memory.heldEntries).toBe(held);
		expect(memory.claim(TRIGGER, {}, 'a', T0, policy).status).toBe('duplicate');
	});
});
