import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { collection, readCollection } from '../../fields/options';
import { readTake, returnAllFields } from '../../fields/paging';
import { checkId } from '../../fields/ids';
import { PAGE_SIZES, techWolfOffsetPaginated } from '../../transport';
import { type Operation } from '../shared/operation';

export const getAll: Operation = {
	label: 'Get Many',
	action: 'List organisational units with employee counts',
	description:
		'List organisational units, each with its name, parent unit, whether it is active, and the number of employees in it and its subunits',
	fields: [
		...returnAllFields,
		collection('filters', [
			{
				displayName: 'Parent Unit ID',
				name: 'parentId',
				type: 'string',
				default: '',
				placeholder: 'e.g. ou-technology',
				description: 'Only the direct subunits of this unit',
			},
			{
				displayName: 'Root Units Only',
				name: 'rootsOnly',
				type: 'boolean',
				default: true,
				description: 'Whether to list only the units without a parent',
			},
		]),
	],
	async execute(this: IExecuteFunctions, itemIndex: number) {
		const filters = readCollection(this, 'filters', itemIndex);
		const qs: IDataObject = {};
		// TechWolf's parent_id="null" selects the root units.
		if (filters.rootsOnly === true) qs.parent_id = 'null';
		if (typeof filters.parentId === 'string' && filters.parentId.trim() !== '') {
			qs.parent_id = checkId(this, filters.parentId, itemIndex, 'Parent Unit ID');
		}
		return await techWolfOffsetPaginated.call(
			this,
			{
				method: 'GET',
				path: '/organisational_units',
				qs,
				pageSize: PAGE_SIZES['GET /organisational_units'],
				itemIndex,
			},
			readTake(this, itemIndex),
		);
	},
};
