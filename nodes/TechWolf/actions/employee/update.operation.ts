import type { IExecuteFunctions } from 'n8n-workflow';

import { locatorField } from '../../descriptions/locators';
import { readLocatedId } from '../../helpers/ids';
import { success } from '../../helpers/noContent';
import { techWolfApiRequest } from '../../transport';
import type { Operation } from '../operation';
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
