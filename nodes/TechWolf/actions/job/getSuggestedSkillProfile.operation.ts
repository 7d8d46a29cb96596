import type { IExecuteFunctions } from 'n8n-workflow';

import { collection, simplifyField } from '../../descriptions/fields';
import { domainNamespaceOption, vocabLanguageOption } from '../../descriptions/options';
import { profileIdField } from '../../descriptions/skillProfile';
import { skillProfileOf } from '../../helpers/skillProfiles';
import type { Operation } from '../operation';

export const getSuggestedSkillProfile: Operation = {
	label: 'Get Suggested Skill Profile',
	action: 'Get skills suggested for a job, not yet validated',
	description: 'Get the skills TechWolf suggests for a job and that are not yet validated',
	fields: [profileIdField('job'), simplifyField, collection('options', [domainNamespaceOption, vocabLanguageOption])],
	async execute(this: IExecuteFunctions, itemIndex: number) {
		return skillProfileOf(this, 'jobSuggestions', itemIndex);
	},
};
