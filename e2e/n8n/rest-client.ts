/** The internal REST API under `/rest` of a real n8n, the one the editor uses (cookie auth, `{ data }` envelopes). */
import * as path from 'node:path';

import { ExecutionStatusList } from 'n8n-workflow';

import { isRecord, sleep } from './helpers';
import { DEFAULT_CACHE_DIR, N8N_VERSION, readInstallation } from './install';
import type {
	N8nCredential,
	N8nCredentialTestResult,
	N8nExecution,
	N8nExecutionSummary,
	N8nItem,
	N8nRunData,
	N8nUser,
	N8nWorkflow,
	N8nWorkflowJson,
} from './rest-types';

/** Consecutive ids past the highest listed one without a row of the workflow after which `allExecutions` gives up. */
const MAX_ID_GAP = 1000;

/** The part of flatted (loaded from n8n's node_modules) used here. */
interface Flatted {
	parse(text: string): unknown;
}

export class N8nRestError extends Error {
	constructor(
		readonly method: string,
		readonly url: string,
		readonly status: number,
		readonly body: string,
	) {
		super(`${method} ${url} -> ${status}: ${body.slice(0, 500)}`);
		this.name = 'N8nRestError';
	}
}

/** GET /rest/workflows/:id/publication-status (n8n 2.x). */
interface PublicationStatus {
	status: 'in_progress' | 'not_published' | 'published' | 'partial' | 'failed';
	triggers: Array<{ nodeId: string; status: string; errorMessage: string | null }>;
}

export interface N8nRestClientOptions {
	/** Where to load `flatted` from (n8n's node_modules); needed for `getExecution`. */
	requireFromN8n?: NodeRequire;
}

/** The internal REST API under `/rest` that the editor uses; authenticated by the `n8n-auth` cookie. */
export class N8nRestClient {
	private readonly cookies = new Map<string, string>();
	private flatted: Flatted | undefined;

	constructor(
		readonly baseUrl: string,
		private readonly options: N8nRestClientOptions = {},
	) {}

	/** POST /rest/login; keeps the auth cookie for later calls. */
	async login(email: string, password: string): Promise<N8nUser> {
		return this.request<N8nUser>('POST', '/login', { emailOrLdapLoginId: email, password });
	}

	/** POST /rest/credentials. `data` holds the credential type's fields. */
	async createCredential(type: string, name: string, data: Record<string, unknown>): Promise<N8nCredential> {
		return this.request<N8nCredential>('POST', '/credentials', { type, name, data });
	}

	/**
	 * The credential modal's Test button: GET /rest/credentials/:id?includeData=true (secrets come back redacted),
	 * then POST /rest/credentials/test with `{ credentials: { id, name, type, data } }`; n8n puts the stored secrets
	 * back in place of the redacted values. Pass `data` to test edited, unsaved values instead (as the modal does).
	 */
	async testCredential(id: string, data?: Record<string, unknown>): Promise<N8nCredentialTestResult> {
		const stored = await this.request<N8nCredential & { data?: Record<string, unknown> }>(
			'GET',
			`/credentials/${encodeURIComponent(id)}?includeData=true`,
		);
		return this.request<N8nCredentialTestResult>('POST', '/credentials/test', {
			credentials: { id: stored.id, name: stored.name, type: stored.type, data: data ?? stored.data ?? {} },
		});
	}

	/**
	 * Creates a workflow via POST /rest/workflows (like the editor's import). Keeps a fixed `id` if the JSON has
	 * one; the workflow is unpublished until `publishWorkflow`. Export-only fields (tags, active, …) are dropped.
	 */
	async importWorkflow(json: N8nWorkflowJson): Promise<N8nWorkflow> {
		// n8n 1.x refuses a new workflow without `active` (a NOT NULL column); 2.x drops the field.
		return this.request<N8nWorkflow>('POST', '/workflows', { ...workflowBody(json), active: false });
	}

	/**
	 * `importWorkflow`, or, when a workflow with the JSON's `id` exists already (a reused user folder), overwrite
	 * its draft with PATCH /rest/workflows/:id?forceSave=true. Publish afterwards to make the new version live.
	 */
	async upsertWorkflow(json: N8nWorkflowJson): Promise<N8nWorkflow> {
		const existing = json.id ? await this.getWorkflow(json.id).catch(() => undefined) : undefined;
		if (!existing) return this.importWorkflow(json);
		const body = workflowBody(json);
		delete body.id;
		return this.request<N8nWorkflow>('PATCH', `/workflows/${encodeURIComponent(existing.id)}?forceSave=true`, body);
	}

