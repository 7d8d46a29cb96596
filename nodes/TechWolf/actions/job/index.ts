import type { Resource } from '../operation';
import { getSkillProfile } from './getSkillProfile.operation';
import { getSuggestedSkillProfile } from './getSuggestedSkillProfile.operation';
import { updateSkillProfile } from './updateSkillProfile.operation';

export const job: Resource = {
	label: 'Job',
	defaultOperation: 'getSkillProfile',
	operations: { getSkillProfile, getSuggestedSkillProfile, updateSkillProfile },
};
