import type { IExecuteFunctions } from 'n8n-workflow';

import { collection, simplifyField } from '../../descriptions/fields';
import {
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
	action: 'Get validated and suggested skills of an employee',
	description: 'Get the skills TechWolf holds for an employee, validated and suggested, by external ID',
	fields: [
		profileIdField('employee'),
		simplifyField,
		collection('options', [
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
		]),
	],
	async execute(this: IExecuteFunctions, itemIndex: number) {
		return skillProfileOf(this, 'employee', itemIndex);
	},
};
