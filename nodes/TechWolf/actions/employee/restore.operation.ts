import type { IExecuteFunctions } from 'n8n-workflow';

import { idField } from '../../descriptions/fields';
import { inputLanguageField } from '../../descriptions/options';
import { readId } from '../../helpers/ids';
import { readChoice, success } from '../../helpers/parameters';
import type { Operation } from '../operation';
import { techWolfApiRequest } from '../../transport';
import { GRACE_PERIOD_HINT } from './delete.operation';
import { employeeFields, readEmployeeBody } from './fields';

export const restore: Operation = {
	label: 'Restore',
	action: 'Restore a deleted employee',
	description: 'Undo the deletion of an employee within the grace period, optionally updating its data',
	fields: [
		idField('employeeId', 'Employee ID', 'The external ID of the soft-deleted employee'),
		{ displayName: GRACE_PERIOD_HINT, name: 'gracePeriodNotice', type: 'notice', default: '' },
		inputLanguageField,
		...employeeFields,
	],
	async execute(this: IExecuteFunctions, itemIndex: number) {
		const employeeId = readId(this, 'employeeId', itemIndex, 'Employee ID');
		// The "Creating new Employees" tutorial: POST /employees with restore=true and the external_id in the body;
		// language and strict are that call's required query parameters. strict=false: a restore never fails on skills.
		await techWolfApiRequest.call(this, {
			method: 'POST',
			path: '/employees',
			qs: { restore: true, language: readChoice(this, inputLanguageField, itemIndex), strict: false },
			body: { ...readEmployeeBody(this, itemIndex), external_id: employeeId },
			itemIndex,
		});
		return success({ externalId: employeeId, restored: true });
	},
};
