import type { IExecuteFunctions } from 'n8n-workflow';

import { profileIdField, skillFeedbackFields } from '../../descriptions/skillProfile';
import { readProfileId, sendSkillFeedback } from '../../helpers/skillProfiles';
import type { Operation } from '../operation';

export const updateSkillProfile: Operation = {
	label: 'Update Skill Profile',
	action: 'Update a job skill profile',
	description: 'Validate or reject skills of a job, optionally with proficiency and criticality',
	fields: [profileIdField('job'), ...skillFeedbackFields('job')],
	async execute(this: IExecuteFunctions, itemIndex: number) {
		return await sendSkillFeedback(this, 'job', readProfileId(this, 'job', itemIndex), itemIndex);
	},
};
