/**
 * The one transport to the SkillEngine API. It owns authentication (through the chosen credential, which also
 * supplies the base URL), JSON, both pagination styles, bounded retries of 429 and 5xx that honour Retry-After, and
 * the mapping of TechWolf's error bodies (`[{title, description}]`) to NodeApiErrors a user can act on.
 */
import {
	NodeApiError,
	sleep,
	type IDataObject,
	type IExecuteFunctions,
	type IHttpRequestMethods,
	type ILoadOptionsFunctions,
	type IHttpRequestOptions,
	type JsonObject,
} from 'n8n-workflow';

import { API_CREDENTIAL } from '../connection';

export type Authentication = keyof typeof API_CREDENTIAL;

export { PAGE_SIZES, type PaginatedCall } from './pageSizes';

/** An execution, or the editor loading a resource locator's list: both call TechWolf through the same transport. */
export type RequestContext = IExecuteFunctions | ILoadOptionsFunctions;

function authenticationOf(context: RequestContext, itemIndex: number): Authentication {
	const value =
		'getInputData' in context
			? context.getNodeParameter('authentication', itemIndex, 'oAuth2')
			: context.getNodeParameter('authentication', 'oAuth2');
	return value === 'accessToken' ? 'accessToken' : 'oAuth2';
}

/** Attempts in all for a 429 or 5xx: the first try and two retries. */
const MAX_ATTEMPTS = 3;
/** A Retry-After beyond this is not waited for inside a workflow run: the error tells the user when to retry. */
const MAX_RETRY_WAIT_MS = 30_000;
const BASE_BACKOFF_MS = 500;
const RETRIED_STATUSES = new Set([429, 500, 502, 503, 504]);

export interface ApiRequest {
	method: IHttpRequestMethods;
	/** Path below the API base URL, e.g. `/employees/E1/skill_profile`. */
	path: string;
	qs?: IDataObject;
	body?: IDataObject | IDataObject[];
	itemIndex: number;
	/** Answer null for a 404 instead of failing: for calls where "gone" is a result (a deleted skill). */
	nullIfNotFound?: boolean;
	/** What to tell the user for a status, where this call's meaning differs from STATUS_HINTS'. */
	hints?: Partial<Record<number, string>>;
}

interface HttpFailure {
	status?: number;
	headers: Record<string, unknown>;
	data: unknown;
	url?: string;
}

/** The HTTP facts behind an error thrown by n8n's request helpers (a NodeApiError wrapping an AxiosError). */
function httpFailure(error: unknown): HttpFailure {
	const candidate = error as {
		httpCode?: string;
		cause?: {
			response?: { status?: number; headers?: Record<string, unknown>; data?: unknown };
			config?: { url?: string; baseURL?: string };
		};
		response?: { status?: number; headers?: Record<string, unknown>; data?: unknown };
		config?: { url?: string };
	};
	const response = candidate.cause?.response ?? candidate.response;
	const httpCode = Number(candidate.httpCode);
	return {
		status: response?.status ?? (Number.isInteger(httpCode) && httpCode > 0 ? httpCode : undefined),
		headers: response?.headers ?? {},
		data: response?.data,
		url: candidate.cause?.config?.url ?? candidate.config?.url,
	};
}

