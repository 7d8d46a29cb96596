/* eslint-disable @n8n/community-nodes/no-restricted-globals -- dev tooling, never shipped (README: Lint) */
/**
 * The e2e suite's test runner: sequential tests (they share one n8n and one workflow, so execution counts are only
 * meaningful one test at a time), one line per test on stdout, and a closing `N passed, N failed` line that CI reads.
 * Failure details beyond the one-line reason go to stderr, indented, so the per-test lines stay one line each.
 */

export interface TestCase {
	name: string;
	run(): Promise<void>;
	/** A hung request or poll fails the test instead of the whole run. */
	timeoutMs?: number;
}

export interface TestOutcome {
	name: string;
	passed: boolean;
	durationMs: number;
	reason?: string;
}

export const DEFAULT_TEST_TIMEOUT_MS = 60_000;

export class TestTimeoutError extends Error {}

/** Runs `task`, failing after `ms`; the timer is cleared so it cannot keep the process alive. */
export async function withTimeout<T>(task: Promise<T>, ms: number, what: string): Promise<T> {
	let timer: NodeJS.Timeout | undefined;
	const timeout = new Promise<never>((_, reject) => {
		timer = setTimeout(() => reject(new TestTimeoutError(`${what} did not finish within ${ms} ms`)), ms);
	});
	try {
		return await Promise.race([task, timeout]);
	} finally {
		clearTimeout(timer);
	}
}

function describeError(error: unknown): { reason: string; details: string } {
	const message = error instanceof Error ? error.message : String(error);
	const [firstLine = ''] = message.split('\n');
	const reason = firstLine.replace(/\s+/g, ' ').trim().slice(0, 400) || 'failed without a message';
	const details = error instanceof Error && error.stack ? error.stack : message;
	return { reason, details };
}

export class TestRunner {
	readonly outcomes: TestOutcome[] = [];
	summaryPrinted = false;
	private interruption: string | undefined;

	constructor(
		private readonly write: (line: string) => void = (line) => process.stdout.write(`${line}\n`),
		private readonly writeDetails: (text: string) => void = (text) => process.stderr.write(`${text}\n`),
	) {}

	async run(test: TestCase): Promise<TestOutcome> {
		const started = performance.now();
		let outcome: TestOutcome;
		try {
			await withTimeout(test.run(), test.timeoutMs ?? DEFAULT_TEST_TIMEOUT_MS, `"${test.name}"`);
			outcome = { name: test.name, passed: true, durationMs: Math.round(performance.now() - started) };
			this.write(`✓ ${test.name} (${outcome.durationMs} ms)`);
		} catch (error) {
			const { reason, details } = describeError(error);
			outcome = { name: test.name, passed: false, durationMs: Math.round(performance.now() - started), reason };
			this.write(`✗ ${test.name}: ${reason}`);
			this.writeDetails(details.replace(/^/gm, '    '));
		}
		this.outcomes.push(outcome);
		return outcome;
	}

	async runAll(tests: readonly TestCase[]): Promise<void> {
		for (const [index, test] of tests.entries()) {
			if (this.interruption) {
				this.skipAsFailed(`the ${tests.length - index} remaining tests`, `not run: ${this.interruption}`);
				return;
			}
			await this.run(test);
		}
	}

	/** Lets the test in progress end (it fails once what it talks to is stopped) and runs no further ones. */
	interrupt(reason: string): void {
		this.interruption ??= reason;
	}

	get interrupted(): boolean {
		return this.interruption !== undefined;
	}

	/** Counts a test that could not run (its setup failed) as failed, with the reason. */
	skipAsFailed(name: string, reason: string): void {
		this.outcomes.push({ name, passed: false, durationMs: 0, reason });
		this.write(`✗ ${name}: ${reason}`);
	}

	get passed(): number {
		return this.outcomes.filter((outcome) => outcome.passed).length;
	}

	get failed(): number {
		return this.outcomes.filter((outcome) => !outcome.passed).length;
	}

	/** The closing line, alone on its line: CI parses it. */
	printSummary(): void {
		this.summaryPrinted = true;
		this.write(`${this.passed} passed, ${this.failed} failed`);
	}
}

/**
 * Runs a suite's `main` with a fresh runner and exits with its code: 130 when interrupted, 1 on any failure; a crash
 * outside a test still ends with the summary line CI reads.
 */
export function runSuiteMain(suite: string, main: (runner: TestRunner) => Promise<void>): void {
	const runner = new TestRunner();
	main(runner).then(
		() => process.exit(runner.interrupted ? 130 : runner.failed > 0 ? 1 : 0),
		(error: unknown) => {
			process.stderr.write(
				`${suite} crashed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
			);
			if (!runner.summaryPrinted) {
				runner.skipAsFailed('the suite', 'crashed outside a test');
				runner.printSummary();
			}
			process.exit(1);
		},
	);
}
