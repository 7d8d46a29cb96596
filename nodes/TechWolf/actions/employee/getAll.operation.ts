import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { collection, readCollection } from '../../fields/options';
import { readTake, returnAllFields } from '../../fields/paging';
import { PAGE_SIZES, techWolfOffsetPaginated } from '../../transport';
import { type Operation } from '../shared/operation';

export const getAll: Operation = {
	label: 'Get Many',
	action: 'Get many employees',
	description: 'List employees, optionally only active ones or one organisational unit',
	fields: [
		...returnAllFields,
		collection('filters', [
			{
				displayName: 'Active',
				name: 'isActive',
				type: 'options',
				default: 'true',
				options: [
					{ name: 'Active Only', value: 'true' },
					{ name: 'Inactive Only', value: 'false' },
				],
			},
			{
				displayName: 'Organisational Unit',
				name: 'organisationalUnit',
				type: 'string',
				default: '',
				description: 'Only employees of this organisational unit (its external ID)',
			},
		]),
	],
	async execute(this: IExecuteFunctions, itemIndex: number) {
		const filters = readCollection(this, 'filters', itemIndex);
		const qs: IDataObject = {};
		if (filters.isActive !== undefined) qs.is_active = filters.isActive === 'true';
		if (typeof filters.organisationalUnit === 'string' && filters.organisationalUnit.trim() !== '') {
			qs.organisational_unit = filters.organisationalUnit.trim();
		}
		return await techWolfOffsetPaginated.call(
			this,
			{ method: 'GET', path: '/employees', qs, pageSize: PAGE_SIZES['GET /employees'], itemIndex },
			readTake(this, itemIndex),
		);
	},
};