/** Delay-seconds or an HTTP-date, as RFC 9110 allows; undefined when absent or unreadable. */
export function retryAfterMs(value: unknown, now = Date.now()): number | undefined {
	if (typeof value !== 'string' || value.trim() === '') return undefined;
	if (/^\d+$/.test(value.trim())) return Number(value.trim()) * 1000;
	// Every HTTP-date form starts with a day name (RFC 9110 §5.6.7); Date.parse alone also takes '-5' as a year.
	if (!/^[A-Za-z]{3}/.test(value.trim())) return undefined;
	const date = Date.parse(value);
	return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/** TechWolf's error body is a JSON array of {title, description}; other shapes are read as best we can. */
function techWolfErrorText(data: unknown): { title?: string; description?: string } {
	const parsed = typeof data === 'string' ? safeJson(data) : data;
	const first = Array.isArray(parsed) ? (parsed[0] as unknown) : parsed;
	if (first && typeof first === 'object') {
		const record = first as Record<string, unknown>;
		const title = [record.title, record.error, record.message].find((value) => typeof value === 'string') as
			string | undefined;
		const description = [record.description, record.error_description, record.detail].find(
			(value) => typeof value === 'string',
		) as string | undefined;
		return { title, description };
	}
	return {};
}

function safeJson(text: string): unknown {
	try {
		return JSON.parse(text);
	} catch {
		return undefined;
	}
}

const STATUS_HINTS: Record<number, string> = {
	400: 'TechWolf did not accept the request; check the fields named in the description.',
	401: 'TechWolf rejected the credentials. For OAuth2, check Client ID, Client Secret, Tenant and Region; for an access token, it may have expired.',
	403: 'The credentials lack the scope for this call (read, write or read_reports).',
	404: 'TechWolf has no such resource; check the ID (and the vendor, for skills).',
	409: 'It already exists in TechWolf; use Update instead of Create.',
	422: 'TechWolf could not process the content (for example, skill extraction failed).',
	429: 'TechWolf is rate limiting this workflow; it was retried and is still limited.',
};

function toNodeApiError(context: RequestContext, error: unknown, request: ApiRequest): NodeApiError {
	const failure = httpFailure(error);
	const { title, description } = techWolfErrorText(failure.data);
	const where = `${request.method} ${request.path}`;
	const isTokenRequest = failure.url !== undefined && /\/oauth\/token\b/.test(failure.url);
	const detail = description ? `: ${description}` : '';
	// TechWolf's titles already start with the status ("404 Not Found"); other bodies may not carry one.
	const statusText = title?.startsWith(String(failure.status))
		? title
		: [failure.status, title].filter(Boolean).join(' ');
	const message = isTokenRequest
		? `Could not get a TechWolf access token (${failure.status ?? 'no answer'}${detail})`
		: failure.status
			? `TechWolf answered ${statusText} to ${where}${detail}`
			: `Could not reach TechWolf for ${where}: ${(error as Error).message}`;
	const hint = isTokenRequest
		? 'Check the credential: Client ID, Client Secret, Tenant and Region (or the custom token URL and audience).'
		: (failure.status && (request.hints?.[failure.status] ?? STATUS_HINTS[failure.status])) || undefined;
	return new NodeApiError(context.getNode(), (failure.data ?? {}) as JsonObject, {
		message,
		description: hint,
		httpCode: failure.status ? String(failure.status) : undefined,
		itemIndex: request.itemIndex,
	});
}

/**
 * One SkillEngine call. Returns the parsed JSON, undefined for a 204 (TechWolf's answer to create and update), and
 * null for a 404 when the request allows it.
 */
export async function techWolfApiRequest<T = IDataObject>(
	this: RequestContext,
	request: ApiRequest,
): Promise<T | undefined | null> {
	const authentication = authenticationOf(this, request.itemIndex);
	const options: IHttpRequestOptions = {
		method: request.method,
		url: request.path,
		qs: request.qs,
		body: request.body,
		json: true,
		// TechWolf repeats a query parameter for lists: include=sources&include=proficiency.
		arrayFormat: 'repeat',
		returnFullResponse: true,
	};
	for (let attempt = 1; ; attempt++) {
		try {
			const response = (await this.helpers.httpRequestWithAuthentication.call(
				this,
				API_CREDENTIAL[authentication],
				options,
			)) as { statusCode: number; body: unknown };
			if (response.statusCode === 204 || response.body === '' || response.body === undefined) return undefined;
			return response.body as T;
		} catch (error) {
			const failure = httpFailure(error);
			if (failure.status === 404 && request.nullIfNotFound) return null;
			if (failure.status === undefined || !RETRIED_STATUSES.has(failure.status) || attempt >= MAX_ATTEMPTS) {
				throw toNodeApiError(this, error, request);
			}
			const wait = retryAfterMs(failure.headers['retry-after']) ?? BASE_BACKOFF_MS * 2 ** (attempt - 1);
			if (wait > MAX_RETRY_WAIT_MS) throw toNodeApiError(this, error, request);
			await sleep(wait);
		}
	}
}

/** How many results to collect: all of them, or up to a limit. */
export type Take = { returnAll: true } | { returnAll: false; limit: number };

/** A paginated call: its page size is the largest `limit` its endpoint takes (`PAGE_SIZES`). */
export interface PaginatedRequest extends ApiRequest {
	pageSize: number;
}

/** Offset pagination: `?limit=&offset=` answered with `{count, results}` (e.g. GET /employees). */
export async function techWolfOffsetPaginated(
	this: IExecuteFunctions,
	{ pageSize, ...request }: PaginatedRequest,
	take: Take,
	resultsField = 'results',
): Promise<IDataObject[]> {
	const collected: IDataObject[] = [];
	for (let offset = 0; ;) {
		const wanted = take.returnAll ? pageSize : Math.min(pageSize, take.limit - collected.length);
		const page = (await techWolfApiRequest.call(this, {
			...request,
			qs: { ...request.qs, limit: wanted, offset },
		})) as IDataObject | undefined;
		const results = (page?.[resultsField] as IDataObject[] | undefined) ?? [];
		collected.push(...results);
		offset += results.length;
		const total = typeof page?.count === 'number' ? page.count : undefined;
		const done = results.length < wanted || (total !== undefined && offset >= total);
		if (done || (!take.returnAll && collected.length >= take.limit)) break;
	}
	return take.returnAll ? collected : collected.slice(0, take.limit);
}

/** Keyset pagination: `{limit, starting_after}` in the body, answered with `{has_next, next_starting_after, records}`. */
export async function techWolfKeysetPaginated(
	this: IExecuteFunctions,
	{ pageSize, ...request }: PaginatedRequest & { body: IDataObject },
	take: Take,
): Promise<IDataObject[]> {
	const collected: IDataObject[] = [];
	let startingAfter: string | undefined;
	for (;;) {
		const wanted = take.returnAll ? pageSize : Math.min(pageSize, take.limit - collected.length);
		const page = (await techWolfApiRequest.call(this, {
			...request,
			body: { ...request.body, limit: wanted, ...(startingAfter ? { starting_after: startingAfter } : {}) },
		})) as IDataObject | undefined;
		collected.push(...((page?.records as IDataObject[] | undefined) ?? []));
		const next = page?.next_starting_after;
		if (page?.has_next !== true || typeof next !== 'string' || next === startingAfter) break;
		if (!take.returnAll && collected.length >= take.limit) break;
		startingAfter = next;
	}
	return take.returnAll ? collected : collected.slice(0, take.limit);
}
