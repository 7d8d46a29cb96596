import type { IExecuteFunctions } from 'n8n-workflow';

import { collection, externalVendorOption, readCollection } from '../../fields/options';
import { readTake, returnAllFields } from '../../fields/paging';
import { readIdList } from '../../fields/ids';
import { exportTaxonomyChanges } from '../shared/taxonomyChanges';
import { type Operation } from '../shared/operation';

/** Operation types TechWolf documents for POST /taxonomy/export; others may exist, so any value is passed on. */
const OPERATION_TYPES = [
	['Vocabulary: Add Skill', 'vocab_update_add_skill'],
	['Vocabulary: Merge Skill', 'vocab_update_merge_skill'],
	['Vocabulary: Remove Skill', 'vocab_update_remove_skill'],
	['Vocabulary: Rename Skill', 'vocab_update_rename_skill'],
] as const;

export const exportChanges: Operation = {
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
		const filters = readCollection(this, 'filters', itemIndex);
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
};
