import { type Resource } from '../shared/operation';
import { getSkillProfile } from './getSkillProfile.operation';

export const course: Resource = {
	label: 'Course',
	defaultOperation: 'getSkillProfile',
	operations: { getSkillProfile },
};
