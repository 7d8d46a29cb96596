import { type Resource } from '../shared/operation';
import { addProfileData } from './addProfileData.operation';
import { create } from './create.operation';
import { getSkillProfile } from './getSkillProfile.operation';

export const jobFamily: Resource = {
	label: 'Job Family',
	defaultOperation: 'getSkillProfile',
	operations: { addProfileData, create, getSkillProfile },
};
