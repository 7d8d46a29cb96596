/**
 * What the registry suite runs against: the packed package published to a private registry (e2e/services/registry.ts),
 * the TechWolf sandbox, and a real n8n with no package installed, pointed at that registry. Installing is the tests'
 * job, through n8n's own installer.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import * as fsp from 'node:fs/promises';
import * as path from 'node:path';

import { startSandbox, type Sandbox } from '../../sandbox/server';
import { generateSigningKeyPair, type SigningKeyPair } from '../../sandbox/signer';
import { packPackage } from '../n8n/community-package';
import { REPO_ROOT, type LogFn, type N8nInstallation } from '../n8n/install';
import { startN8n, type N8nInstance } from '../n8n/instance';
import { buildPackage } from '../playground';
import { startRegistry, type Registry } from '../services/registry';
import { patchBump, repackAsVersion } from './package-release';

/**
 * The licence feature n8n 2.41.1 asks for before it installs from any registry but registry.npmjs.org
 * (CommunityPackagesService.getNpmRegistry). Without it, N8N_COMMUNITY_PACKAGES_REGISTRY makes every install fail.
 */
export const CUSTOM_REGISTRY_FEATURE = 'feat:communityNodes:customRegistry';

export interface RegistryEnvironment {
	registry: Registry;
	sandbox: Sandbox;
	n8n: N8nInstance;
	signingKey: SigningKeyPair;
	/** The package as packed from dist/ and published first. */
	packageName: string;
	firstVersion: string;
	/** The packed tarball of `firstVersion`, for repacking as later versions. */
	tarball: string;
	stop(): Promise<void>;
}

/**
 * The type names a package declares in package.json `n8n` (nodes as `<package>.<name>`), read from the built classes
 * as n8n reads them.
 */
export function declaredTypeNames(): { nodes: string[]; credentials: string[] } {
	const manifest = JSON.parse(readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as {
		name: string;
		n8n: { nodes: string[]; credentials: string[] };
	};
	const load = createRequire(path.join(REPO_ROOT, 'package.json'));
	const instanceOf = (file: string): unknown => {
		const exported = Object.values(load(`./${file}`) as Record<string, new () => unknown>);
		if (exported.length !== 1 || typeof exported[0] !== 'function') throw new Error(`${file} exports no one class`);
		return new exported[0]();
	};
	return {
		nodes: manifest.n8n.nodes.map(
			(file) => `${manifest.name}.${(instanceOf(file) as { description: { name: string } }).description.name}`,
		),
		credentials: manifest.n8n.credentials.map((file) => (instanceOf(file) as { name: string }).name),
	};
}

/** Publishes the first version's files as the version `steps` patches later; returns that version. */
export async function publishPatchVersion(env: RegistryEnvironment, steps: number): Promise<string> {
	const version = patchBump(env.firstVersion, steps);
	const tarball = await repackAsVersion(env.tarball, version);
	try {
		await env.registry.publish(tarball);
	} finally {
		await fsp.rm(path.dirname(tarball), { recursive: true, force: true });
	}
	return version;
}

/**
 * n8n's own test hook (E2E_TESTS=true, the one n8n's Playwright suite uses) switches a licence feature on in the
 * running n8n; no licence server is asked and nothing is written to the database.
 */
export async function grantLicenceFeature(n8n: N8nInstance, feature: string): Promise<void> {
	const response = await fetch(`${n8n.baseUrl}/rest/e2e/feature`, {
		method: 'PATCH',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify({ feature, enabled: true }),
	});
	if (!response.ok)
		throw new Error(`PATCH /rest/e2e/feature ${feature} -> ${response.status}: ${await response.text()}`);
}

export async function startRegistryEnvironment(options: {
	install: N8nInstallation;
	skipBuild: boolean;
	log: LogFn;
}): Promise<RegistryEnvironment> {
	const { log } = options;
	if (!options.skipBuild) buildPackage(log);
	const packed = await packPackage();
	const stops: Array<() => Promise<void>> = [
		() => fsp.rm(path.dirname(packed.tarball), { recursive: true, force: true }),
	];
	const stop = async (): Promise<void> => {
		for (const step of stops.reverse()) await step().catch((error: unknown) => log(`stop: ${String(error)}`));
		stops.length = 0;
	};
	try {
		const registry = await startRegistry();
		stops.push(registry.stop);
		await registry.publish(packed.tarball);
		log(`published ${packed.name}@${packed.version} to ${registry.url} (Verdaccio, pid ${registry.pid})`);
		const sandbox = await startSandbox({ port: 0 });
		stops.push(() => sandbox.stop());
		log(`TechWolf sandbox at ${sandbox.url}`);
		const n8n = await startN8n({
			install: options.install,
			env: {
				E2E_TESTS: 'true',
				N8N_COMMUNITY_PACKAGES_REGISTRY: registry.url,
				// n8n looks for updates with a bare `npm outdated`, which asks npm's own registry setting, not the one
				// above: without this the Update button would compare against registry.npmjs.org.
				npm_config_registry: `${registry.url}/`,
			},
			log,
		});
		stops.push(() => n8n.stop());
		return {
			registry,
			sandbox,
			n8n,
			signingKey: generateSigningKeyPair(),
			packageName: packed.name,
			firstVersion: packed.version,
			tarball: packed.tarball,
			stop,
		};
	} catch (error) {
		await stop();
		throw error;
	}
}
