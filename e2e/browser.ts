/**
 * The package in n8n's editor, in headless Chromium: sign in, the example workflow on the canvas with the package's
 * icon, the trigger's parameters, and the OAuth2 credential form. Each check that passes leaves a screenshot for the
 * README in docs/images/ (1280x800); a failing one leaves its screenshot in the temp folder instead.
 *
 * Debian's Chromium (`apt-get install -y chromium`) is driven by playwright-core; no browser is ever downloaded.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

import { chromium, type Browser, type Locator, type Page } from 'playwright-core';

import { sleep } from './n8n/helpers';
import type { TestCase } from './test-case';

export const CHROMIUM_PATH = '/usr/bin/chromium';
const CHROMIUM_ARGS = [
	'--headless',
	'--no-sandbox',
	'--disable-gpu',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync',
	'--no-first-run',
];
export const VIEWPORT = { width: 1280, height: 800 };
/** The editor needs a few seconds after `load`; generous for a 2-core machine that just ran the load test. */
const UI_TIMEOUT_MS = 30_000;
export const BROWSER_TEST_TIMEOUT_MS = 90_000;

export interface EditorTarget {
	baseUrl: string;
	email: string;
	password: string;
	workflowId: string;
	productionWebhookUrl: string;
	/** Name of the OAuth2 credential the example workflow's Get Resource node uses. */
	oauth2CredentialName: string;
	/** The package's icon as built (dist/icons/techwolf.svg): the editor must serve these very bytes. */
	iconFile: string;
	/** Where passing checks save their screenshots (docs/images). */
	screenshotDir: string;
	/** Imports examples/techwolf-reconciliation.json (once) and gives its workflow id. */
	reconciliationWorkflowId: () => Promise<string>;
}

/** Node names in examples/techwolf-reconciliation.json, sticky notes left out. */
const RECONCILIATION_NODES = [
	'Every night at 03:00',
	'Export Employee Skill Profiles',
	'Validated Skills',
	'Export Job Skill Profiles',
	'Job Validated Skills',
];

/** The icon URL n8n serves for a community package's `file:` icon. */
const PACKAGE_ICON_PATH = '/icons/n8n-nodes-techwolf/dist/icons/techwolf.svg';

const EXAMPLE_NODES = {
	trigger: 'TechWolf Trigger',
	action: 'Get Resource',
	set: 'Validated Skills',
} as const;

const OAUTH2_FIELDS = [
	{ label: 'Region', parameter: 'region' },
	{ label: 'Tenant', parameter: 'tenant' },
	{ label: 'Client ID', parameter: 'clientId' },
	{ label: 'Client Secret', parameter: 'clientSecret' },
] as const;

export function byTestId(id: string): string {
	return `[data-test-id="${id}"]`;
}

/** The node panel's close control: "Back to canvas" is `back-to-canvas` in n8n 1.x, `ndv-close-button` in 2.x. */
const NDV_CLOSE = `${byTestId('ndv-close-button')}, ${byTestId('back-to-canvas')}`;

function canvasNode(page: Page, name: string): Locator {
	return page.locator(`${byTestId('canvas-node')}[data-node-name="${name}"]`);
}

export class ChromiumMissingError extends Error {
	constructor(chromiumPath: string) {
		super(
			`Chromium is not installed at ${chromiumPath}: the browser checks need Debian's chromium (apt-get install -y chromium); they never download a browser`,
		);
	}
}

/**
 * A credential field is rendered: its input, and its label (n8n adds " *" to required ones) in the field's container,
 * which n8n marks with the parameter's name.
 */
async function assertFieldRendered(modal: Locator, field: (typeof OAUTH2_FIELDS)[number]): Promise<Locator> {
	const input = modal.locator(byTestId(`parameter-input-${field.parameter}`));
	await input.scrollIntoViewIfNeeded();
	await input.waitFor();
	const label = modal.locator(`${byTestId(field.parameter)} label .n8n-text`).first();
	await label.waitFor();
	const text = ((await label.textContent()) ?? '').trim();
	assert.match(text, new RegExp(`^${field.label}\\s*\\*?$`), `the ${field.parameter} field is labelled "${text}"`);
	return input;
}

