import { updateProfileOperation } from '../skillProfiles';

export const updateSkillProfile = updateProfileOperation('employee', {
	label: 'Update Skill Profile',
	action: 'Update an employee skill profile',
	description: "Validate or reject skills in an employee's skill profile",
});
