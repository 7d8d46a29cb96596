import { NodeOperationError, type IDataObject, type IExecuteFunctions } from 'n8n-workflow';

import { techWolfKeysetPaginated, type Take } from '../../transport';
import {
	externalVendorOption,
	collection,
	readIdList,
	readTake,
	returnAllFields,
	resourceDescription,
	type Operation,
} from '../common';

/** Operation types TechWolf documents for POST /taxonomy/export; others may exist, so any value is passed on. */
const OPERATION_TYPES = [
	['Vocabulary: Add Skill', 'vocab_update_add_skill'],
	['Vocabulary: Merge Skill', 'vocab_update_merge_skill'],
	['Vocabulary: Remove Skill', 'vocab_update_remove_skill'],
	['Vocabulary: Rename Skill', 'vocab_update_rename_skill'],
] as const;

export interface TaxonomyChangeQuery {
	operationTypes: string[];
	externalIds: string[];
	from?: string;
	to?: string;
	externalVendor?: string;
}

function isoTimestamp(context: IExecuteFunctions, value: unknown, itemIndex: number, label: string): string {
	const date = new Date(String(value));
	if (Number.isNaN(date.getTime())) {
		throw new NodeOperationError(context.getNode(), `${label} "${String(value)}" is not a date`, { itemIndex });
	}
	// TechWolf's examples use timestamps without a zone: send UTC in that form.
	return date.toISOString().replace(/\.\d{3}Z$/, '');
}

/** POST /taxonomy/export with its filters, following next_starting_after. Shared with Event → Get Resource. */
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
			path: '/taxonomy/export',
			qs: query.externalVendor ? { external_vendor: query.externalVendor } : {},
			body: filters.length > 0 ? { filters } : {},
			itemIndex,
		},
		take,
	);
}

export const operations = {
	exportChanges: {
		label: 'Export Changes',
		action: 'Export taxonomy changes',
		description:
			'List changes to the skills taxonomy or vocabulary (skills added, renamed, merged, removed), filtered by type, ID and time',
		fields: [
			...returnAllFields,
			collection('filters', [
				{
					displayName: 'Change IDs',
					name: 'externalIds',
					type: 'string',
					default: '',
					description: 'Only these changes (the external_id of a Taxonomy Updated event), comma-separated',
				},
				{ ...externalVendorOption, description: "Changes of this vendor's vocabulary, plus vendor-independent ones" },
				{
					displayName: 'From',
					name: 'from',
					type: 'dateTime',
					default: '',
					description: 'Changes at or after this time',
				},
				{
					displayName: 'Operation Types',
					name: 'operationTypes',
					type: 'multiOptions',
					default: [],
					options: OPERATION_TYPES.map(([name, value]) => ({ name, value })),
				},
				{
					displayName: 'To',
					name: 'to',
					type: 'dateTime',
					default: '',
					description: 'Changes at or before this time',
				},
			]),
		],
		async execute(this: IExecuteFunctions, itemIndex: number) {
			const filters = this.getNodeParameter('filters', itemIndex, {}) as IDataObject;
			return await exportTaxonomyChanges(
				this,
				{
					operationTypes: (filters.operationTypes as string[] | undefined) ?? [],
					externalIds: filters.externalIds ? readIdList(this, filters.externalIds, itemIndex, 'Change IDs') : [],
					from: (filters.from as string | undefined) || undefined,
					to: (filters.to as string | undefined) || undefined,
					externalVendor: (filters.externalVendor as string | undefined) || undefined,
				},
				readTake(this, itemIndex),
				itemIndex,
			);
		},
	},
} satisfies Record<string, Operation>;

export const description = resourceDescription('taxonomy', operations, 'exportChanges');
