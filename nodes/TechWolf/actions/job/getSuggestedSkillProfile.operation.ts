import { domainNamespaceOption, vocabLanguageOption } from '../../fields/options';
import { getSkillProfileOperation } from '../shared/skillProfile';

export const getSuggestedSkillProfile = getSkillProfileOperation('jobSuggestions', {
	label: 'Get Suggested Skill Profile',
	action: 'Get skills suggested for a job, not yet validated',
	description: 'Get the skills TechWolf suggests for a job and that are not yet validated',
	options: [domainNamespaceOption, vocabLanguageOption],
});
