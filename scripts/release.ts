/**
 * `npm run release`.
 * - In GitHub Actions (publish.yml, on a version tag): n8n's own `n8n-node release`, which lints, builds and runs
 *   `npm publish` with provenance; `prepublishOnly` (scripts/publish-guard.ts) checks the tag and the provenance.
 * - Locally, `npm run release -- <version>`: turns CHANGELOG.md's Unreleased section into that version, sets it in
 *   package.json, commits and tags. Pushing the tag is what publishes; nothing is published from this machine.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = join(__dirname, '..');
const run = (command: string, args: string[]): string =>
	execFileSync(command, args, { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] }).trim();

/** CHANGELOG.md with its `## [Unreleased]` heading turned into `## [version] - date` under a fresh empty Unreleased. */
export function changelogForRelease(changelog: string, version: string, date: string): string {
	const unreleased = '## [Unreleased]';
	const at = changelog.indexOf(unreleased);
	if (at < 0) throw new Error('CHANGELOG.md has no "## [Unreleased]" section');
	const next = changelog.indexOf('\n## [', at + unreleased.length);
	const entries = changelog.slice(at + unreleased.length, next < 0 ? undefined : next).trim();
	if (!entries) throw new Error('CHANGELOG.md: the Unreleased section is empty, nothing to release');
	if (changelog.includes(`## [${version}]`)) throw new Error(`CHANGELOG.md already has a ${version} section`);
	return `${changelog.slice(0, at)}${unreleased}\n\n## [${version}] - ${date}\n\n${entries}\n${next < 0 ? '' : changelog.slice(next)}`;
}

function prepareRelease(version: string | undefined): void {
	if (!version || !/^\d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?$/.test(version)) {
		throw new Error('usage: npm run release -- <version>   (e.g. 0.2.0; the tag is the bare version)');
	}
	if (run('git', ['status', '--porcelain'])) throw new Error('the working tree has changes: commit or stash them');
	if (run('git', ['rev-parse', '--abbrev-ref', 'HEAD']) !== 'main') throw new Error('releases are cut from main');
	const changelogPath = join(ROOT, 'CHANGELOG.md');
	const date = new Date().toISOString().slice(0, 10);
	writeFileSync(changelogPath, changelogForRelease(readFileSync(changelogPath, 'utf8'), version, date));
	run('npm', ['version', version, '--no-git-tag-version', '--ignore-scripts']);
	run('git', [
		'commit',
		'--quiet',
		'-m',
		`Release ${version}`,
		'--',
		'CHANGELOG.md',
		'package.json',
		'package-lock.json',
	]);
	run('git', ['tag', '--annotate', version, '-m', `Release ${version}`]);
	process.stdout.write(
		`Tagged ${version}. Publish it with:  git push origin main ${version}\n` +
			'(the tag starts .github/workflows/publish.yml: tests, then npm publish with provenance)\n',
	);
}

if (require.main === module) {
	try {
		if (process.env.GITHUB_ACTIONS === 'true') {
			execFileSync('npx', ['n8n-node', 'release'], { cwd: ROOT, stdio: 'inherit' });
		} else {
			prepareRelease(process.argv[2]);
		}
	} catch (error) {
		process.stderr.write(`npm run release: ${error instanceof Error ? error.message : String(error)}\n`);
		process.exit(1);
	}
}