interface IconState {
	src: string;
	loaded: boolean;
}

/** The parts of an <img> read inside the page (the project's TypeScript config has no DOM types). */
interface ImageElementView {
	complete: boolean;
	naturalWidth: number;
	getAttribute(name: string): string | null;
}

/** One browser and one page for all checks, in order: each check continues where the previous one left the editor. */
export class EditorSession {
	private browser: Browser | undefined;
	private currentPage: Page | undefined;

	constructor(private readonly chromiumPath: string = CHROMIUM_PATH) {}

	async page(): Promise<Page> {
		if (this.currentPage) return this.currentPage;
		if (!fs.existsSync(this.chromiumPath)) throw new ChromiumMissingError(this.chromiumPath);
		this.browser = await chromium.launch({ executablePath: this.chromiumPath, args: CHROMIUM_ARGS });
		const context = await this.browser.newContext({ viewport: VIEWPORT, colorScheme: 'light' });
		this.currentPage = await context.newPage();
		this.currentPage.setDefaultTimeout(UI_TIMEOUT_MS);
		return this.currentPage;
	}

	/** The page if the browser is up (for a failure screenshot), without launching one. */
	get openPage(): Page | undefined {
		return this.currentPage;
	}

	async close(): Promise<void> {
		await this.browser?.close();
		this.browser = undefined;
		this.currentPage = undefined;
	}
}

/**
 * Screenshot after the checks passed: the pointer is parked off the UI so no hover state shows. `hide`: selectors of
 * elements left out of the picture (only for what a user of n8n never sees).
 */
export async function saveScreenshot(page: Page, file: string, hide: string[] = []): Promise<void> {
	await page.mouse.move(VIEWPORT.width - 5, VIEWPORT.height - 5);
	// Let hover transitions and the canvas' last layout pass finish.
	await page.waitForTimeout(400);
	fs.mkdirSync(path.dirname(file), { recursive: true });
	await page.screenshot({
		path: file,
		...(hide.length > 0 ? { style: `${hide.join(', ')} { display: none !important; }` } : {}),
	});
}

/** How long the "Production Checklist" popover may take to appear after the canvas. */
const CHECKLIST_APPEARS_WITHIN_MS = 5000;

/**
 * Closes the "Production Checklist" popover n8n shows a moment after opening a published workflow; it would cover
 * the canvas in the screenshot.
 */
async function dismissProductionChecklist(page: Page): Promise<void> {
	const close = page.locator(byTestId('suggested-actions-close'));
	const appeared = await close
		.waitFor({ state: 'visible', timeout: CHECKLIST_APPEARS_WITHIN_MS })
		.then(() => true)
		.catch(() => false);
	if (appeared) await close.click();
	await close.waitFor({ state: 'hidden' });
}

async function openExampleWorkflow(page: Page, target: EditorTarget): Promise<void> {
	await page.goto(`${target.baseUrl}/workflow/${encodeURIComponent(target.workflowId)}`);
	await page.locator(byTestId('canvas-node')).nth(2).waitFor();
	await dismissProductionChecklist(page);
}

/** The node's icon once the browser has finished loading it (or given up: `loaded` false). */
async function loadedIconOf(node: Locator): Promise<IconState> {
	const icon = node.locator('img').first();
	await icon.waitFor();
	const deadline = Date.now() + UI_TIMEOUT_MS;
	for (;;) {
		const state = await icon.evaluate((element) => {
			const image = element as unknown as ImageElementView;
			return { src: image.getAttribute('src') ?? '', loaded: image.complete && image.naturalWidth > 0 };
		});
		if (state.loaded || Date.now() > deadline) return state;
		await sleep(100);
	}
}

export interface EditorChecks {
	tests: TestCase[];
	/** Closes Chromium if a check launched it. */
	close(): Promise<void>;
}

