import type { IExecuteFunctions } from 'n8n-workflow';

import { collection, simplifyField } from '../../descriptions/fields';
import { domainNamespaceOption, externalVendorOption, vocabLanguageOption } from '../../descriptions/options';
import { profileIdField } from '../../descriptions/skillProfile';
import { skillProfileOf } from '../../helpers/skillProfiles';
import type { Operation } from '../operation';

export const getSkillProfile: Operation = {
	label: 'Get Skill Profile',
	action: 'Get the skills of a job family',
	description: 'Get the governed and suggested skills of a job family, told apart by their validation state',
	fields: [
		profileIdField('jobFamily'),
		simplifyField,
		collection('options', [domainNamespaceOption, externalVendorOption, vocabLanguageOption]),
	],
	async execute(this: IExecuteFunctions, itemIndex: number) {
		return skillProfileOf(this, 'jobFamily', itemIndex);
	},
};