	async getWorkflow(id: string): Promise<N8nWorkflow> {
		return this.request<N8nWorkflow>('GET', `/workflows/${encodeURIComponent(id)}`);
	}

	/**
	 * Runs a saved workflow from `triggerName` as the editor's "Execute workflow" does: POST /rest/workflows/:id/run.
	 * n8n 1.x runs the `workflowData` of the body (and refuses a body without it); 2.x reads the saved workflow and
	 * drops that field, so both get it.
	 */
	async runManually(id: string, triggerName: string): Promise<{ executionId?: string }> {
		const workflowData = await this.getWorkflow(id);
		return this.request<{ executionId?: string }>('POST', `/workflows/${encodeURIComponent(id)}/run`, {
			workflowData,
			triggerToStartFrom: { name: triggerName },
		});
	}

	/**
	 * Publishes (activates) a workflow: POST /rest/workflows/:id/activate with `{ versionId }` (required in 2.x;
	 * defaults to the current draft's). Production webhooks answer a moment later: see `waitForWebhook`.
	 */
	async publishWorkflow(id: string, versionId?: string): Promise<N8nWorkflow> {
		const version = versionId ?? (await this.getWorkflow(id)).versionId;
		return this.request<N8nWorkflow>('POST', `/workflows/${encodeURIComponent(id)}/activate`, { versionId: version });
	}

	/**
	 * Publishes and waits until n8n has activated the workflow's triggers or given up: undefined, or why activation
	 * failed. n8n 2.x answers the publish at once and activates through its publication outbox (GET
	 * /rest/workflows/:id/publication-status tells the outcome, with each trigger's error); 1.x activates within the
	 * request and answers a failure with 400.
	 */
	async publishAndSettle(id: string, timeoutMs = 30_000): Promise<string | undefined> {
		const refusal = await this.publishWorkflow(id).then(
			() => undefined,
			(error: unknown) => error,
		);
		if (refusal instanceof N8nRestError && refusal.status === 400) return refusal.body;
		if (refusal !== undefined) throw refusal;
		const deadline = Date.now() + timeoutMs;
		for (;;) {
			const publication = await this.request<PublicationStatus>(
				'GET',
				`/workflows/${encodeURIComponent(id)}/publication-status`,
			).catch((error: unknown) => error);
			// 1.x has no publication service (404): the publish request itself succeeded.
			if (publication instanceof N8nRestError && publication.status === 404) return undefined;
			if (publication instanceof Error) throw publication;
			const { status, triggers } = publication as PublicationStatus;
			if (status === 'published') return undefined;
			if (status === 'failed' || status === 'partial') {
				return triggers.map((trigger) => trigger.errorMessage ?? '').join('; ');
			}
			if (Date.now() > deadline) throw new Error(`workflow ${id} still ${status} after ${timeoutMs} ms`);
			await sleep(250);
		}
	}

	/** POST /rest/workflows/:id/deactivate. */
	async unpublishWorkflow(id: string): Promise<N8nWorkflow> {
		return this.request<N8nWorkflow>('POST', `/workflows/${encodeURIComponent(id)}/deactivate`, {});
	}

	/**
	 * Resolves once `url` is served as a production webhook for `method`. n8n answers a CORS preflight
	 * (OPTIONS with an Origin header) with 204 and `Access-Control-Allow-Methods` listing the registered methods,
	 * and with 404 while nothing is registered; it does not start an execution.
	 */
	async waitForWebhook(url: string, opts: { method?: string; timeoutMs?: number } = {}): Promise<void> {
		const method = (opts.method ?? 'POST').toUpperCase();
		const deadline = Date.now() + (opts.timeoutMs ?? 30_000);
		let last = '';
		while (Date.now() < deadline) {
			try {
				const response = await fetch(url, {
					method: 'OPTIONS',
					headers: { origin: this.baseUrl, 'access-control-request-method': method },
					signal: AbortSignal.timeout(5000),
				});
				await response.arrayBuffer();
				const allowed = (response.headers.get('access-control-allow-methods') ?? '')
					.split(',')
					.map((m) => m.trim().toUpperCase());
				if (response.ok && allowed.includes(method)) return;
				last = `${response.status} allow-methods=${allowed.join(',')}`;
			} catch (error) {
				last = String(error);
			}
			await sleep(100);
		}
		throw new Error(`webhook ${method} ${url} not registered within ${opts.timeoutMs ?? 30_000} ms (last: ${last})`);
	}

