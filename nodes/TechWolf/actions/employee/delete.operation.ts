import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { locatorField, readLocatedId } from '../../fields/ids';
import { type Operation, success } from '../shared/operation';
import { techWolfApiRequest } from '../../transport';

/** What TechWolf's "Creating new Employees" tutorial says about deletion, shown where the user deletes or restores. */
export const gracePeriodNotice: INodeProperties = {
	displayName:
		'If grace periods are enabled for your tenant, TechWolf soft-deletes the employee and keeps it for the grace period your tenant has (TechWolf sets its length); until then, Restore brings it back. Without a grace period, or once it ends, the deletion is permanent.',
	name: 'gracePeriodNotice',
	type: 'notice',
	default: '',
};

export const deleteEmployee: Operation = {
	label: 'Delete',
	action: 'Delete an employee',
	description: 'Delete an employee (soft-deleted for the tenant’s grace period, if it has one; then permanently)',
	fields: [locatorField('employee', 'employeeId', 'The employee to delete'), gracePeriodNotice],
	async execute(this: IExecuteFunctions, itemIndex: number) {
		const employeeId = readLocatedId(this, 'employeeId', itemIndex, 'Employee ID');
		await techWolfApiRequest.call(this, { method: 'DELETE', path: `/employees/${employeeId}`, itemIndex });
		return success({ externalId: employeeId, deleted: true });
	},
};
