/**
 * A small, honest timing harness: each case runs in interleaved rounds (so drift and neighbours hit every case alike),
 * each round long enough to swamp timer noise, after a warm-up; the report gives the median and the spread.
 * Each round starts from a collected heap when the process runs with --expose-gc (`npm run bench` does), so that no
 * case pays for garbage another case left behind (the reject paths and noble allocate far more than a verification).
 * Ratios between two cases are taken round by round (`pairedRatio`), which cancels the drift the rounds share.
 */
export interface CaseResult {
	name: string;
	/** Median operations per second over the rounds. */
	opsPerSecond: number;
	/** Median microseconds per operation. */
	microsPerOp: number;
	/** Per-round ops/s, for the raw report. */
	rounds: number[];
	minOpsPerSecond: number;
	maxOpsPerSecond: number;
	/** Median and 99th percentile of single timed calls, in µs (with `latencyMillis`; includes a clock read). */
	p50Micros?: number;
	p99Micros?: number;
}

export interface BenchCase {
	name: string;
	run: () => unknown;
}

function median(values: number[]): number {
	const sorted = [...values].sort((a, b) => a - b);
	const middle = Math.floor(sorted.length / 2);
	return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

const collectGarbage = (globalThis as { gc?: () => void }).gc;

function timeRound(run: () => unknown, minMillis: number): number {
	collectGarbage?.();
	let operations = 0;
	const started = process.hrtime.bigint();
	let elapsed = 0;
	// Batches amortise the clock read without letting one round run far past its budget.
	let batch = 1;
	while (elapsed < minMillis) {
		for (let i = 0; i < batch; i++) run();
		operations += batch;
		elapsed = Number(process.hrtime.bigint() - started) / 1e6;
		if (elapsed < minMillis / 10) batch *= 2;
	}
	return (operations / elapsed) * 1000;
}

/** Times single calls for `millis` (at least 10 calls), appending each call's µs to `into`. */
function timeCalls(run: () => unknown, millis: number, into: number[]): void {
	const started = process.hrtime.bigint();
	for (let calls = 0; calls < 10 || Number(process.hrtime.bigint() - started) / 1e6 < millis; calls++) {
		const before = process.hrtime.bigint();
		run();
		into.push(Number(process.hrtime.bigint() - before) / 1e3);
	}
}

function percentile(values: number[], fraction: number): number {
	const sorted = [...values].sort((a, b) => a - b);
	return sorted[Math.min(sorted.length - 1, Math.floor(fraction * sorted.length))] ?? NaN;
}

export interface RunOptions {
	rounds?: number;
	roundMillis?: number;
	/** After each round's throughput, time single calls for this long, for p50 and p99 (off by default). */
	latencyMillis?: number;
}

export function runCases(cases: BenchCase[], options: RunOptions = {}): CaseResult[] {
	const rounds = options.rounds ?? 7;
	const roundMillis = options.roundMillis ?? 400;
	const latencyMillis = options.latencyMillis ?? 0;
	for (const benchCase of cases) timeRound(benchCase.run, roundMillis / 2); // warm-up: JIT and caches
	const samples = new Map<string, number[]>(cases.map((benchCase) => [benchCase.name, []]));
	const latencies = new Map<string, number[]>(cases.map((benchCase) => [benchCase.name, []]));
	for (let round = 0; round < rounds; round++) {
		for (const benchCase of cases) {
			samples.get(benchCase.name)?.push(timeRound(benchCase.run, roundMillis));
			if (latencyMillis > 0) timeCalls(benchCase.run, latencyMillis, latencies.get(benchCase.name) ?? []);
		}
	}
	return cases.map(({ name }) => {
		const values = samples.get(name) ?? [];
		const calls = latencies.get(name) ?? [];
		const opsPerSecond = median(values);
		return {
			name,
			opsPerSecond,
			microsPerOp: 1e6 / opsPerSecond,
			rounds: values,
			minOpsPerSecond: Math.min(...values),
			maxOpsPerSecond: Math.max(...values),
			...(calls.length > 0 ? { p50Micros: percentile(calls, 0.5), p99Micros: percentile(calls, 0.99) } : {}),
		};
	});
}

/** Median over rounds of a's throughput divided by b's in the same round (both from one runCases call). */
export function pairedRatio(a: CaseResult, b: CaseResult): number {
	return median(a.rounds.map((opsPerSecond, round) => opsPerSecond / b.rounds[round]));
}

/** Whether rounds start from a collected heap (the report says so). */
export const collectsBetweenRounds = collectGarbage !== undefined;

export { median };
