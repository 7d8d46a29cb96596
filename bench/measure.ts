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

export function runCases(cases: BenchCase[], options: { rounds?: number; roundMillis?: number } = {}): CaseResult[] {
	const rounds = options.rounds ?? 7;
	const roundMillis = options.roundMillis ?? 400;
	for (const benchCase of cases) timeRound(benchCase.run, roundMillis / 2); // warm-up: JIT and caches
	const samples = new Map<string, number[]>(cases.map((benchCase) => [benchCase.name, []]));
	for (let round = 0; round < rounds; round++) {
		for (const benchCase of cases) samples.get(benchCase.name)?.push(timeRound(benchCase.run, roundMillis));
	}
	return cases.map(({ name }) => {
		const values = samples.get(name) ?? [];
		const opsPerSecond = median(values);
		return {
			name,
			opsPerSecond,
			microsPerOp: 1e6 / opsPerSecond,
			rounds: values,
			minOpsPerSecond: Math.min(...values),
			maxOpsPerSecond: Math.max(...values),
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
