import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { readSimplify, simplifyProfile } from '../../helpers/simplify';
import { collection, returnAllFields, simplifyField } from '../../descriptions/fields';
import { externalVendorOption, includeOption, responseFormatOption } from '../../descriptions/options';
import { readTake } from '../../helpers/paging';
import { readCollection, toQuery } from '../../helpers/parameters';
import { PAGE_SIZES, techWolfKeysetPaginated } from '../../transport';
import type { Operation } from '../operation';
import { activeEmployeesOption } from './filters';

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
			{
				displayName: 'Sort Skills Alphabetically',
				name: 'alphabetical',
				type: 'boolean',
				default: false,
			},
		]),
	],
	async execute(this: IExecuteFunctions, itemIndex: number) {
		const options = readCollection(this, 'options', itemIndex);
		const body: IDataObject = {};
		if (options.activeOnly !== undefined) body.filters = [{ filter: 'is_active', is_active: options.activeOnly }];
		if (Array.isArray(options.include) && options.include.length > 0) body.include = options.include;
		if (options.alphabetical === true) body.output_skills_sorting = 'alphabetical';
		const records = await techWolfKeysetPaginated.call(
			this,
			{
				method: 'POST',
				path: '/export/employees/skill_profiles',
				qs: toQuery(options, { responseFormat: 'response_format', externalVendor: 'external_vendor' }),
				body,
				pageSize: PAGE_SIZES['POST /export/employees/skill_profiles'],
				itemIndex,
			},
			readTake(this, itemIndex),
		);
		return readSimplify(this, itemIndex) ? records.map(simplifyProfile) : records;
	},
};
