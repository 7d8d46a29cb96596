/**
 * Part 3: the deduplication memory. For 100, 1,000 and 10,000 remembered events: the size of the static data and the
 * per-request cost, both of our step alone and of the whole round trip n8n makes (parse the stored blob, let the
 * node remember one more id, serialise it back). The object-map encoding this replaced is measured beside it.
 */
import { createHash } from 'node:crypto';

import { MAX_REMEMBERED_EVENTS, rememberEvent, rememberedEventCount } from '../nodes/TechWolfTrigger/deduplication';
import { runCases, type CaseResult } from './measure';

export interface DedupeBenchResult {
	remembered: number;
	staticDataBytes: number;
	objectMapBytes: number;
	cases: CaseResult[];
	/** Records kept after pushing twice the cap through: must equal the cap. */
	keptAfterOverflow: number;
}

const NOW = 1_795_000_000;

export function benchDedupe(remembered: number, rounds: number): DedupeBenchResult {
	const policy = { windowSeconds: 7 * 86_400, maxEvents: MAX_REMEMBERED_EVENTS };
	const nodeData: Record<string, unknown> = {};
	const objectMap: Record<string, number> = {};
	for (let i = 0; i < remembered; i++) {
		rememberEvent(nodeData, `evt-${i}`, NOW - remembered + i, policy);
		objectMap[createHash('sha256').update(`evt-${i}`).digest('base64url').slice(0, 16)] = NOW - remembered + i;
	}
	const stored = JSON.stringify({ 'node:TechWolf Trigger': nodeData });
	// As n8n hands it over: parsed from the database, so the records are one flat string, not a rope of appends.
	const loaded = (JSON.parse(stored) as Record<string, Record<string, unknown>>)['node:TechWolf Trigger'];
	const storedObjectMap = JSON.stringify({ 'node:TechWolf Trigger': { seen: objectMap } });
	let counter = 0;

	const cases = [
		{
			name: 'remember one more id (our step)',
			run: () => {
				const copy = { ...loaded };
				rememberEvent(copy, `new-${counter++}`, NOW, policy);
			},
		},
		{
			name: 'n8n round trip: parse, remember, serialise',
			run: () => {
				const staticData = JSON.parse(stored) as Record<string, Record<string, unknown>>;
				rememberEvent(staticData['node:TechWolf Trigger'], `new-${counter++}`, NOW, policy);
				return JSON.stringify(staticData);
			},
		},
		{
			name: 'same round trip, object-map encoding (replaced)',
			run: () => {
				const staticData = JSON.parse(storedObjectMap) as Record<string, { seen: Record<string, number> }>;
				staticData['node:TechWolf Trigger'].seen[`new-${counter++}`] = NOW;
				return JSON.stringify(staticData);
			},
		},
	];

	const overflow: Record<string, unknown> = {};
	for (let i = 0; i < 2 * MAX_REMEMBERED_EVENTS; i++) rememberEvent(overflow, `o-${i}`, NOW + i, policy);

	return {
		remembered,
		staticDataBytes: Buffer.byteLength(stored),
		objectMapBytes: Buffer.byteLength(storedObjectMap),
		cases: runCases(cases, { rounds, roundMillis: 300 }),
		keptAfterOverflow: rememberedEventCount(overflow),
	};
}
