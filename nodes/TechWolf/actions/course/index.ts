import type { IExecuteFunctions } from 'n8n-workflow';

import { idField, readId, resourceDescription, type Operation } from '../common';
import { fetchSkillProfile, profileOptionsField, readProfileQuery } from '../skillProfiles';

export const operations = {
	getSkillProfile: {
		label: 'Get Skill Profile',
		action: 'Get a course skill profile',
		description: 'Get the skills a course teaches, by external ID',
		fields: [idField('courseId', 'Course ID', 'The external ID of the course'), profileOptionsField('course')],
		async execute(this: IExecuteFunctions, itemIndex: number) {
			const id = readId(this, 'courseId', itemIndex, 'Course ID');
			return await fetchSkillProfile(this, 'course', id, readProfileQuery(this, itemIndex), itemIndex);
		},
	},
} satisfies Record<string, Operation>;

export const description = resourceDescription('course', operations, 'getSkillProfile');
