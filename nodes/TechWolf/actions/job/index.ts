import { type Resource } from '../shared/operation';
import { addProfileData } from './addProfileData.operation';
import { create } from './create.operation';
import { get } from './get.operation';
import { getEmployeeMatch } from './getEmployeeMatch.operation';
import { getMatchingEmployees } from './getMatchingEmployees.operation';
import { getSkillProfile } from './getSkillProfile.operation';
import { getSuggestedSkillProfile } from './getSuggestedSkillProfile.operation';
import { update } from './update.operation';
import { updateSkillProfile } from './updateSkillProfile.operation';

export const job: Resource = {
	label: 'Job',
	defaultOperation: 'getSkillProfile',
	operations: {
		addProfileData,
		create,
		get,
		getEmployeeMatch,
		getMatchingEmployees,
		getSkillProfile,
		getSuggestedSkillProfile,
		update,
		updateSkillProfile,
	},
};
