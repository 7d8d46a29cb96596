/**
 * Runs Jest test files under Deno 2, unchanged: the files' `describe`, `test` (with `.each`) and their hooks become
 * Deno tests, one per Jest test, named by its describe path; `expect`, `jest.fn` and `jest.spyOn` are Jest's own (the
 * `expect` and `jest-mock` packages). Anything else a file uses throws rather than passing silently.
 */
import { format } from 'node:util';

import { expect } from 'expect';
import { fn, spyOn } from 'jest-mock';

declare const Deno: {
	test(definition: { name: string; fn: () => Promise<void>; sanitizeOps: boolean; sanitizeResources: boolean }): void;
};

type Body = () => unknown;
type Hook = 'beforeAll' | 'afterAll' | 'beforeEach' | 'afterEach';

interface Suite {
	name: string;
	parent: Suite | undefined;
	hooks: Record<Hook, Body[]>;
	tests: Array<{ name: string; run: Body } | Suite>;
	/** beforeAll has run. */
	started: boolean;
}

const newSuite = (name: string, parent: Suite | undefined): Suite => ({
	name,
	parent,
	hooks: { beforeAll: [], afterAll: [], beforeEach: [], afterEach: [] },
	tests: [],
	started: false,
});

let current: Suite | undefined;

function open(): Suite {
	if (!current) throw new Error('describe, test and hooks are only registered while a Jest file loads');
	return current;
}

/** A title as Jest's `.each` writes it: %s, %j, %p, %i, %d take the row's values in order, %# its index. */
function title(template: string, row: unknown[], index: number): string {
	let next = 0;
	return template.replace(/%([sjpid#%])/g, (_match, kind: string) => {
		if (kind === '%') return '%';
		if (kind === '#') return String(index);
		const value = row[next++];
		if (kind === 'j') return JSON.stringify(value);
		if (kind === 's' && typeof value === 'string') return value;
		return format(kind === 'p' || kind === 's' ? '%o' : '%d', value);
	});
}

function each(add: (name: string, run: Body) => void) {
	return (rows: readonly unknown[]) =>
		(template: string, run: (...args: unknown[]) => unknown): void =>
			rows.forEach((row, index) => {
				const args = Array.isArray(row) ? row : [row];
				add(title(template, args, index), () => run(...args));
			});
}

function addTest(name: string, run: Body): void {
	open().tests.push({ name, run });
}

function describe(name: string, body: () => void): void {
	const parent = open();
	const suite = newSuite(name, parent);
	parent.tests.push(suite);
	current = suite;
	try {
		body();
	} finally {
		current = parent;
	}
}

const unsupported = (name: string) => () => {
	throw new Error(`${name} is not supported under Deno (test/deno/jestFiles.ts)`);
};

const test = Object.assign(addTest, {
	each: each(addTest),
	skip: unsupported('test.skip'),
	only: unsupported('test.only'),
	todo: unsupported('test.todo'),
	concurrent: unsupported('test.concurrent'),
});

const hook = (kind: Hook) => (run: Body) => void open().hooks[kind].push(run);

Object.assign(globalThis, {
	describe: Object.assign(describe, { each: each(describe), skip: unsupported('describe.skip') }),
	test,
	it: test,
	expect,
	beforeAll: hook('beforeAll'),
	afterAll: hook('afterAll'),
	beforeEach: hook('beforeEach'),
	afterEach: hook('afterEach'),
	jest: new Proxy({ fn, spyOn } as Record<string | symbol, unknown>, {
		get: (mocks, name) => mocks[name] ?? unsupported(`jest.${String(name)}`)(),
	}),
});

const ancestry = (suite: Suite | undefined): Suite[] => (suite ? [...ancestry(suite.parent), suite] : []);

/** Runs every body, and throws the first error once all have run (afterEach and afterAll run whatever failed). */
async function runAll(bodies: Body[]): Promise<void> {
	let failure: unknown;
	for (const body of bodies) {
		try {
			await body();
		} catch (error) {
			failure ??= error;
		}
	}
	if (failure !== undefined) throw failure;
}

/** A suite's tests in order, each with its suites from the outermost in. */
function leaves(suite: Suite): Array<{ name: string; run: Body; suites: Suite[] }> {
	return suite.tests.flatMap((entry) => ('tests' in entry ? leaves(entry) : [{ ...entry, suites: ancestry(suite) }]));
}

/**
 * One Deno test per Jest test: a suite's beforeAll runs before its first test, its afterAll after its last, and each
 * test within its suites' beforeEach and afterEach.
 */
function register(root: Suite): void {
	const tests = leaves(root);
	for (const [index, entry] of tests.entries()) {
		const ending = entry.suites.filter(
			(suite) => !tests.slice(index + 1).some((later) => later.suites.includes(suite)),
		);
		Deno.test({
			name: entry.suites
				.map((suite) => suite.name)
				.concat(entry.name)
				.join(' › '),
			// Jest's files start servers in beforeAll and stop them in afterAll, across tests.
			sanitizeOps: false,
			sanitizeResources: false,
			fn: async () => {
				try {
					for (const suite of entry.suites) {
						if (suite.started) continue;
						suite.started = true;
						for (const run of suite.hooks.beforeAll) await run();
					}
					for (const suite of entry.suites) for (const run of suite.hooks.beforeEach) await run();
					const afterEach = [...entry.suites].reverse().flatMap((suite) => suite.hooks.afterEach);
					await runAll([entry.run, ...afterEach]);
				} finally {
					await runAll(ending.reverse().flatMap((suite) => suite.hooks.afterAll));
				}
			},
		});
	}
}

/** Loads a Jest test file and registers its tests, named after the file. */
export async function registerJestFile(path: string, load: () => Promise<unknown>): Promise<void> {
	const root = newSuite(path, undefined);
	current = root;
	try {
		await load();
	} finally {
		current = undefined;
	}
	register(root);
}
