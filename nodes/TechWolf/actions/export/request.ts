/**
 * What the exports share: the options several of them offer, the body built from them (TechWolf's `filters`
 * entries, `include`, the skills' sorting), and the POST that pages through the records.
 */
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { readIdList } from '../../fields/ids';
import { readTake } from '../../fields/paging';
import { readCollection, toQuery } from '../../fields/options';
import { PAGE_SIZES, techWolfKeysetPaginated, type PaginatedCall } from '../../transport';

export const activeEmployeesOption: INodeProperties = {
	displayName: 'Active Employees Only',
	name: 'activeOnly',
	type: 'boolean',
	default: true,
};

export const jobFamilyIdsOption: INodeProperties = {
	displayName: 'Job Family IDs',
	name: 'jobFamilyIds',
	type: 'string',
	default: '',
	placeholder: 'e.g. 101, 102',
	description: 'Only jobs of these job families (comma-separated external IDs)',
};

export const sortSkillsAlphabeticallyOption: INodeProperties = {
	displayName: 'Sort Skills Alphabetically',
	name: 'alphabetical',
	type: 'boolean',
	default: false,
};

/** The `is_active` filter, when the option is set. */
export function employeeFilters(options: IDataObject): IDataObject[] {
	return typeof options.activeOnly === 'boolean' ? [{ filter: 'is_active', is_active: options.activeOnly }] : [];
}

/** The `job_family_id_is_in_list` filter, when job families are given. */
export function jobFamilyFilters(context: IExecuteFunctions, options: IDataObject, itemIndex: number): IDataObject[] {
	const ids = readIdList(context, options.jobFamilyIds ?? '', itemIndex, 'Job Family ID');
	return ids.length > 0 ? [{ filter: 'job_family_id_is_in_list', job_family_ids: ids }] : [];
}

/** `output_skills_sorting`, when Sort Skills Alphabetically is on. */
export function alphabeticalSorting(options: IDataObject): IDataObject {
	return options.alphabetical === true ? { output_skills_sorting: 'alphabetical' } : {};
}

/** An export body: the filters and includes that are set, nothing for those that are not. */
export function exportBody(filters: IDataObject[], include: unknown, extra: IDataObject = {}): IDataObject {
	return {
		...(filters.length > 0 ? { filters } : {}),
		...(Array.isArray(include) && include.length > 0 ? { include } : {}),
		...extra,
	};
}

/** The path of each paginated export (`POST <path>` in transport/pageSizes.ts). */
export type ExportPath = Extract<PaginatedCall, `POST ${string}`> extends `POST ${infer Path}` ? Path : never;

/** The export options that are query parameters, by TechWolf's names; every other option goes into the body. */
const QUERY_OPTIONS = { responseFormat: 'response_format', externalVendor: 'external_vendor' };

/**
 * An export's records: POST `path` with the query parameters of the item's Options and the body `body` builds from
 * them, page by page at the path's largest page size, as many records as Return All and Limit ask.
 */
export async function exportRecords(
	context: IExecuteFunctions,
	itemIndex: number,
	path: ExportPath,
	body: (options: IDataObject) => IDataObject,
): Promise<IDataObject[]> {
	const options = readCollection(context, 'options', itemIndex);
	return await techWolfKeysetPaginated.call(
		context,
		{
			method: 'POST',
			path,
			qs: toQuery(options, QUERY_OPTIONS),
			body: body(options),
			pageSize: PAGE_SIZES[`POST ${path}`],
			itemIndex,
		},
		readTake(context, itemIndex),
	);
}
