import type { IExecuteFunctions } from 'n8n-workflow';

import { profileIdField, skillFeedbackFields } from '../../descriptions/skillProfile';
import { readProfileId, sendSkillFeedback } from '../../helpers/skillProfiles';
import type { Operation } from '../operation';

export const updateSkillProfile: Operation = {
	label: 'Update Skill Profile',
	action: 'Update an employee skill profile',
	description: "Validate or reject skills in an employee's skill profile",
	fields: [profileIdField('employee'), ...skillFeedbackFields('employee')],
	async execute(this: IExecuteFunctions, itemIndex: number) {
		return await sendSkillFeedback(this, 'employee', readProfileId(this, 'employee', itemIndex), itemIndex);
	},
};
