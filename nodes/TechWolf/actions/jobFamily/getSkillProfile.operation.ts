import { domainNamespaceOption, externalVendorOption, vocabLanguageOption } from '../../descriptions/options';
import { getSkillProfileOperation } from '../getSkillProfileOperation';

export const getSkillProfile = getSkillProfileOperation('jobFamily', {
	action: 'Get the skills of a job family',
	description: 'Get the governed and suggested skills of a job family, told apart by their validation state',
	options: [domainNamespaceOption, externalVendorOption, vocabLanguageOption],
});
