import {
	domainNamespaceOption,
	includeOption,
	profileVendorOption,
	responseFormatOption,
	vocabLanguageOption,
} from '../../fields/options';
import { getSkillProfileOperation } from '../shared/skillProfile';

export const getSkillProfile = getSkillProfileOperation('job', {
	action: 'Get the skills a job requires',
	description: 'Get the skills of a job (with proficiency and criticality if asked) by external ID',
	options: [
		domainNamespaceOption,
		profileVendorOption,
		includeOption([
			['Critical', 'critical'],
			['Low Data Availability Flag', 'low_data_availability_flag'],
			['Proficiency Float', 'proficiency_float'],
			['Proficiency Level', 'proficiency_level'],
			['Skill Validation State', 'skill_validation_state'],
		]),
		responseFormatOption([
			['Hierarchy', 'hierarchy'],
			['List', 'list'],
		]),
		vocabLanguageOption,
	],
});
