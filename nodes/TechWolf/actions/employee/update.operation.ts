import type { IExecuteFunctions } from 'n8n-workflow';

import { locatorField, readLocatedId } from '../../fields/ids';
import { type Operation, success } from '../shared/operation';
import { techWolfApiRequest } from '../../transport';
import { employeeFields, readEmployeeBody } from './writeEmployee';

export const update: Operation = {
	label: 'Update',
	action: 'Update an employee',
	description: "Change some of an employee's data",
	fields: [locatorField('employee', 'employeeId', 'The employee to update'), ...employeeFields],
	async execute(this: IExecuteFunctions, itemIndex: number) {
		const employeeId = readLocatedId(this, 'employeeId', itemIndex, 'Employee ID');
		await techWolfApiRequest.call(this, {
			method: 'PATCH',
			path: `/employees/${employeeId}`,
			body: readEmployeeBody(this, itemIndex),
			itemIndex,
		});
		return success({ externalId: employeeId, updated: true });
	},
};
