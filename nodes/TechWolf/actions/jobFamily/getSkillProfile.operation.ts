import { domainNamespaceOption, externalVendorOption, vocabLanguageOption } from '../../fields/options';
import { getSkillProfileOperation } from '../shared/skillProfile';

export const getSkillProfile = getSkillProfileOperation('jobFamily', {
	action: 'Get the skills of a job family',
	description: 'Get the governed and suggested skills of a job family, told apart by their validation state',
	options: [domainNamespaceOption, externalVendorOption, vocabLanguageOption],
});
