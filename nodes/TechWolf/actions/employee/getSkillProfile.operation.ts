import { includeOption, profileVendorOption, responseFormatOption, vocabLanguageOption } from '../../fields/options';
import { getSkillProfileOperation } from '../shared/skillProfile';

export const getSkillProfile = getSkillProfileOperation('employee', {
	action: 'Get validated and suggested skills of an employee',
	description: 'Get the skills TechWolf holds for an employee, validated and suggested, by external ID',
	options: [
		profileVendorOption,
		includeOption([
			['Low Data Availability Flag', 'low_data_availability_flag'],
			['Sources', 'sources'],
		]),
		responseFormatOption([
			['Domains', 'domains'],
			['Hierarchy', 'hierarchy'],
			['List', 'list'],
			['Skill Clusters', 'skill_clusters'],
		]),
		vocabLanguageOption,
	],
});
