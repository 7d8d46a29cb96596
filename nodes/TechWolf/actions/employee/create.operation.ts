import type { IExecuteFunctions } from 'n8n-workflow';

import { idField } from '../../descriptions/fields';
import { readId } from '../../helpers/ids';
import { success } from '../../helpers/parameters';
import { techWolfApiRequest } from '../../transport';
import type { Operation } from '../operation';
import { employeeFields, readEmployeeBody } from './fields';

export const create: Operation = {
	label: 'Create',
	action: 'Create an employee',
	description: 'Create an employee in TechWolf',
	fields: [
		idField('employeeId', 'Employee ID', 'The external ID the new employee gets in TechWolf'),
		...employeeFields,
	],
	async execute(this: IExecuteFunctions, itemIndex: number) {
		const employeeId = readId(this, 'employeeId', itemIndex, 'Employee ID');
		await techWolfApiRequest.call(this, {
			method: 'POST',
			path: '/employees',
			body: { ...readEmployeeBody(this, itemIndex), external_id: employeeId },
			itemIndex,
		});
		return success({ externalId: employeeId, created: true });
	},
};
