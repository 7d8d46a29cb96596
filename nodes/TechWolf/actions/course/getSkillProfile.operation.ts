import { vocabLanguageOption } from '../../fields/options';
import { getSkillProfileOperation } from '../shared/skillProfile';

export const getSkillProfile = getSkillProfileOperation('course', {
	action: 'Get the skills a course teaches',
	description: 'Get the skills a course teaches, by external ID',
	options: [vocabLanguageOption],
});