	/**
	 * Every execution of a workflow, in any status, none left out; summaries only (`getExecution` for the data). n8n
	 * 2.x's list cannot promise that: it sorts by start time but continues on the next page with the ids below the
	 * page's last one (ExecutionListV1Service.findPageWithCount), so a row that started out of id order across a page
	 * boundary is never listed, and others are listed twice; in queue mode, where jobs start in the worker's order,
	 * that is a few rows per burst. So the list is checked against n8n's count of the workflow's rows and, when short,
	 * completed by reading the ids above the lowest listed one: ids count up, and the lowest is always listed (a row is
	 * only skipped by a page ending in a lower id).
	 */
	async allExecutions(workflowId: string): Promise<N8nExecutionSummary[]> {
		const listed = new Map((await this.listExecutions(workflowId)).map((summary) => [summary.id, summary]));
		// Counted after listing, so rows added meanwhile are looked for too.
		const total = await this.countExecutions(workflowId, ExecutionStatusList);
		if (listed.size >= total) return [...listed.values()];
		const ids = [...listed.keys()].map(Number);
		const highestListed = Math.max(0, ...ids);
		const found = [...listed.values()];
		let misses = 0;
		for (let id = Math.min(highestListed, ...ids) + 1; found.length < total; id++) {
			if (listed.has(String(id))) continue;
			const row = await this.request<N8nExecutionSummary | undefined>('GET', `/executions/${id}`).catch(
				(error: unknown) => {
					if (error instanceof N8nRestError && error.status === 404) return undefined;
					throw error;
				},
			);
			// n8n answers an id it has no row for with an empty body (2.x) or 404.
			if (row?.workflowId === workflowId) {
				found.push(row);
				misses = 0;
			} else if (id > highestListed && ++misses > MAX_ID_GAP) {
				throw new Error(`workflow ${workflowId}: n8n counts ${total} executions, ${found.length} could be read`);
			}
		}
		return found;
	}

	/**
	 * GET /rest/executions?filter={"workflowId":…}, newest first, paging until `limit` (all by default). Includes
	 * running ones. Summaries only; use `getExecution` for the data. In n8n 2.x a list of more than one page can miss
	 * rows (see `allExecutions`).
	 */
	async listExecutions(workflowId: string, limit = Infinity): Promise<N8nExecutionSummary[]> {
		const collected: N8nExecutionSummary[] = [];
		// n8n 2.x pages with `nextCursor`. n8n 1.x has none, and orders by id only in a range query (firstId and
		// lastId both set): there, each page is the ids below the oldest one so far.
		let cursor: string | undefined;
		let range: { firstId: string; lastId: string } | undefined;
		for (;;) {
			const pageSize = Math.min(100, limit - collected.length); // n8n refuses pages larger than 100
			const query = new URLSearchParams({ filter: JSON.stringify({ workflowId }), limit: String(pageSize) });
			if (cursor) query.set('cursor', cursor);
			if (range) for (const [key, value] of Object.entries(range)) query.set(key, value);
			const page = await this.request<ExecutionPage>('GET', `/executions?${query.toString()}`);
			const full = page.results.length === pageSize;
			if ('nextCursor' in page) {
				collected.push(...page.results);
				cursor = page.nextCursor ?? undefined;
				if (!cursor) break;
			} else if (!range && full) {
				range = { firstId: '0', lastId: String(Number.MAX_SAFE_INTEGER) }; // again, in id order
				continue;
			} else {
				collected.push(...page.results);
				const oldest = page.results.at(-1)?.id;
				if (!full || !oldest) break;
				range = { firstId: '0', lastId: oldest };
			}
			if (collected.length >= limit) break;
		}
		return collected.slice(0, limit);
	}

	/**
	 * Number of finished executions (any outcome) of a workflow; running/queued ones are not counted. With `statuses`:
	 * the executions in those statuses.
	 */
	async countExecutions(workflowId: string, statuses?: readonly string[]): Promise<number> {
		const filter = statuses ? { workflowId, status: statuses } : { workflowId };
		const query = new URLSearchParams({ filter: JSON.stringify(filter), limit: '1' });
		const page = await this.request<ExecutionPage>('GET', `/executions?${query.toString()}`);
		return page.count;
	}

	/** Polls `countExecutions` until it reaches `count` (n8n saves an execution ~100 ms after the webhook answers). */
	async waitForExecutions(workflowId: string, count: number, timeoutMs = 30_000): Promise<number> {
		const deadline = Date.now() + timeoutMs;
		let seen = 0;
		while (Date.now() < deadline) {
			seen = await this.countExecutions(workflowId);
			if (seen >= count) return seen;
			await sleep(200);
		}
		throw new Error(`workflow ${workflowId}: ${seen} of ${count} executions after ${timeoutMs} ms`);
	}

