import { type Resource } from '../shared/operation';
import { addSkillEvent } from './addSkillEvent.operation';
import { create } from './create.operation';
import { deleteEmployee } from './delete.operation';
import { get } from './get.operation';
import { getAll } from './getAll.operation';
import { getMatchingCompanies } from './getMatchingCompanies.operation';
import { getMatchingJobs } from './getMatchingJobs.operation';
import { getMatchingVacancies } from './getMatchingVacancies.operation';
import { getSkillEvents } from './getSkillEvents.operation';
import { getSkillProfile } from './getSkillProfile.operation';
import { getSkillSuggestions } from './getSkillSuggestions.operation';
import { getVacancyMatch } from './getVacancyMatch.operation';
import { restore } from './restore.operation';
import { update } from './update.operation';
import { updateSkillProfile } from './updateSkillProfile.operation';

export const employee: Resource = {
	label: 'Employee',
	defaultOperation: 'getSkillProfile',
	operations: {
		addSkillEvent,
		create,
		delete: deleteEmployee,
		get,
		getAll,
		getMatchingCompanies,
		getMatchingJobs,
		getMatchingVacancies,
		getSkillEvents,
		getSkillProfile,
		getSkillSuggestions,
		getVacancyMatch,
		restore,
		update,
		updateSkillProfile,
	},
};
