import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { locatorField, readLocatedId } from '../../fields/ids';
import { techWolfApiRequest } from '../../transport';
import { type Operation } from '../shared/operation';

export const get: Operation = {
	label: 'Get',
	action: 'Get an organisational unit and its employee count',
	description:
		'Get one organisational unit by external ID: its name, parent unit, whether it is active, and the number of employees in it and its subunits',
	fields: [locatorField('organisationalUnit', 'organisationalUnitId', 'The organisational unit to get')],
	async execute(this: IExecuteFunctions, itemIndex: number) {
		const unitId = readLocatedId(this, 'organisationalUnitId', itemIndex, 'Organisational Unit ID');
		return (await techWolfApiRequest.call(this, {
			method: 'GET',
			path: `/organisational_units/${unitId}`,
			itemIndex,
		})) as IDataObject;
	},
};
