import type { IExecuteFunctions } from 'n8n-workflow';

import { readSimplify, simplifyField, simplifyProfile } from '../../fields/simplify';
import { collection, externalVendorOption, includeOption, responseFormatOption } from '../../fields/options';
import { returnAllFields } from '../../fields/paging';
import { type Operation } from '../shared/operation';
import {
	activeEmployeesOption,
	alphabeticalSorting,
	employeeFilters,
	exportBody,
	exportRecords,
	sortSkillsAlphabeticallyOption,
} from './request';

export const employeeSkillProfiles: Operation = {
	label: 'Employee Skill Profiles',
	action: 'Export employee skill profiles',
	description: 'Export the skill profiles of many employees at once, page by page (for reconciliation)',
	fields: [
		...returnAllFields,
		simplifyField,
		collection('options', [
			activeEmployeesOption,
			externalVendorOption,
			includeOption([
				['Low Data Availability Flag', 'low_data_availability_flag'],
				['Rejected Skills', 'rejected_skills'],
				['Skill Validation State', 'skill_validation_state'],
				['Sources', 'sources'],
			]),
			responseFormatOption([
				['Hierarchy', 'hierarchy'],
				['List', 'list'],
			]),
			sortSkillsAlphabeticallyOption,
		]),
	],
	async execute(this: IExecuteFunctions, itemIndex: number) {
		const records = await exportRecords(this, itemIndex, '/export/employees/skill_profiles', (options) =>
			exportBody(employeeFilters(options), options.include, alphabeticalSorting(options)),
		);
		return readSimplify(this, itemIndex) ? records.map(simplifyProfile) : records;
	},
};
