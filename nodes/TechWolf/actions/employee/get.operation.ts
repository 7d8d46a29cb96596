import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { customPropertiesField, readCustomPropertiesQuery } from '../../fields/options';
import { locatorField, readLocatedId } from '../../fields/ids';
import { techWolfApiRequest } from '../../transport';
import { type Operation } from '../shared/operation';

export const get: Operation = {
	label: 'Get',
	action: 'Get an employee',
	description: "Get an employee's data by external ID",
	fields: [locatorField('employee', 'employeeId', 'The employee to get'), customPropertiesField('employee')],
	async execute(this: IExecuteFunctions, itemIndex: number) {
		const employeeId = readLocatedId(this, 'employeeId', itemIndex, 'Employee ID');
		return (await techWolfApiRequest.call(this, {
			method: 'GET',
			path: `/employees/${employeeId}`,
			qs: readCustomPropertiesQuery(this, itemIndex),
			itemIndex,
		})) as IDataObject;
	},
};
