/**
 * The package through n8n's own installer, as the Community Nodes screen drives it over REST: installed from the
 * private registry, the example workflow run with both nodes, updated to a newer published version, and uninstalled.
 * In order: each test starts from the state the previous one left.
 */
import * as assert from 'node:assert/strict';

import { findEvent, type CatalogEntry } from '../../nodes/shared/events';
import { deliverAndCheckRun } from '../event-run';
import { N8nRestError } from '../n8n/rest-client';
import { createSandboxCredentials, exampleWorkflowWith, webhookIdOf, type Playground } from '../playground';
import type { TestCase } from '../test-case';
import { SandboxClient } from '../sandbox-client';
import type { RegistryRequest } from '../services/registry';
import type { ExampleContext } from '../suite-context';
import { CommunityPackagesApi, type InstalledPackage } from './community-packages-api';
import {
	CUSTOM_REGISTRY_FEATURE,
	declaredTypeNames,
	grantLicenceFeature,
	publishPatchVersion,
	type RegistryEnvironment,
} from './environment';

const EMPLOYEE_EVENT = findEvent('employee.skill_profile.updated') as CatalogEntry;
/** n8n runs npm pack and npm install for an install or update: seconds, more on a busy 2-core machine. */
const INSTALL_TIMEOUT_MS = 120_000;

export interface RegistrySuiteState {
	/** Set once the example workflow is published with the installed nodes. */
	example?: Playground['example'];
}

/** The registry requests made after `since` requests had been answered. */
async function requestsSince(env: RegistryEnvironment, since: number): Promise<RegistryRequest[]> {
	return (await env.registry.requests()).slice(since);
}

