import { updateSkillProfileOperation } from '../shared/skillFeedback';

export const updateSkillProfile = updateSkillProfileOperation('job', {
	action: 'Update a job skill profile',
	description: 'Validate or reject skills of a job, optionally with proficiency and criticality',
});