	/** GET /rest/executions/:id. The API sends `data` as a flatted string; it is decoded here. */
	async getExecution(id: string): Promise<N8nExecution> {
		const raw = await this.request<N8nExecutionSummary & { data: unknown }>(
			'GET',
			`/executions/${encodeURIComponent(id)}`,
		);
		const data = typeof raw.data === 'string' ? this.loadFlatted().parse(raw.data) : raw.data;
		return { ...raw, data: data as N8nRunData };
	}

	/**
	 * Names of the loaded node types, e.g. `n8n-nodes-techwolf.techWolfTrigger`: what the editor's node panel
	 * lists (`GET /types/nodes.json`, needs the auth cookie). Use it to check that a community package loaded.
	 */
	async nodeTypeNames(): Promise<string[]> {
		const types = await this.requestJson<Array<{ name: string }>>('GET', `${this.baseUrl}/types/nodes.json`);
		return [...new Set(types.map((type) => type.name))];
	}

	/** Names of the loaded credential types (`GET /types/credentials.json`), e.g. `techWolfApi`. */
	async credentialTypeNames(): Promise<string[]> {
		const types = await this.requestJson<Array<{ name: string }>>('GET', `${this.baseUrl}/types/credentials.json`);
		return types.map((type) => type.name);
	}

	/** Any call under /rest: JSON in, `{ data }` envelope unwrapped, non-2xx thrown as N8nRestError. */
	async request<T>(method: string, restPath: string, body?: unknown): Promise<T> {
		const parsed = await this.requestJson<unknown>(method, `${this.baseUrl}/rest${restPath}`, body);
		return (isRecord(parsed) && 'data' in parsed ? parsed.data : parsed) as T;
	}

	private async requestJson<T>(method: string, url: string, body?: unknown): Promise<T> {
		const headers: Record<string, string> = { accept: 'application/json' };
		if (body !== undefined) headers['content-type'] = 'application/json';
		if (this.cookies.size > 0) {
			headers.cookie = [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
		}
		const response = await fetch(url, {
			method,
			headers,
			body: body === undefined ? undefined : JSON.stringify(body),
		});
		this.storeCookies(response.headers);
		const text = await response.text();
		if (!response.ok) throw new N8nRestError(method, url, response.status, text);
		return (text === '' ? undefined : JSON.parse(text)) as T;
	}

	private storeCookies(headers: Headers): void {
		// Node's fetch has no cookie jar; n8n also re-issues the auth cookie when it nears expiry.
		for (const line of headers.getSetCookie()) {
			const [pair] = line.split(';');
			const eq = pair.indexOf('=');
			if (eq <= 0) continue;
			const name = pair.slice(0, eq).trim();
			const value = pair.slice(eq + 1).trim();
			if (value === '' || /max-age=0|expires=thu, 01 jan 1970/i.test(line)) this.cookies.delete(name);
			else this.cookies.set(name, value);
		}
	}

	private loadFlatted(): Flatted {
		if (!this.flatted) {
			const requireFromN8n =
				this.options.requireFromN8n ??
				readInstallation(path.join(DEFAULT_CACHE_DIR, `n8n-${N8N_VERSION}`), N8N_VERSION)?.requireFromN8n;
			if (!requireFromN8n) throw new Error('flatted not found: run ensureN8n() or pass requireFromN8n');
			this.flatted = requireFromN8n('flatted') as Flatted;
		}
		return this.flatted;
	}
}

/** The fields POST/PATCH /rest/workflows accept; export-only ones (tags with foreign ids, active, …) are dropped. */
function workflowBody(json: N8nWorkflowJson): Record<string, unknown> {
	const body: Record<string, unknown> = {};
	for (const key of ['id', 'name', 'description', 'nodes', 'connections', 'settings', 'pinData', 'meta']) {
		if (json[key] !== undefined) body[key] = json[key];
	}
	return body;
}

interface ExecutionPage {
	results: N8nExecutionSummary[];
	count: number;
	estimated: boolean;
	nextCursor?: string | null;
}

/**
 * Items a node produced in an execution: `runIndex`-th run, `outputIndex`-th output (both default 0).
 * Empty when the node did not run or that output had no items.
 */
export function nodeOutputItems(
	execution: N8nExecution,
	nodeName: string,
	opts: { runIndex?: number; outputIndex?: number } = {},
): N8nItem[] {
	const run = execution.data.resultData.runData[nodeName]?.[opts.runIndex ?? 0];
	return run?.data?.main[opts.outputIndex ?? 0] ?? [];
}
