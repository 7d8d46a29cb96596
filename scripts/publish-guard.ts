/**
 * `prepublishOnly`: npm publishes this package only from .github/workflows/publish.yml, on a version tag, with a
 * provenance attestation. n8n verifies only packages published that way (CONTRIBUTING.md, "Releases"), and a publish
 * from a laptop cannot be undone into one, so anything else stops here with the reason.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const PUBLISH_WORKFLOW = '.github/workflows/publish.yml';

export function publishRefusal(env: NodeJS.ProcessEnv, version: string): string | undefined {
	if (env.GITHUB_ACTIONS !== 'true') {
		return `n8n-nodes-techwolf is published only by ${PUBLISH_WORKFLOW} (with npm provenance, which n8n requires): push a version tag instead (npm run release -- <version>)`;
	}
	const workflow = env.GITHUB_WORKFLOW_REF ?? '';
	if (!workflow.includes(`/${PUBLISH_WORKFLOW}@refs/tags/`)) {
		return `publishing runs only in ${PUBLISH_WORKFLOW} on a tag, not in ${workflow || 'an unknown workflow'}`;
	}
	if (env.GITHUB_REF_NAME !== version) {
		return `tag ${env.GITHUB_REF_NAME ?? '(none)'} does not match package.json version ${version}`;
	}
	if (env.npm_config_provenance !== 'true') {
		return 'npm publish must run with provenance (npm publish --provenance, or npm run release)';
	}
	return undefined;
}

if (require.main === module) {
	const { version } = JSON.parse(readFileSync(join(__dirname, '..', 'package.json'), 'utf8')) as { version: string };
	const refusal = publishRefusal(process.env, version);
	if (refusal) {
		process.stderr.write(`Refusing to publish: ${refusal}\n`);
		process.exit(1);
	}
}
