/**
 * The install as a person does it, in headless Chromium: Settings → Community Nodes → Install, the package name, the
 * risk confirmation, Install; the nodes in the nodes panel; then, once a newer version is published, the card's
 * Update button. Runs after the REST tests have uninstalled the package, so it starts from an n8n without it. The
 * filled-in install dialog is the README's picture (docs/images/community-nodes-install.png, 1280x800).
 */
import * as assert from 'node:assert/strict';
import * as path from 'node:path';

import type { Locator, Page } from 'playwright-core';

import { byTestId, editorCheck, saveScreenshot, signIn, type EditorSession } from '../browser';
import type { TestCase } from '../test-case';
import { CommunityPackagesApi } from './community-packages-api';
import {
	CUSTOM_REGISTRY_FEATURE,
	declaredTypeNames,
	grantLicenceFeature,
	publishPatchVersion,
	type RegistryEnvironment,
} from './environment';

/** The nodes panel lists the trigger and the action node as one app, named after the action node. */
const APP_NAME = 'TechWolf';
/** npm pack, npm install and the reload in n8n, behind a button: longer than a plain UI wait. */
const INSTALL_WAIT_MS = 120_000;
const INSTALL_TEST_TIMEOUT_MS = 300_000;
/**
 * The red frame and "E2E MODE" badge n8n draws while its test hook is on (E2E_TESTS=true, which the custom registry
 * needs here: e2e/registry/environment.ts). Users never see it, so the README's picture leaves it out.
 */
const TEST_MODE_MARKER = byTestId('e2e-test-mode-marker');

function packageCard(page: Page, packageName: string): Locator {
	return page.locator(byTestId('community-package-card')).filter({ hasText: packageName });
}

/** The screen with no package shows "Install a community node", with packages an "Install" button above them. */
async function openCommunityNodesSettings(page: Page, baseUrl: string): Promise<void> {
	await page.goto(`${baseUrl}/settings/community-nodes`);
	await page
		.getByRole('button', { name: /^Install/ })
		.first()
		.waitFor();
}

export function communityNodesUiTests(
	env: RegistryEnvironment,
	session: EditorSession,
	screenshotDir: string,
): TestCase[] {
	const api = (): CommunityPackagesApi => new CommunityPackagesApi(env.n8n.rest);

	async function installsThroughTheCommunityNodesScreen(page: Page): Promise<void> {
		const { latest } = await env.registry.versions(env.packageName);
		assert.ok(latest, `the registry has no latest ${env.packageName}`);
		await grantLicenceFeature(env.n8n, CUSTOM_REGISTRY_FEATURE);
		await signIn(page, env.n8n);
		await openCommunityNodesSettings(page, env.n8n.baseUrl);
		await page.getByRole('button', { name: 'Install a community node' }).click();
		const dialog = page.getByRole('dialog').filter({ hasText: 'Install community nodes' });
		await dialog
			.locator(`${byTestId('package-name-input')} input, input${byTestId('package-name-input')}`)
			.fill(env.packageName);
		const install = dialog.locator(byTestId('install-community-package-button'));
		await dialog.locator(byTestId('user-agreement-checkbox')).click();
		assert.ok(await install.isEnabled(), 'Install is not enabled after the risk confirmation');
		await saveScreenshot(page, path.join(screenshotDir, 'community-nodes-install.png'), [TEST_MODE_MARKER]);
		await install.click();
		await dialog.waitFor({ state: 'hidden', timeout: INSTALL_WAIT_MS });
		const card = packageCard(page, env.packageName);
		await card.waitFor();
		await card.getByText(latest).first().waitFor();

		const installed = await api().list();
		assert.deepEqual(
			installed.map((pkg) => [pkg.packageName, pkg.installedVersion]),
			[[env.packageName, latest]],
		);
		assert.deepEqual(
			installed[0]?.installedNodes.map((node) => node.type).sort(),
			[...declaredTypeNames().nodes].sort(),
		);

		// A new workflow's nodes panel finds the app; opened, it offers the trigger's events and the action node's
		// operations, marked as installed from npm.
		await page.goto(`${env.n8n.baseUrl}/workflow/new`);
		await page.locator(byTestId('canvas-add-button')).click();
		await page.locator(byTestId('node-creator-search-bar')).fill('TechWolf');
		await page.locator(byTestId('node-creator-item-name')).getByText(APP_NAME, { exact: true }).click();
		const panel = page.locator(byTestId('node-creator'));
		await panel.getByText('On all events', { exact: true }).waitFor();
		const text = await panel.innerText();
		assert.match(text, /Triggers \([1-9]\d*\)/, 'the nodes panel shows no TechWolf Trigger events');
		assert.match(text, /Actions \([1-9]\d*\)/, 'the nodes panel shows no TechWolf actions');
		assert.match(text, /Installed/, 'the nodes panel does not mark the package as installed');
	}

	async function updatesThroughTheCommunityNodesScreen(page: Page): Promise<void> {
		const version = await publishPatchVersion(env, 2);
		await openCommunityNodesSettings(page, env.n8n.baseUrl);
		const card = packageCard(page, env.packageName);
		await card.getByRole('button', { name: 'Update' }).click();
		const confirm = page.getByRole('dialog').filter({ hasText: 'Update node package' });
		await confirm.getByRole('button', { name: 'Confirm update' }).click();
		await confirm.waitFor({ state: 'hidden', timeout: INSTALL_WAIT_MS });
		await card.getByText(version).first().waitFor({ timeout: INSTALL_WAIT_MS });
		const [listed] = await api().list();
		assert.equal(listed?.installedVersion, version, 'n8n did not record the update');
		assert.equal(listed?.updateAvailable, undefined, `still offers ${listed?.updateAvailable}`);
	}

	return [
		{
			...editorCheck(
				session,
				'Settings → Community Nodes → Install with the risk confirmation installs the package; its nodes are in the nodes panel',
				installsThroughTheCommunityNodesScreen,
			),
			timeoutMs: INSTALL_TEST_TIMEOUT_MS,
		},
		{
			...editorCheck(
				session,
				"a newer published version: the package card's Update, confirmed, updates it",
				updatesThroughTheCommunityNodesScreen,
			),
			timeoutMs: INSTALL_TEST_TIMEOUT_MS,
		},
	];
}
