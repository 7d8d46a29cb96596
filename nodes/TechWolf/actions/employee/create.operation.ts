import type { IExecuteFunctions } from 'n8n-workflow';

import { idField, readId } from '../../fields/ids';
import { inputLanguageField, strictField } from '../../fields/options';
import { type Operation, success } from '../shared/operation';
import { employeeFields, postEmployee } from './writeEmployee';

export const create: Operation = {
	label: 'Create',
	action: 'Create an employee',
	description: 'Create an employee in TechWolf; its history and documents are read for skills',
	fields: [
		idField('employeeId', 'Employee ID', 'The external ID the new employee gets in TechWolf'),
		// TechWolf's tutorial on creating employees calls both query parameters required: always sent.
		inputLanguageField,
		strictField,
		...employeeFields,
	],
	async execute(this: IExecuteFunctions, itemIndex: number) {
		const employeeId = readId(this, 'employeeId', itemIndex, 'Employee ID');
		await postEmployee(this, itemIndex, employeeId, {
			strict: this.getNodeParameter('strict', itemIndex, false) === true,
		});
		return success({ externalId: employeeId, created: true });
	},
};
