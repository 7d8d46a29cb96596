import type { IExecuteFunctions } from 'n8n-workflow';

import { idField, readId, type Operation } from '../common';
import { sendSkillFeedback, skillFeedbackFields } from '../skillProfiles';

export const updateSkillProfile: Operation = {
	label: 'Update Skill Profile',
	action: 'Update an employee skill profile',
	description: "Validate or reject skills in an employee's skill profile",
	fields: [idField('employeeId', 'Employee ID', 'The external ID of the employee'), ...skillFeedbackFields('employee')],
	async execute(this: IExecuteFunctions, itemIndex: number) {
		return await sendSkillFeedback(this, 'employee', readId(this, 'employeeId', itemIndex, 'Employee ID'), itemIndex);
	},
};
