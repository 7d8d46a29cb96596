import { collection, resourceDescription, vocabLanguageOption, type Operation } from '../common';
import { getProfileOperation, profileOptionsField, updateProfileOperation } from '../skillProfiles';

export const operations = {
	getSkillProfile: getProfileOperation(
		'job',
		{
			label: 'Get Skill Profile',
			action: 'Get a job skill profile',
			description: 'Get the skills of a job (with proficiency and criticality if asked) by external ID',
		},
		profileOptionsField('job'),
	),
	getSuggestedSkillProfile: getProfileOperation(
		'jobSuggestions',
		{
			label: 'Get Suggested Skill Profile',
			action: 'Get a job suggested skill profile',
			description: 'Get the skills TechWolf suggests for a job and that are not yet validated',
		},
		collection('options', [vocabLanguageOption]),
	),
	updateSkillProfile: updateProfileOperation('job', {
		label: 'Update Skill Profile',
		action: 'Update a job skill profile',
		description: 'Validate or reject skills of a job, optionally with proficiency and criticality',
	}),
} satisfies Record<string, Operation>;

export const description = resourceDescription('job', operations, 'getSkillProfile');
