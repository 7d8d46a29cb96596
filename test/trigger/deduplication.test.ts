import {
	MAX_REMEMBERED_EVENTS,
	RECORD_CHARS,
	STATIC_DATA_KEY,
	rememberEvent,
	rememberedEventCount,
} from '../../nodes/TechWolfTrigger/deduplication';

const policy = { windowSeconds: 3600, maxEvents: 100 };
const T0 = 1_763_900_000;

describe('deduplication memory in static data', () => {
	test('the first delivery is new, the second a duplicate; other ids are independent', () => {
		const staticData: Record<string, unknown> = {};
		expect(rememberEvent(staticData, 'a', T0, policy)).toBe('first');
		expect(rememberEvent(staticData, 'a', T0 + 10, policy)).toBe('duplicate');
		expect(rememberEvent(staticData, 'b', T0 + 10, policy)).toBe('first');
		expect(rememberedEventCount(staticData)).toBe(2);
	});

	test('ids expire after the window, and expired records are trimmed', () => {
		const staticData: Record<string, unknown> = {};
		rememberEvent(staticData, 'a', T0, policy);
		rememberEvent(staticData, 'b', T0 + 1800, policy);
		expect(rememberEvent(staticData, 'a', T0 + 3601, policy)).toBe('first');
		expect(rememberedEventCount(staticData)).toBe(2); // b, and a again; the old a is gone
		expect(rememberEvent(staticData, 'b', T0 + 3601, policy)).toBe('duplicate');
	});

	test('never more than the cap; the oldest ids go first', () => {
		const staticData: Record<string, unknown> = {};
		for (let i = 0; i < 250; i++) rememberEvent(staticData, `id-${i}`, T0 + i, policy);
		expect(rememberedEventCount(staticData)).toBe(100);
		const stored = staticData[STATIC_DATA_KEY] as string[];
		expect(stored.join('').length).toBe(100 * RECORD_CHARS);
		// Exactly the newest 100 are kept. The 250 times cross base-36 digit boundaries ('9' to 'a', 'z' to '10'),
		// which the eviction compares as text.
		for (let i = 150; i < 250; i++) expect(rememberEvent(staticData, `id-${i}`, T0 + 300, policy)).toBe('duplicate');
		expect(rememberEvent(staticData, 'id-149', T0 + 300, policy)).toBe('first');
	});

	test('a record is matched only at record boundaries, whatever the id', () => {
		const staticData: Record<string, unknown> = {};
		const ids = ['0', '00', '123', 'x'.repeat(5000), 'ünïcødé', 'a:b,c'];
		for (const id of ids) expect(rememberEvent(staticData, id, T0, policy)).toBe('first');
		for (const id of ids) expect(rememberEvent(staticData, id, T0, policy)).toBe('duplicate');
	});

	test('unreadable stored data starts a fresh memory instead of failing', () => {
		for (const stored of [42, 'abc', { a: 1 }, null, ['x'], new Array(64).fill('abc')]) {
			const staticData: Record<string, unknown> = { [STATIC_DATA_KEY]: stored };
			expect(rememberEvent(staticData, 'a', T0, policy)).toBe('first');
			expect(rememberedEventCount(staticData)).toBe(1);
		}
	});

	test('the default cap keeps 10,000 ids in about 225 KB', () => {
		const staticData: Record<string, unknown> = {};
		const big = { windowSeconds: 86_400, maxEvents: MAX_REMEMBERED_EVENTS };
		for (let i = 0; i < MAX_REMEMBERED_EVENTS + 500; i++) rememberEvent(staticData, `event-${i}`, T0 + i, big);
		expect(rememberedEventCount(staticData)).toBe(MAX_REMEMBERED_EVENTS);
		expect(JSON.stringify(staticData).length).toBeLessThan(225_000);
	});
});
