/** Changes to the taxonomy, read by Taxonomy → Export Changes and by Event → Get Resource for Taxonomy Updated. */
import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { TAXONOMY_EXPORT_PATH } from '../../../shared/apiPaths';
import { parseDate } from '../../fields/values';
import { PAGE_SIZES, techWolfKeysetPaginated, type Take } from '../../transport';

export interface TaxonomyChangeQuery {
	operationTypes: string[];
	externalIds: string[];
	from?: string;
	to?: string;
	externalVendor?: string;
}

function isoTimestamp(context: IExecuteFunctions, value: unknown, itemIndex: number, label: string): string {
	// TechWolf's examples use timestamps without a zone: send UTC in that form.
	return parseDate(context, value, itemIndex, label)
		.toISOString()
		.replace(/\.\d{3}Z$/, '');
}

/** POST /taxonomy/export with its filters, following next_starting_after. */
export async function exportTaxonomyChanges(
	context: IExecuteFunctions,
	query: TaxonomyChangeQuery,
	take: Take,
	itemIndex: number,
): Promise<IDataObject[]> {
	const filters: IDataObject[] = [];
	if (query.operationTypes.length > 0) {
		filters.push({ filter: 'operation_type_is_in_list', operation_types: query.operationTypes });
	}
	if (query.externalIds.length > 0) filters.push({ filter: 'external_id_is_in_list', external_ids: query.externalIds });
	if (query.from)
		filters.push({ filter: 'timestamp', value: isoTimestamp(context, query.from, itemIndex, 'From'), operator: 'gte' });
	if (query.to)
		filters.push({ filter: 'timestamp', value: isoTimestamp(context, query.to, itemIndex, 'To'), operator: 'lte' });
	return await techWolfKeysetPaginated.call(
		context,
		{
			method: 'POST',
			path: TAXONOMY_EXPORT_PATH,
			qs: query.externalVendor ? { external_vendor: query.externalVendor } : {},
			body: filters.length > 0 ? { filters } : {},
			pageSize: PAGE_SIZES['POST /taxonomy/export'],
			itemIndex,
		},
		take,
	);
}
