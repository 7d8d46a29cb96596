import type { IExecuteFunctions } from 'n8n-workflow';

import { collection, idField, readId, vocabLanguageOption, resourceDescription, type Operation } from '../common';
import {
	fetchSkillProfile,
	profileOptionsField,
	readProfileQuery,
	sendSkillFeedback,
	skillFeedbackFields,
} from '../skillProfiles';

const jobId = idField('jobId', 'Job ID', 'The external ID of the job in your job architecture');

export const operations = {
	getSkillProfile: {
		label: 'Get Skill Profile',
		action: 'Get a job skill profile',
		description: 'Get the skills of a job (with proficiency and criticality if asked) by external ID',
		fields: [jobId, profileOptionsField('job')],
		async execute(this: IExecuteFunctions, itemIndex: number) {
			const id = readId(this, 'jobId', itemIndex, 'Job ID');
			return await fetchSkillProfile(this, 'job', id, readProfileQuery(this, itemIndex), itemIndex);
		},
	},
	getSuggestedSkillProfile: {
		label: 'Get Suggested Skill Profile',
		action: 'Get a job suggested skill profile',
		description: 'Get the skills TechWolf suggests for a job and that are not yet validated',
		fields: [jobId, collection('options', [vocabLanguageOption])],
		async execute(this: IExecuteFunctions, itemIndex: number) {
			const id = readId(this, 'jobId', itemIndex, 'Job ID');
			return await fetchSkillProfile(this, 'jobSuggestions', id, readProfileQuery(this, itemIndex), itemIndex);
		},
	},
	updateSkillProfile: {
		label: 'Update Skill Profile',
		action: 'Update a job skill profile',
		description: 'Validate or reject skills of a job, optionally with proficiency and criticality',
		fields: [jobId, ...skillFeedbackFields('job')],
		async execute(this: IExecuteFunctions, itemIndex: number) {
			return await sendSkillFeedback(this, 'job', readId(this, 'jobId', itemIndex, 'Job ID'), itemIndex);
		},
	},
} satisfies Record<string, Operation>;

export const description = resourceDescription('job', operations, 'getSkillProfile');
