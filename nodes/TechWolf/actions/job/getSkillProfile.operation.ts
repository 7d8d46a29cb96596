import type { IExecuteFunctions } from 'n8n-workflow';

import { collection, simplifyField } from '../../descriptions/fields';
import {
	domainNamespaceOption,
	includeOption,
	profileVendorOption,
	responseFormatOption,
	vocabLanguageOption,
} from '../../descriptions/options';
import { profileIdField } from '../../descriptions/skillProfile';
import { skillProfileOf } from '../../helpers/skillProfiles';
import type { Operation } from '../operation';

export const getSkillProfile: Operation = {
	label: 'Get Skill Profile',
	action: 'Get the skills a job requires',
	description: 'Get the skills of a job (with proficiency and criticality if asked) by external ID',
	fields: [
		profileIdField('job'),
		simplifyField,
		collection('options', [
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
		]),
	],
	async execute(this: IExecuteFunctions, itemIndex: number) {
		return skillProfileOf(this, 'job', itemIndex);
	},
};
