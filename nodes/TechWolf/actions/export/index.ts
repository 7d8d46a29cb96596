import { type Resource } from '../shared/operation';
import { employeeMatchingJobs } from './employeeMatchingJobs.operation';
import { employeeMatchingVacancies } from './employeeMatchingVacancies.operation';
import { employeeSkillClusters } from './employeeSkillClusters.operation';
import { employeeSkillProfiles } from './employeeSkillProfiles.operation';
import { employeeTaskProfiles } from './employeeTaskProfiles.operation';
import { jobMarketAlignment } from './jobMarketAlignment.operation';
import { jobMarketSkillProfiles } from './jobMarketSkillProfiles.operation';
import { jobMatchingEmployees } from './jobMatchingEmployees.operation';
import { jobSkillProfiles } from './jobSkillProfiles.operation';
import { jobSuggestions } from './jobSuggestions.operation';
import { jobTaskProfiles } from './jobTaskProfiles.operation';

export const exportResource: Resource = {
	label: 'Export',
	defaultOperation: 'employeeSkillProfiles',
	operations: {
		employeeSkillProfiles,
		employeeSkillClusters,
		employeeTaskProfiles,
		jobSkillProfiles,
		jobSuggestions,
		jobTaskProfiles,
		jobMarketSkillProfiles,
		jobMarketAlignment,
		employeeMatchingJobs,
		jobMatchingEmployees,
		employeeMatchingVacancies,
	},
};
