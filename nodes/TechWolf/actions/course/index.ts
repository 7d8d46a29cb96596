import { resourceDescription, type Operation } from '../common';
import { getProfileOperation, profileOptionsField } from '../skillProfiles';

export const operations = {
	getSkillProfile: getProfileOperation(
		'course',
		{
			label: 'Get Skill Profile',
			action: 'Get a course skill profile',
			description: 'Get the skills a course teaches, by external ID',
		},
		profileOptionsField('course'),
	),
} satisfies Record<string, Operation>;

export const description = resourceDescription('course', operations, 'getSkillProfile');