/**
 * A check with the session's page, named `editor: <name>`; on failure the page is saved to the temp folder to see what
 * went wrong.
 */
export function editorCheck(session: EditorSession, name: string, body: (page: Page) => Promise<void>): TestCase {
	return {
		name: `editor: ${name}`,
		timeoutMs: BROWSER_TEST_TIMEOUT_MS,
		run: async () => {
			try {
				await body(await session.page());
			} catch (error) {
				const page = session.openPage;
				if (!page || error instanceof ChromiumMissingError) throw error;
				const file = path.join(os.tmpdir(), `n8n-e2e-failed-${name.replace(/[^a-z0-9]+/gi, '-').slice(0, 60)}.png`);
				const saved = await page
					.screenshot({ path: file })
					.then(() => true)
					.catch(() => false);
				if (!saved || !(error instanceof Error)) throw error;
				// On the first line, where the reporter's message starts.
				const [firstLine, ...rest] = error.message.split('\n');
				throw Object.assign(new Error([`${firstLine} (screenshot: ${file})`, ...rest].join('\n')), {
					stack: error.stack,
				});
			}
		},
	};
}

/** Signs in through n8n's login form, as a person does. */
export async function signIn(page: Page, account: { baseUrl: string; email: string; password: string }): Promise<void> {
	await page.goto(`${account.baseUrl}/signin`);
	await page.locator('input[name="emailOrLdapLoginId"]').fill(account.email);
	await page.locator('input[name="password"]').fill(account.password);
	await page.locator(byTestId('form-submit-button')).click();
	await page.waitForURL((url) => !url.pathname.startsWith('/signin'), { timeout: UI_TIMEOUT_MS });
}

