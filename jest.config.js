/** Unit and integration tests (real HTTP on 127.0.0.1 against the sandbox); e2e and benchmarks run elsewhere. */
module.exports = {
	testEnvironment: 'node',
	roots: ['<rootDir>/test'],
	testMatch: ['**/*.test.ts'],
	testPathIgnorePatterns: ['/test/deno/'],
	// Tests assert behaviour, never speed (that is `npm run bench`): a test that makes hundreds of HTTP calls to the
	// sandbox must not fail because the machine is busy (the 5 s default did, at a load average of 15).
	testTimeout: 30_000,
	transform: {
		// Type checking is `npm run typecheck`; here ts-jest only transpiles (isolatedModules), which is fast.
		'^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.dev.json' }],
		// @noble/ed25519 v3 ships ES modules only; compile it to CommonJS for Jest on Node 20.
		'^.+/@noble/.+\\.js$': [
			'ts-jest',
			{ tsconfig: { allowJs: true, module: 'commonjs', target: 'es2020', isolatedModules: true } },
		],
	},
	transformIgnorePatterns: ['/node_modules/(?!@noble/)'],
};