export function registryTests(env: RegistryEnvironment, state: RegistrySuiteState = {}): TestCase[] {
	const api = (): CommunityPackagesApi => new CommunityPackagesApi(env.n8n.rest);
	const declared = declaredTypeNames();
	const ownTypes = (names: string[]) => names.filter((name) => name.startsWith(`${env.packageName}.`));

	const assertTypesLoaded = async (): Promise<void> => {
		const nodeTypes = await env.n8n.rest.nodeTypeNames();
		for (const name of declared.nodes) assert.ok(nodeTypes.includes(name), `n8n has no node type ${name}`);
		const credentialTypes = await env.n8n.rest.credentialTypeNames();
		for (const name of declared.credentials) {
			assert.ok(credentialTypes.includes(name), `n8n has no credential type ${name}`);
		}
	};

	const assertInstalled = (installed: InstalledPackage, version: string): void => {
		assert.equal(installed.packageName, env.packageName);
		assert.equal(installed.installedVersion, version);
		assert.deepEqual(installed.installedNodes.map((node) => node.type).sort(), [...declared.nodes].sort());
	};

	const exampleContext = (): ExampleContext => {
		assert.ok(state.example, 'the example workflow is not published (the workflow test did not pass)');
		return {
			playground: { n8n: env.n8n, signingKey: env.signingKey, example: state.example },
			sandboxClient: new SandboxClient(env.sandbox),
		};
	};

	async function refusesTheRegistryWithoutTheLicenceFeature(): Promise<void> {
		const error = await api()
			.install(env.packageName)
			.then(
				() => assert.fail('n8n installed from a custom registry without the licence feature'),
				(reason: unknown) => reason,
			);
		assert.ok(error instanceof N8nRestError, String(error));
		assert.ok(error.body.includes(CUSTOM_REGISTRY_FEATURE), `n8n refused for another reason: ${error.body}`);
		assert.deepEqual(await api().list(), []);
		assert.deepEqual(ownTypes(await env.n8n.rest.nodeTypeNames()), []);
	}

	async function installsThroughTheRestApi(): Promise<void> {
		await grantLicenceFeature(env.n8n, CUSTOM_REGISTRY_FEATURE);
		const before = (await env.registry.requests()).length;
		const installed = await api().install(env.packageName);
		assertInstalled(installed, env.firstVersion);

		// n8n's installer asked the registry for this package only (the peer dependency n8n-workflow is dropped
		// before its npm install), and got everything it asked for: the registry needs to serve nothing else.
		const requests = await requestsSince(env, before);
		assert.ok(requests.length > 0, 'n8n installed without asking the registry');
		for (const request of requests) {
			assert.ok(
				request.url === `/${env.packageName}` || request.url.startsWith(`/${env.packageName}/`),
				`n8n asked the registry for ${request.method} ${request.url}`,
			);
			// 304: npm's cache revalidating what it fetched a moment ago.
			assert.ok([200, 304].includes(request.status), `${request.method} ${request.url} -> ${request.status}`);
		}

		const [listed, ...others] = await api().list();
		assert.equal(others.length, 0, 'more than one community package listed');
		assert.ok(listed, 'n8n lists no community package');
		assertInstalled(listed, env.firstVersion);
		assert.equal(listed.failedLoading, false, 'n8n lists the package as failed to load');
		assert.equal(listed.updateAvailable, undefined, `an update to ${listed.updateAvailable} is offered already`);
		await assertTypesLoaded();
	}

	async function runsTheExampleWorkflowWithBothNodes(): Promise<void> {
		const credentialIds = await createSandboxCredentials(env.n8n, env.sandbox, env.signingKey);
		const workflowJson = exampleWorkflowWith(credentialIds);
		const workflow = await env.n8n.rest.upsertWorkflow(workflowJson);
		await env.n8n.rest.publishWorkflow(workflow.id);
		const webhookUrl = env.n8n.webhookUrl('webhook', webhookIdOf(workflowJson));
		await env.n8n.rest.waitForWebhook(webhookUrl);
		state.example = { workflowId: workflow.id, webhookUrl };
		await deliverAndCheckRun(exampleContext(), EMPLOYEE_EVENT);
	}

	async function updatesToAPublishedPatchThroughTheRestApi(): Promise<void> {
		const version = await publishPatchVersion(env, 1);
		const [offered] = await api().list();
		assert.equal(offered?.updateAvailable, version, 'the list does not offer the published patch as an update');

		assertInstalled(await api().update(env.packageName), version);
		const [listed] = await api().list();
		assert.ok(listed, 'n8n lists no community package after the update');
		assertInstalled(listed, version);
		assert.equal(listed.updateAvailable, undefined, `still offers ${listed.updateAvailable} after the update`);
		await assertTypesLoaded();
		// The published workflow keeps working on the new version's nodes.
		await deliverAndCheckRun(exampleContext(), EMPLOYEE_EVENT);
	}

	async function uninstallsThroughTheRestApiAndN8nStaysHealthy(): Promise<void> {
		await api().uninstall(env.packageName);
		assert.deepEqual(await api().list(), []);
		const readiness = await fetch(`${env.n8n.baseUrl}/healthz/readiness`);
		assert.equal(readiness.status, 200, `readiness answered ${readiness.status} after the uninstall`);
		assert.deepEqual(ownTypes(await env.n8n.rest.nodeTypeNames()), [], 'node types left after the uninstall');
		const credentialTypes = await env.n8n.rest.credentialTypeNames();
		assert.deepEqual(
			declared.credentials.filter((name) => credentialTypes.includes(name)),
			[],
			'credential types left after the uninstall',
		);
	}

	return [
		{
			name: `registry: without ${CUSTOM_REGISTRY_FEATURE} n8n refuses to install from the private registry`,
			run: refusesTheRegistryWithoutTheLicenceFeature,
		},
		{
			name: 'registry: POST /rest/community-packages installs the package; both nodes and all five credentials load, and n8n asked the registry for this package only',
			timeoutMs: INSTALL_TIMEOUT_MS,
			run: installsThroughTheRestApi,
		},
		{
			name: 'registry: the example workflow (TechWolf Trigger → TechWolf) runs a signed delivery against the sandbox',
			run: runsTheExampleWorkflowWithBothNodes,
		},
		{
			name: 'registry: a published patch is offered and PATCH /rest/community-packages updates to it; the workflow still runs',
			timeoutMs: INSTALL_TIMEOUT_MS,
			run: updatesToAPublishedPatchThroughTheRestApi,
		},
		{
			name: 'registry: DELETE /rest/community-packages uninstalls; n8n stays ready and the package types are gone',
			timeoutMs: INSTALL_TIMEOUT_MS,
			run: uninstallsThroughTheRestApiAndN8nStaysHealthy,
		},
	];
}
