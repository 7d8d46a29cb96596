import type { Resource } from '../operation';
import { getSkillProfile } from './getSkillProfile.operation';

export const course: Resource = {
	label: 'Course',
	defaultOperation: 'getSkillProfile',
	operations: { getSkillProfile },
};
