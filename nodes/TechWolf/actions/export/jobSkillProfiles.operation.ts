import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { JOB_SKILL_PROFILES_EXPORT_PATH } from '../../../shared/apiPaths';
import { readSimplify, simplifyField, simplifyProfile } from '../../fields/simplify';
import { collection, externalVendorOption, includeOption, responseFormatOption } from '../../fields/options';
import { returnAllFields } from '../../fields/paging';
import { readDay } from '../../fields/values';
import { type Operation } from '../shared/operation';
import { exportBody, exportRecords, jobFamilyFilters, jobFamilyIdsOption } from './request';

export const jobSkillProfiles: Operation = {
	label: 'Job Skill Profiles',
	action: 'Export job skill profiles',
	description:
		'Export the skill profiles of many jobs at once, page by page, e.g. the jobs changed since the last reconciliation',
	fields: [
		...returnAllFields,
		simplifyField,
		collection('options', [
			externalVendorOption,
			includeOption([
				['Critical', 'critical'],
				['Low Data Availability Flag', 'low_data_availability_flag'],
				['Proficiency Float', 'proficiency_float'],
				['Proficiency Level', 'proficiency_level'],
			]),
			jobFamilyIdsOption,
			responseFormatOption([
				['Hierarchy', 'hierarchy'],
				['List', 'list'],
			]),
			{
				displayName: 'Sort Skills By',
				name: 'skillsSorting',
				type: 'options',
				default: 'alphabetical',
				options: [
					{ name: 'Name', value: 'alphabetical' },
					{ name: 'Confidence', value: 'confidence', description: 'Most confident first' },
				],
			},
			{
				displayName: 'Updated Since',
				name: 'updatedSince',
				type: 'dateTime',
				default: '',
				description: 'Only jobs whose skill profile changed after this day (TechWolf takes the day, YYYY-MM-DD)',
			},
		]),
	],
	async execute(this: IExecuteFunctions, itemIndex: number) {
		const records = await exportRecords(this, itemIndex, JOB_SKILL_PROFILES_EXPORT_PATH, (options) => {
			const filters: IDataObject[] = [];
			if (options.updatedSince) {
				// Every example of the job export pages gives last_updated as a day (2022-01-01).
				const since = readDay(this, options.updatedSince, itemIndex, 'Updated Since');
				filters.push({ filter: 'last_updated', value: since, operator: 'gt' });
			}
			filters.push(...jobFamilyFilters(this, options, itemIndex));
			const sorting = options.skillsSorting ? { output_skills_sorting: options.skillsSorting } : {};
			return exportBody(filters, options.include, sorting);
		});
		return readSimplify(this, itemIndex) ? records.map(simplifyProfile) : records;
	},
};
