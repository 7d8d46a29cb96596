import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { locatorField } from '../../descriptions/locators';
import { readLocatedId } from '../../helpers/ids';
import { techWolfApiRequest } from '../../transport';
import type { Operation } from '../operation';

export const get: Operation = {
	label: 'Get',
	action: 'Get an employee',
	description: "Get an employee's data by external ID",
	fields: [
		locatorField('employee', 'employeeId', 'The employee to get'),
		{
			displayName: 'Include Custom Properties',
			name: 'includeCustomProperties',
			type: 'boolean',
			default: false,
			description: 'Whether to include the custom properties stored on the employee',
		},
	],
	async execute(this: IExecuteFunctions, itemIndex: number) {
		const employeeId = readLocatedId(this, 'employeeId', itemIndex, 'Employee ID');
		const include = this.getNodeParameter('includeCustomProperties', itemIndex, false) as boolean;
		return (await techWolfApiRequest.call(this, {
			method: 'GET',
			path: `/employees/${employeeId}`,
			qs: include ? { include: 'custom_properties' } : {},
			itemIndex,
		})) as IDataObject;
	},
};
