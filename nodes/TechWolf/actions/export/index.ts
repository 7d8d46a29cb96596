import type { Resource } from '../operation';
import { employeeSkillProfiles } from './employeeSkillProfiles.operation';
import { jobSkillProfiles } from './jobSkillProfiles.operation';

export const exportResource: Resource = {
	label: 'Export',
	defaultOperation: 'employeeSkillProfiles',
	operations: { employeeSkillProfiles, jobSkillProfiles },
};
