import { updateSkillProfileOperation } from '../shared/skillFeedback';

export const updateSkillProfile = updateSkillProfileOperation('employee', {
	action: 'Update an employee skill profile',
	description: "Validate or reject skills in an employee's skill profile",
});
