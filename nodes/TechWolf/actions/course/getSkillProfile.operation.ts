import { vocabLanguageOption } from '../../descriptions/options';
import { getSkillProfileOperation } from '../getSkillProfileOperation';

export const getSkillProfile = getSkillProfileOperation('course', {
	action: 'Get the skills a course teaches',
	description: 'Get the skills a course teaches, by external ID',
	options: [vocabLanguageOption],
});
