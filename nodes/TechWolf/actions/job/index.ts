import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { idField, readId, showFor, vocabLanguageOption, type Operation } from '../common';
import {
	fetchSkillProfile,
	fetchSuggestedJobProfile,
	profileOptionsField,
	readProfileQuery,
	sendSkillFeedback,
	skillFeedbackFields,
} from '../skillProfiles';

const jobId = idField('jobId', 'Job ID', 'The external ID of the job in your job architecture');

export const operations = {
	getSkillProfile: {
		fields: [jobId, profileOptionsField('job')],
		async execute(this: IExecuteFunctions, itemIndex: number) {
			const id = readId(this, 'jobId', itemIndex, 'Job ID');
			return await fetchSkillProfile(this, 'job', id, readProfileQuery(this, itemIndex), itemIndex);
		},
	},
	getSuggestedSkillProfile: {
		fields: [
			jobId,
			{
				displayName: 'Options',
				name: 'options',
				type: 'collection',
				placeholder: 'Add Option',
				default: {},
				options: [vocabLanguageOption],
			},
		],
		async execute(this: IExecuteFunctions, itemIndex: number) {
			const id = readId(this, 'jobId', itemIndex, 'Job ID');
			return await fetchSuggestedJobProfile(this, id, readProfileQuery(this, itemIndex), itemIndex);
		},
	},
	updateSkillProfile: {
		fields: [jobId, ...skillFeedbackFields('job')],
		async execute(this: IExecuteFunctions, itemIndex: number) {
			return await sendSkillFeedback(this, 'job', readId(this, 'jobId', itemIndex, 'Job ID'), itemIndex);
		},
	},
} satisfies Record<string, Operation>;

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['job'] } },
		default: 'getSkillProfile',
		options: [
			{
				name: 'Get Skill Profile',
				value: 'getSkillProfile',
				action: 'Get a job skill profile',
				description: 'Get the skills of a job (with proficiency and criticality if asked) by external ID',
			},
			{
				name: 'Get Suggested Skill Profile',
				value: 'getSuggestedSkillProfile',
				action: 'Get a job suggested skill profile',
				description: 'Get the skills TechWolf suggests for a job and that are not yet validated',
			},
			{
				name: 'Update Skill Profile',
				value: 'updateSkillProfile',
				action: 'Update a job skill profile',
				description: 'Validate or reject skills of a job, optionally with proficiency and criticality',
			},
		],
	},
	...Object.entries(operations).flatMap(([name, operation]) => showFor('job', name, operation.fields)),
];
