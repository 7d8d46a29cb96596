/**
 * `npm run scan`: n8n's package scanner (@n8n/scan-community-package, its exported analyser with its own pinned
 * ESLint and rule plugins) run the way n8n runs it before verifying a package, on this checkout and on the tarball
 * `npm pack` makes from a fresh build:
 * - source leg: the package root as the scanner finds it in a repository (`findPackageRoot`), files
 *   `SOURCE_FILE_PATTERNS` (package.json, nodes/ and credentials/);
 * - tarball leg: the unpacked tarball's `**\/*.js` and package.json;
 * - provenance leg: only a version publish.yml has published carries an attestation, so this leg runs when the
 *   version is on npm and is reported as not applicable before that.
 * `tsx scripts/scan.ts <checkout>` scans another checkout (the scanner's own test in test/package/scan.test.ts).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

import type { Analysis } from '@n8n/scan-community-package/scanner/scanner.mjs';

const TARBALL_PATTERNS = ['**/*.js', 'package.json'];

const run = (command: string, args: string[], cwd: string): string =>
	execFileSync(command, args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });

function report(leg: string, result: Analysis): boolean {
	process.stdout.write(`${result.passed ? 'pass' : 'FAIL'}  ${leg}${result.message ? `: ${result.message}` : ''}\n`);
	if (result.details) process.stdout.write(`${result.details}\n`);
	return result.passed;
}

async function scan(checkout: string, withTarball: boolean): Promise<boolean> {
	const scanner = await import('@n8n/scan-community-package/scanner/scanner.mjs');
	const { name, version } = JSON.parse(readFileSync(join(checkout, 'package.json'), 'utf8')) as {
		name: string;
		version: string;
	};
	const packageRoot = scanner.findPackageRoot(checkout, name);
	if (!packageRoot || resolve(packageRoot) !== resolve(checkout)) {
		return report('source', { passed: false, message: `the scanner finds ${name} at ${packageRoot ?? 'no path'}` });
	}
	let passed = report(
		`source: ${scanner.SOURCE_FILE_PATTERNS.join(', ')} in ${checkout}`,
		await scanner.analyzePackage(packageRoot, scanner.SOURCE_FILE_PATTERNS),
	);
	if (!withTarball) return passed;

	run('npm', ['run', '--silent', 'build'], checkout);
	const work = mkdtempSync(join(tmpdir(), 'n8n-scan-'));
	try {
		const [packed] = JSON.parse(
			run('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', work], checkout),
		) as [{ filename: string }];
		const unpacked = join(work, 'package');
		run('tar', ['-xzf', packed.filename], work);
		passed =
			report(
				`tarball: ${TARBALL_PATTERNS.join(', ')} in ${packed.filename}`,
				await scanner.analyzePackage(unpacked, TARBALL_PATTERNS),
			) && passed;
	} finally {
		rmSync(work, { recursive: true, force: true });
	}

	let published: unknown;
	try {
		published = JSON.parse(run('npm', ['view', `${name}@${version}`, '--json'], checkout));
	} catch (error) {
		const stderr = String((error as { stderr?: unknown }).stderr ?? error);
		if (!stderr.includes('E404')) return report('provenance', { passed: false, message: stderr.trim() });
		process.stdout.write(
			`n/a   provenance: ${name}@${version} is not on npm; only a version published by .github/workflows/publish.yml carries the attestation n8n requires\n`,
		);
		return passed;
	}
	const { checkPackageProvenance } = await import('@n8n/scan-community-package/scanner/provenance.mjs');
	return (
		report(`provenance: ${name}@${version}`, checkPackageProvenance({ versions: { [version]: published } }, version)) &&
		passed
	);
}

const target = process.argv[2];
scan(resolve(target ?? join(__dirname, '..')), target === undefined).then(
	(passed) => process.exit(passed ? 0 : 1),
	(error: unknown) => {
		process.stderr.write(`npm run scan: ${error instanceof Error ? error.stack : String(error)}\n`);
		process.exit(1);
	},
);
