/**
 * The fields of Add Profile Data, for jobs and job families: the data types the "Providing Profile Data" tutorial lists
 * for each, the text and its source. helpers/profileData.ts sends them.
 */
import type { INodeProperties } from 'n8n-workflow';

import { idField } from './fields';

export type ProfileDataOwner = 'job' | 'jobFamily';

/** The Data Type field of each owner, with the types the tutorial lists for it. */
export const DATA_TYPE_FIELD: Record<ProfileDataOwner, INodeProperties> = {
	job: {
		displayName: 'Data Type',
		name: 'dataType',
		type: 'options',
		default: 'job_description',
		options: [
			{ name: 'Job Description', value: 'job_description', description: 'The full description of the job' },
			{ name: 'Job Title', value: 'job_title', description: 'An alternative or local title of the job' },
			{ name: 'Skill Notes', value: 'skill_notes', description: 'Notes about the skills the job needs' },
			{ name: 'Vacancy', value: 'vacancy', description: 'The text of a vacancy for this job' },
		],
	},
	jobFamily: {
		displayName: 'Data Type',
		name: 'dataType',
		type: 'options',
		default: 'job_family_description',
		options: [
			{
				name: 'Job Family Description',
				value: 'job_family_description',
				description: 'The description of the job family',
			},
		],
	},
};

/** Everything after the owner's id: the profile data's own id, its type, the text and the source. */
export function profileDataFields(owner: ProfileDataOwner): INodeProperties[] {
	return [
		idField(
			'profileDataId',
			'Profile Data ID',
			'Your ID for this piece of profile data, e.g. job-1-desc-1; TechWolf answers 409 if it already exists',
		),
		DATA_TYPE_FIELD[owner],
		{
			displayName: 'Text',
			name: 'text',
			type: 'string',
			typeOptions: { rows: 6 },
			default: '',
			required: true,
			description: 'The text TechWolf reads the skills from, such as the job description',
		},
		{
			displayName: 'Source',
			name: 'source',
			type: 'string',
			default: 'n8n',
			required: true,
			description: 'Which system the text comes from, as TechWolf records it (e.g. Workday)',
		},
	];
}
