/**
 * The lists behind the resource locators' From List (descriptions/locators.ts): employees from `GET /employees`
 * (offset pages), jobs from the job skill profile export (keyset pages), since TechWolf's reference shows no job list.
 * Neither endpoint takes a search text, so each page is filtered here; the pagination token is the next offset or
 * TechWolf's `next_starting_after`.
 */
import type { IDataObject, ILoadOptionsFunctions, INodeListSearchItems, INodeListSearchResult } from 'n8n-workflow';

import { JOB_SKILL_PROFILES_EXPORT_PATH } from '../../shared/apiPaths';
import { techWolfApiRequest } from '../transport';

function matches(filter: string | undefined, ...texts: unknown[]): boolean {
	if (!filter) return true;
	const needle = filter.trim().toLowerCase();
	return texts.some((text) => typeof text === 'string' && text.toLowerCase().includes(needle));
}

/** TechWolf's largest page for GET /employees (1–200). */
const EMPLOYEE_PAGE = 200;
/** The job skill profile export's largest page (1–100). */
const JOB_PAGE = 100;

/** One page of GET /employees per call; the pagination token is the next offset. */
async function searchEmployees(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const offset = Number(paginationToken ?? 0) || 0;
	const page = (await techWolfApiRequest.call(this, {
		method: 'GET',
		path: '/employees',
		qs: { limit: EMPLOYEE_PAGE, offset },
		itemIndex: 0,
	})) as { count?: number; results?: IDataObject[] } | undefined;
	const employees = page?.results ?? [];
	const results: INodeListSearchItems[] = employees
		.filter((employee) => matches(filter, employee.external_id, employee.assigned_position))
		.map((employee) => {
			const id = String(employee.external_id);
			const position = typeof employee.assigned_position === 'string' ? employee.assigned_position : '';
			return { name: position ? `${id} (${position})` : id, value: id };
		});
	const next = offset + employees.length;
	const more = employees.length === EMPLOYEE_PAGE && (page?.count === undefined || next < page.count);
	return { results, paginationToken: more ? String(next) : undefined };
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
export const listSearch = { searchEmployees, searchJobs };
