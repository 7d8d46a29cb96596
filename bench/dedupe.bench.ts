/**
 * Part 3: the deduplication memory. As the remembered ids grow (100 to 100,000; static data holds at most
 * `STORED_MAX_EVENTS` of them, the process memory the rest): the size of the static data, the per-request cost of the
 * claim (our step alone, and inside the round trip n8n makes with the blob per request), the cost of merging a stale
 * blob, the heap the process memory takes, and that both caps hold.
 */
import { createHash } from 'node:crypto';

import {
	EventMemory,
	PROCESS_MAX_ENTRIES,
	STORED_MAX_EVENTS,
	storedEventCount,
} from '../nodes/TechWolfTrigger/deduplication';
import { collectsBetweenRounds, runCases, type CaseResult } from './measure';
import { claimRecorded } from '../test/harness/recordedClaims';

export interface DedupeBenchResult {
	remembered: number;
	staticDataBytes: number;
	objectMapBytes: number;
	/** Heap the process memory holds for `remembered` ids, in bytes (NaN without --expose-gc). */
	processMemoryBytes: number;
	cases: CaseResult[];
}

export interface DedupeCapResult {
	/** Records in static data after twice its cap went through: must equal the cap. */
	storedAfterOverflow: number;
	/** Process-memory entries after more than its cap went through: at most the cap. */
	heldAfterOverflow: number;
}

const NOW = 1_795_000_000;
const TRIGGER = 'webhook bench-workflow bench-node';
const NODE_KEY = 'node:TechWolf Trigger';

function heapUsed(): number {
	if (!collectsBetweenRounds) return NaN;
	global.gc?.();
	return process.memoryUsage().heapUsed;
}

/**
 * One id a second, and a window of `remembered` seconds: each claim lets the oldest id expire, so the memory stays at
 * `remembered` ids (plus expired records not yet trimmed) however many rounds run.
 */
export function benchDedupe(remembered: number, rounds: number): DedupeBenchResult {
	const policy = { windowSeconds: remembered, maxEvents: STORED_MAX_EVENTS };
	let clock = NOW;
	const heapBefore = heapUsed();
	const memory = new EventMemory();
	let nodeData: Record<string, unknown> = {};
	for (let i = 0; i < remembered; i++) claimRecorded(memory, TRIGGER, nodeData, `evt-${i}`, clock + i, policy);
	const processMemoryBytes = heapUsed() - heapBefore;
	// The round trip keeps its own memory and blob, as another trigger would: the other cases' claims must not make
	// its loaded blob stale.
	const roundTripMemory = new EventMemory();
	const roundTripData: Record<string, unknown> = {};
	for (let i = 0; i < remembered; i++)
		claimRecorded(roundTripMemory, TRIGGER, roundTripData, `evt-${i}`, clock + i, policy);
	clock += remembered;

	const objectMap: Record<string, number> = {};
	for (let i = 0; i < Math.min(remembered, STORED_MAX_EVENTS); i++) {
		objectMap[createHash('sha256').update(`evt-${i}`).digest('base64url').slice(0, 16)] = NOW + i;
	}
	let stored = JSON.stringify({ [NODE_KEY]: roundTripData });
	const staticDataBytes = Buffer.byteLength(stored);
	const storedObjectMap = JSON.stringify({ [NODE_KEY]: { seen: objectMap } });
	let counter = 0;

	const cases = [
		{
			// Static data as this process last wrote it (the same strings, so no merge): the trigger's own work.
			name: 'claim a new id (our step)',
			run: () => {
				nodeData = { ...nodeData };
				claimRecorded(memory, TRIGGER, nodeData, `new-${counter++}`, clock++, policy);
			},
		},
		{
			name: 'n8n round trip: parse, claim, serialise',
			run: () => {
				const staticData = JSON.parse(stored) as Record<string, Record<string, unknown>>;
				claimRecorded(roundTripMemory, TRIGGER, staticData[NODE_KEY], `new-${counter++}`, clock++, policy);
				stored = JSON.stringify(staticData);
			},
		},
		{
			name: 'n8n round trip alone: parse, serialise',
			run: () => JSON.stringify(JSON.parse(stored)),
		},
		{
			// A racing request's older blob: the ids claimed since it was loaded are merged back into their strings.
			name: 'claim from a blob 20 claims behind (21 claims per op)',
			run: () => {
				const stale = { ...nodeData };
				for (let i = 0; i < 20; i++) {
					nodeData = { ...nodeData };
					claimRecorded(memory, TRIGGER, nodeData, `race-${counter++}`, clock++, policy);
				}
				nodeData = stale;
				claimRecorded(memory, TRIGGER, nodeData, `new-${counter++}`, clock++, policy);
			},
		},
		{
			name: 'same round trip, object-map encoding (replaced)',
			run: () => {
				const staticData = JSON.parse(storedObjectMap) as Record<string, { seen: Record<string, number> }>;
				staticData[NODE_KEY].seen[`new-${counter++}`] = NOW;
				return JSON.stringify(staticData);
			},
		},
	];

	return {
		remembered,
		staticDataBytes,
		objectMapBytes: Buffer.byteLength(storedObjectMap),
		processMemoryBytes,
		cases: runCases(cases, { rounds, roundMillis: 300 }),
	};
}

/** Pushes more ids than either cap allows through one trigger. */
export function benchDedupeCaps(): DedupeCapResult {
	const memory = new EventMemory();
	const staticData: Record<string, unknown> = {};
	const policy = { windowSeconds: 86_400, maxEvents: STORED_MAX_EVENTS };
	for (let i = 0; i < PROCESS_MAX_ENTRIES + STORED_MAX_EVENTS; i++) {
		claimRecorded(memory, TRIGGER, staticData, `o-${i}`, NOW + i / 1000, policy);
	}
	return {
		storedAfterOverflow: storedEventCount(staticData),
		heldAfterOverflow: memory.heldEntries,
	};
}
