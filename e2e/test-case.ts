/**
 * The e2e, queue and registry suites' tests, on Node's built-in runner: each test file gives a list of `TestCase`, and
 * the suite's entry registers them with `node:test`, whose top-level tests run one at a time (they share one n8n, so
 * execution counts mean something only one test at a time), after its setup (`beforeSuite`). The lists are built
 * before that setup has run, so a test reads what setup provides inside `run`, through `setUp`.
 */
import { before, test } from 'node:test';

import { ensureN8n, INSTALL_TIMEOUT_MS, type LogFn, type N8nInstallation } from './n8n/install';

export interface TestCase {
	name: string;
	run(): Promise<void>;
	/** A hung request or poll fails the test instead of the whole run. */
	timeoutMs?: number;
}

const DEFAULT_TEST_TIMEOUT_MS = 60_000;

/**
 * Registers the tests with `node:test`, in order; `E2E_ONLY=<regular expression>` keeps only those whose names match
 * (the suite's setup always runs). `anyFailed` tells the suite's `after` hook whether to show n8n's log: a test that
 * threw or timed out never reaches the end of its `run`.
 */
export function registerTests(tests: readonly TestCase[]): { anyFailed(): boolean } {
	const only = process.env.E2E_ONLY ? new RegExp(process.env.E2E_ONLY) : undefined;
	let started = 0;
	let finished = 0;
	for (const testCase of tests) {
		if (only && !only.test(testCase.name)) continue;
		test(testCase.name, { timeout: testCase.timeoutMs ?? DEFAULT_TEST_TIMEOUT_MS }, async () => {
			started += 1;
			await testCase.run();
			finished += 1;
		});
	}
	return { anyFailed: () => finished < started };
}

/** What the suite's `before` sets up, read by a test: before setup (while the lists are built) it throws, saying so. */
export function setUp<T>(value: T | undefined, what: string): T {
	if (value === undefined) throw new Error(`${what} is read before the suite's setup ran: read it inside a test's run`);
	return value;
}

/**
 * The suite's setup as its one `before` hook, handed the installed n8n. One hook, because node:test (Node 20) runs a
 * file's `before` hooks at once, not one after the other. The first run installs n8n into .cache/ (minutes): the
 * timeout is `startTimeoutMs` plus room for that.
 */
export function beforeSuite(
	log: LogFn,
	startTimeoutMs: number,
	setUpSuite: (install: N8nInstallation) => Promise<void>,
): void {
	before(async () => setUpSuite(await ensureN8n({ log })), { timeout: startTimeoutMs + INSTALL_TIMEOUT_MS });
}
