import type { IExecuteFunctions } from 'n8n-workflow';

import { idField } from '../../descriptions/fields';
import { readId } from '../../helpers/ids';
import { success } from '../../helpers/parameters';
import { techWolfApiRequest } from '../../transport';
import type { Operation } from '../operation';
import { employeeFields, readEmployeeBody } from './fields';

export const update: Operation = {
	label: 'Update',
	action: 'Update an employee',
	description: "Change some of an employee's data",
	fields: [idField('employeeId', 'Employee ID', 'The external ID of the employee to update'), ...employeeFields],
	async execute(this: IExecuteFunctions, itemIndex: number) {
		const employeeId = readId(this, 'employeeId', itemIndex, 'Employee ID');
		await techWolfApiRequest.call(this, {
			method: 'PATCH',
			path: `/employees/${employeeId}`,
			body: readEmployeeBody(this, itemIndex),
			itemIndex,
		});
		return success({ externalId: employeeId, updated: true });
	},
};
