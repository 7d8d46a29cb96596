import { getProfileOperation, profileOptionsField } from '../skillProfiles';

export const getSkillProfile = getProfileOperation(
	'employee',
	{
		label: 'Get Skill Profile',
		action: 'Get an employee skill profile',
		description: 'Get the skills TechWolf holds for an employee, validated and suggested, by external ID',
	},
	profileOptionsField('employee'),
);
