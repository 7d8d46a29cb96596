/**
 * The lists behind the resource locators' From List (fields/ids.ts): employees from `GET /employees` and
 * organisational units from `GET /organisational_units` (offset pages), jobs from the job skill profile export (keyset
 * pages), since TechWolf's reference shows no job list. None of them takes a search text, so each page is filtered
 * here; the pagination token is the next offset or TechWolf's `next_starting_after`.
 */
import type { IDataObject, ILoadOptionsFunctions, INodeListSearchItems, INodeListSearchResult } from 'n8n-workflow';

import { JOB_SKILL_PROFILES_EXPORT_PATH } from '../../shared/apiPaths';
import { PAGE_SIZES, techWolfApiRequest } from '../transport';

function matches(filter: string | undefined, ...texts: unknown[]): boolean {
	if (!filter) return true;
	const needle = filter.trim().toLowerCase();
	return texts.some((text) => typeof text === 'string' && text.toLowerCase().includes(needle));
}

const JOB_PAGE = PAGE_SIZES['POST /job_architecture/export/jobs/skill_profiles'];

/**
 * One page of an offset-paginated list (`{count, results}`) per call, each entry with the id as value and `name` as its
 * label, filtered by the `searched` texts; the pagination token is the next offset.
 */
async function searchOffsetList(
	context: ILoadOptionsFunctions,
	path: '/employees' | '/organisational_units',
	filter: string | undefined,
	paginationToken: string | undefined,
	describe: (entry: IDataObject) => { name: string; searched: unknown[] },
): Promise<INodeListSearchResult> {
	const offset = Number(paginationToken ?? 0) || 0;
	const pageSize = PAGE_SIZES[`GET ${path}`];
	const page = (await techWolfApiRequest.call(context, {
		method: 'GET',
		path,
		qs: { limit: pageSize, offset },
		itemIndex: 0,
	})) as { count?: number; results?: IDataObject[] } | undefined;
	const entries = page?.results ?? [];
	const results: INodeListSearchItems[] = entries.flatMap((entry) => {
		const { name, searched } = describe(entry);
		return matches(filter, String(entry.external_id), ...searched) ? [{ name, value: String(entry.external_id) }] : [];
	});
	const next = offset + entries.length;
	const more = entries.length === pageSize && (page?.count === undefined || next < page.count);
	return { results, paginationToken: more ? String(next) : undefined };
}

/** Employees from GET /employees, named "E12 (Data Analyst)". */
async function searchEmployees(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	return await searchOffsetList(this, '/employees', filter, paginationToken, (employee) => {
		const id = String(employee.external_id);
		const position = typeof employee.assigned_position === 'string' ? employee.assigned_position : '';
		return { name: position ? `${id} (${position})` : id, searched: [employee.assigned_position] };
	});
}

/** Organisational units from GET /organisational_units, named "Engineering (ou-engineering)". */
async function searchOrganisationalUnits(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	return await searchOffsetList(this, '/organisational_units', filter, paginationToken, (unit) => {
		const id = String(unit.external_id);
		return { name: typeof unit.name === 'string' ? `${unit.name} (${id})` : id, searched: [unit.name] };
	});
}

/** One page of the job skill profile export per call; the pagination token is TechWolf's `next_starting_after`. */
async function searchJobs(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const page = (await techWolfApiRequest.call(this, {
		method: 'POST',
		path: JOB_SKILL_PROFILES_EXPORT_PATH,
		body: { limit: JOB_PAGE, ...(paginationToken ? { starting_after: paginationToken } : {}) },
		itemIndex: 0,
	})) as { has_next?: boolean; next_starting_after?: string; records?: IDataObject[] } | undefined;
	const results: INodeListSearchItems[] = (page?.records ?? [])
		.filter((job) => matches(filter, job.external_id))
		.map((job) => ({ name: String(job.external_id), value: String(job.external_id) }));
	const next = page?.has_next === true ? page.next_starting_after : undefined;
	return { results, paginationToken: next && next !== paginationToken ? next : undefined };
}

/** The node's `methods.listSearch`. */
export const listSearch = { searchEmployees, searchJobs, searchOrganisationalUnits };
