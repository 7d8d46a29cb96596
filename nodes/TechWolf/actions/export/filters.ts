/**
 * The export filters several exports share, as fields and as TechWolf's `filters` entries: active employees only
 * (`is_active`) and jobs of some job families (`job_family_id_is_in_list`).
 */
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { readIdList } from '../../helpers/ids';

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

/** The `is_active` filter, when the option is set. */
export function employeeFilters(options: IDataObject): IDataObject[] {
	return typeof options.activeOnly === 'boolean' ? [{ filter: 'is_active', is_active: options.activeOnly }] : [];
}

/** The `job_family_id_is_in_list` filter, when job families are given. */
export function jobFamilyFilters(context: IExecuteFunctions, options: IDataObject, itemIndex: number): IDataObject[] {
	const ids = readIdList(context, options.jobFamilyIds ?? '', itemIndex, 'Job Family ID');
	return ids.length > 0 ? [{ filter: 'job_family_id_is_in_list', job_family_ids: ids }] : [];
}

/** An export body: the filters and includes that are set, nothing for those that are not. */
export function exportBody(filters: IDataObject[], include: unknown, extra: IDataObject = {}): IDataObject {
	return {
		...(filters.length > 0 ? { filters } : {}),
		...(Array.isArray(include) && include.length > 0 ? { include } : {}),
		...extra,
	};
}