export function browserTests(target: EditorTarget, options: { chromiumPath?: string } = {}): EditorChecks {
	const session = new EditorSession(options.chromiumPath ?? CHROMIUM_PATH);

	const check = (name: string, body: (page: Page) => Promise<void>): TestCase => editorCheck(session, name, body);

	const tests: TestCase[] = [
		check('sign in through the login form', (page) => signIn(page, target)),

		check("the example workflow shows its three nodes, the TechWolf ones with the package's icon", async (page) => {
			await openExampleWorkflow(page, target);
			const names = await page
				.locator(byTestId('canvas-node'))
				.evaluateAll((nodes) => nodes.map((node) => node.getAttribute('data-node-name')));
			assert.deepEqual([...names].sort(), Object.values(EXAMPLE_NODES).sort());
			for (const name of [EXAMPLE_NODES.trigger, EXAMPLE_NODES.action]) {
				const icon = await loadedIconOf(canvasNode(page, name));
				assert.ok(icon.src.endsWith(PACKAGE_ICON_PATH), `${name} shows the icon ${icon.src}, not the package's`);
				assert.ok(icon.loaded, `${name}'s icon ${icon.src} did not load`);
			}
			// The icon n8n serves is the package's own file, not a placeholder.
			const served = await page.evaluate(async (iconPath) => (await fetch(iconPath)).text(), PACKAGE_ICON_PATH);
			assert.equal(served, fs.readFileSync(target.iconFile, 'utf8'), `${PACKAGE_ICON_PATH} is not the built icon`);
			await saveScreenshot(page, path.join(target.screenshotDir, 'workflow.png'));
		}),

		check("the trigger's parameters show the production-URL notice, the Production URL and Events", async (page) => {
			await canvasNode(page, EXAMPLE_NODES.trigger).dblclick();
			const parameters = page.locator(`${byTestId('ndv')} ${byTestId('node-parameters')}`);
			await parameters.waitFor();
			const notice = parameters.getByText('TechWolf has no API to register webhooks');
			await notice.waitFor();
			assert.match(
				(await notice.textContent()) ?? '',
				/Give the Production URL above and the event types you want to your TechWolf contact/,
			);
			await parameters.getByText('Events', { exact: true }).waitFor();
			await parameters.locator(byTestId('parameter-input-events')).getByText('All Events').waitFor();

			await parameters.getByText('Webhook URLs').click();
			await parameters.locator(byTestId('radio-button-production')).click();
			await parameters.getByText(target.productionWebhookUrl, { exact: true }).waitFor();
			await saveScreenshot(page, path.join(target.screenshotDir, 'trigger-parameters.png'));
			await page.locator(NDV_CLOSE).filter({ visible: true }).first().click();
			await parameters.waitFor({ state: 'hidden' });
		}),

		check(
			"Get Resource's OAuth2 credential opens with Region, Tenant, Client ID, Client Secret and tests OK",
			async (page) => {
				await canvasNode(page, EXAMPLE_NODES.action).dblclick();
				await page.locator(`${byTestId('ndv')} ${byTestId('credential-edit-button')}`).click();
				const modal = page.locator(byTestId('editCredential-modal'));
				const credentialName = modal.locator(`${byTestId('credential-name')} ${byTestId('inline-edit-preview')}`);
				assert.equal(((await credentialName.textContent()) ?? '').trim(), target.oauth2CredentialName);
				for (const field of OAUTH2_FIELDS) await assertFieldRendered(modal, field);
				// The editor tests a saved credential when it opens it, through the same endpoint as the Test button.
				await modal.getByText('Connection tested successfully').waitFor();
				await page.keyboard.press('Escape');
				await modal.waitFor({ state: 'hidden' });
				// Escape may close the node's panel along with the modal.
				const closeNodePanel = page.locator(NDV_CLOSE).filter({ visible: true }).first();
				if (await closeNodePanel.isVisible()) await closeNodePanel.click();
				await page.locator(byTestId('ndv')).waitFor({ state: 'hidden' });
			},
		),

		check('a new TechWolf OAuth2 API credential shows Region, Tenant, Client ID and Client Secret', async (page) => {
			await page.goto(`${target.baseUrl}/home/credentials/create`);
			const typeSelect = page.locator(byTestId('new-credential-type-select'));
			await typeSelect.locator('input').fill('TechWolf OAuth2');
			await page
				.locator(byTestId('new-credential-type-select-option'))
				.filter({ hasText: 'TechWolf OAuth2 API' })
				.click();
			await page.locator(byTestId('new-credential-type-button')).click();
			const modal = page.locator(byTestId('editCredential-modal'));
			await modal.getByText('TechWolf OAuth2 API', { exact: true }).waitFor();
			// All four fields in view at once, as the README screenshot shows them.
			for (const field of OAUTH2_FIELDS) {
				const box = await (await assertFieldRendered(modal, field)).boundingBox();
				assert.ok(box && box.y + box.height <= VIEWPORT.height, `${field.label} is not in view`);
			}
			// A new credential starts in TechWolf's default region.
			assert.equal(await modal.locator(`${byTestId('parameter-input-region')} input`).inputValue(), 'Europe');
			await saveScreenshot(page, path.join(target.screenshotDir, 'credential-oauth2.png'));
		}),

		check(
			'the reconciliation example shows Schedule → Export → Validated Skills for employees and jobs, and its three sticky notes',
			async (page) => {
				const workflowId = await target.reconciliationWorkflowId();
				await page.goto(`${target.baseUrl}/workflow/${encodeURIComponent(workflowId)}`);
				for (const name of RECONCILIATION_NODES) await canvasNode(page, name).waitFor();
				const notes = page.getByText('Reconciliation, next to the webhooks');
				await notes.waitFor();
				await page.getByText('The shape to sync from').waitFor();
				await page.getByText('Every page, one item per employee').waitFor();
				const icon = await loadedIconOf(canvasNode(page, 'Export Employee Skill Profiles'));
				assert.ok(icon.loaded && icon.src.endsWith(PACKAGE_ICON_PATH), `the export node shows ${icon.src}`);
				await saveScreenshot(page, path.join(target.screenshotDir, 'reconciliation.png'));
			},
		),
	];
	return { tests, close: () => session.close() };
}
