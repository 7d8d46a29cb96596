import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import {
	collection,
	externalVendorOption,
	readCollection,
	readQueryOptions,
	vocabLanguageOption,
} from '../../fields/options';
import { readTake, returnAllFields } from '../../fields/paging';
import { readIdList } from '../../fields/ids';
import { PAGE_SIZES, techWolfKeysetPaginated } from '../../transport';
import { type Operation } from '../shared/operation';

export const exportSkills: Operation = {
	label: 'Export',
	action: 'Export skills',
	description: 'Export skills of the vocabulary or custom skills, with descriptions, domains and clusters',
	fields: [
		...returnAllFields,
		collection('filters', [
			{
				displayName: 'Skill IDs',
				name: 'skillIds',
				type: 'string',
				default: '',
				description: 'Only these skills, comma-separated',
			},
			{
				displayName: 'Skill Source',
				name: 'skillSource',
				type: 'options',
				default: 'vocabulary',
				options: [
					{ name: 'Custom', value: 'custom' },
					{ name: 'Vocabulary', value: 'vocabulary' },
				],
			},
		]),
		collection('options', [externalVendorOption, vocabLanguageOption]),
	],
	async execute(this: IExecuteFunctions, itemIndex: number) {
		const filters = readCollection(this, 'filters', itemIndex);
		const list: IDataObject[] = [];
		if (filters.skillSource) list.push({ filter: 'skill_source', skill_source: filters.skillSource });
		if (filters.skillIds) {
			list.push({
				filter: 'skill_id_is_in_list',
				skill_ids: readIdList(this, filters.skillIds, itemIndex, 'Skill IDs'),
			});
		}
		return await techWolfKeysetPaginated.call(
			this,
			{
				method: 'POST',
				path: '/export/skills',
				qs: readQueryOptions(this, itemIndex),
				body: list.length > 0 ? { filters: { filters: list } } : {},
				pageSize: PAGE_SIZES['POST /export/skills'],
				itemIndex,
			},
			readTake(this, itemIndex),
		);
	},
};
