import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { techWolfApiRequest, techWolfKeysetPaginated } from '../../transport';
import {
	collection,
	externalVendorOption,
	idField,
	readId,
	readIdList,
	readTake,
	returnAllFields,
	readQueryOptions,
	vocabLanguageOption,
	resourceDescription,
	type Operation,
} from '../common';

/** GET /taxonomy/skills/{id}: the skill; with `nullIfNotFound`, null when TechWolf answers 404 (deleted). */
export async function fetchSkill(
	context: IExecuteFunctions,
	skillId: string,
	query: IDataObject,
	itemIndex: number,
	nullIfNotFound: boolean,
): Promise<IDataObject | null> {
	const skill = (await techWolfApiRequest.call(context, {
		method: 'GET',
		path: `/taxonomy/skills/${skillId}`,
		qs: query,
		itemIndex,
		nullIfNotFound,
	})) as IDataObject | null | undefined;
	return skill ?? null;
}

export const operations = {
	get: {
		label: 'Get',
		action: 'Get a skill',
		description: 'Get one skill by ID; a deleted skill answers 404',
		fields: [
			idField('skillId', 'Skill ID', 'The ID of the skill (a TechWolf UUID, or a custom skill ID)'),
			collection('options', [externalVendorOption, vocabLanguageOption]),
		],
		async execute(this: IExecuteFunctions, itemIndex: number) {
			const skillId = readId(this, 'skillId', itemIndex, 'Skill ID');
			const query = readQueryOptions(this, itemIndex);
			return (await fetchSkill(this, skillId, query, itemIndex, false)) ?? {};
		},
	},
	export: {
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
			const filters = this.getNodeParameter('filters', itemIndex, {}) as IDataObject;
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
					itemIndex,
				},
				readTake(this, itemIndex),
			);
		},
	},
} satisfies Record<string, Operation>;

export const description = resourceDescription('skill', operations, 'get');
