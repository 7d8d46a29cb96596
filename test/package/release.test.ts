/**
 * Releases: the workflow files are valid YAML with intact `${{ }}` expressions (node-cli 0.48.3's `n8n-node new`
 * mangles them), publishing happens only in publish.yml on a tag, after CI, with provenance, and the guards refuse
 * every other publish.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseDocument } from 'yaml';

import { changelogForRelease } from '../../scripts/release';
import { publishRefusal } from '../../scripts/publish-guard';

const ROOT = join(__dirname, '..', '..');

interface Step {
	uses?: string;
	run?: string;
	with?: Record<string, string>;
	env?: Record<string, string>;
}
interface Job {
	uses?: string;
	needs?: string;
	'runs-on'?: string;
	container?: string;
	permissions?: Record<string, string>;
	steps?: Step[];
}
interface Workflow {
	on: Record<string, unknown>;
	jobs: Record<string, Job>;
}

function workflow(name: string): { text: string; parsed: Workflow } {
	const text = readFileSync(join(ROOT, '.github', 'workflows', name), 'utf8');
	const document = parseDocument(text, { prettyErrors: true, strict: true, uniqueKeys: true });
	expect(document.errors.map(String)).toEqual([]);
	expect(document.warnings.map(String)).toEqual([]);
	return { text, parsed: document.toJS() as Workflow };
}

const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
	version: string;
	scripts: Record<string, string>;
	publishConfig?: { provenance?: boolean; access?: string };
};

describe.each(['ci.yml', 'publish.yml'])('%s', (name) => {
	test('parses as YAML and every ${{ }} expression is whole', () => {
		const { text } = workflow(name);
		const code = text
			.split('\n')
			.filter((line) => !line.trimStart().startsWith('#'))
			.join('\n');
		// A `$` is either a shell variable ($NPM_TOKEN) or opens a complete ${{ … }} expression.
		expect(code.match(/\$(?![A-Za-z_{])|\$\{(?!\{[^}]+\}\})/g) ?? []).toEqual([]);
		expect((code.match(/\$\{\{/g) ?? []).length).toBeGreaterThan(0);
	});
});

test('ci.yml runs .ci/run on pull requests, on main, and when publish.yml calls it', () => {
	const { parsed } = workflow('ci.yml');
	expect(Object.keys(parsed.on).sort()).toEqual(['pull_request', 'push', 'workflow_call']);
	expect(parsed.on.push).toEqual({ branches: ['main'] });
	const steps = Object.values(parsed.jobs).flatMap((job) => job.steps ?? []);
	expect(steps.map((step) => step.run)).toContain('.ci/run');
	expect(steps.map((step) => step.uses)).toContain('actions/checkout@v4');
});

test('publish.yml publishes on a version tag, after CI, with an OIDC token for provenance', () => {
	const { parsed } = workflow('publish.yml');
	expect(parsed.on).toEqual({ push: { tags: ['*.*.*'] } });
	expect(parsed.jobs.ci.uses).toBe('./.github/workflows/ci.yml');
	const publish = parsed.jobs.publish;
	expect(publish.needs).toBe('ci');
	expect(publish.permissions).toEqual({ 'id-token': 'write', contents: 'read' });
	const steps = publish.steps ?? [];
	const setupNode = steps.find((step) => step.uses?.startsWith('actions/setup-node@'));
	expect(setupNode?.with?.['registry-url']).toBe('https://registry.npmjs.org/');
	const release = steps.find((step) => step.run?.includes('npm run release'));
	expect(release?.env?.npm_config_ignore_scripts).toBe('false');
});

test('package.json: release and the publish guard; npm itself demands provenance', () => {
	expect(manifest.scripts.release).toBe('tsx scripts/release.ts');
	expect(manifest.scripts.prepublishOnly).toBe('tsx scripts/publish-guard.ts');
	expect(manifest.publishConfig).toEqual({ access: 'public', provenance: true });
});

describe('publish guard', () => {
	const inPublishWorkflow = {
		GITHUB_ACTIONS: 'true',
		GITHUB_WORKFLOW_REF: 'n8n-nodes-techwolf/n8n-nodes-techwolf/.github/workflows/publish.yml@refs/tags/1.2.3',
		GITHUB_REF_NAME: '1.2.3',
		npm_config_provenance: 'true',
	};

	test('lets publish.yml publish the tagged version with provenance', () => {
		expect(publishRefusal(inPublishWorkflow, '1.2.3')).toBeUndefined();
	});

	test.each([
		['a local publish', {}, /published only by \.github\/workflows\/publish\.yml/],
		[
			'another workflow',
			{ ...inPublishWorkflow, GITHUB_WORKFLOW_REF: 'o/r/.github/workflows/ci.yml@refs/heads/main' },
			/only in \.github\/workflows\/publish\.yml on a tag, not in o\/r\/\.github\/workflows\/ci\.yml/,
		],
		[
			'a tag for another version',
			{ ...inPublishWorkflow, GITHUB_REF_NAME: '1.2.4' },
			/tag 1\.2\.4 does not match package\.json version 1\.2\.3/,
		],
		['no provenance', { ...inPublishWorkflow, npm_config_provenance: 'false' }, /must run with provenance/],
	])('refuses %s, saying why', (_case, env, reason) => {
		expect(publishRefusal(env, '1.2.3')).toMatch(reason);
	});
});

describe('changelog for a release', () => {
	const changelog =
		'# Changelog\n\nIntro.\n\n## [Unreleased]\n\n### Added\n\n- A thing.\n\n## [0.1.0] - 2026-01-01\n\n- Old.\n';

	test('moves the Unreleased entries under the version and leaves an empty Unreleased', () => {
		expect(changelogForRelease(changelog, '0.2.0', '2026-12-01')).toBe(
			'# Changelog\n\nIntro.\n\n## [Unreleased]\n\n## [0.2.0] - 2026-12-01\n\n### Added\n\n- A thing.\n\n## [0.1.0] - 2026-01-01\n\n- Old.\n',
		);
	});

	test('refuses an empty Unreleased section and a version already released', () => {
		const released = changelogForRelease(changelog, '0.2.0', '2026-12-01');
		expect(() => changelogForRelease(released, '0.3.0', '2026-12-02')).toThrow(/Unreleased section is empty/);
		expect(() => changelogForRelease(changelog, '0.1.0', '2026-12-02')).toThrow(/already has a 0\.1\.0 section/);
	});
});
