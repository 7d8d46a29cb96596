import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { idField, readId, showFor, type Operation } from '../common';
import { fetchSkillProfile, profileOptionsField, readProfileQuery } from '../skillProfiles';

export const operations = {
	getSkillProfile: {
		fields: [idField('courseId', 'Course ID', 'The external ID of the course'), profileOptionsField('course')],
		async execute(this: IExecuteFunctions, itemIndex: number) {
			const id = readId(this, 'courseId', itemIndex, 'Course ID');
			return await fetchSkillProfile(this, 'course', id, readProfileQuery(this, itemIndex), itemIndex);
		},
	},
} satisfies Record<string, Operation>;

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['course'] } },
		default: 'getSkillProfile',
		options: [
			{
				name: 'Get Skill Profile',
				value: 'getSkillProfile',
				action: 'Get a course skill profile',
				description: 'Get the skills a course teaches, by external ID',
			},
		],
	},
	...Object.entries(operations).flatMap(([name, operation]) => showFor('course', name, operation.fields)),
];
