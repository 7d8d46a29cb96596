import type { IExecuteFunctions } from 'n8n-workflow';

import { idField, readId } from '../../fields/ids';
import { inputLanguageField } from '../../fields/options';
import { type Operation, success } from '../shared/operation';
import { gracePeriodNotice } from './delete.operation';
import { employeeFields, postEmployee } from './writeEmployee';

export const restore: Operation = {
	label: 'Restore',
	action: 'Restore a deleted employee',
	description: 'Undo the deletion of an employee within the grace period, optionally updating its data',
	fields: [
		idField('employeeId', 'Employee ID', 'The external ID of the soft-deleted employee'),
		gracePeriodNotice,
		inputLanguageField,
		...employeeFields,
	],
	async execute(this: IExecuteFunctions, itemIndex: number) {
		const employeeId = readId(this, 'employeeId', itemIndex, 'Employee ID');
		// strict=false: a restore never fails on skills.
		await postEmployee(this, itemIndex, employeeId, { restore: true, strict: false });
		return success({ externalId: employeeId, restored: true });
	},
};
