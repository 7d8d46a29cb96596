import type { IExecuteFunctions } from 'n8n-workflow';

import { idField, readId, type Operation } from '../common';
import { fetchSkillProfile, profileOptionsField, readProfileQuery } from '../skillProfiles';

export const getSkillProfile: Operation = {
	label: 'Get Skill Profile',
	action: 'Get an employee skill profile',
	description: 'Get the skills TechWolf holds for an employee, validated and suggested, by external ID',
	fields: [idField('employeeId', 'Employee ID', 'The external ID of the employee'), profileOptionsField('employee')],
	async execute(this: IExecuteFunctions, itemIndex: number) {
		const employeeId = readId(this, 'employeeId', itemIndex, 'Employee ID');
		return await fetchSkillProfile(this, 'employee', employeeId, readProfileQuery(this, itemIndex), itemIndex);
	},
};
