import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { JOB_SKILL_PROFILES_EXPORT_PATH } from '../../../shared/apiPaths';
import { readSimplify, simplifyProfile } from '../../helpers/simplify';
import { collection, returnAllFields, simplifyField } from '../../descriptions/fields';
import { externalVendorOption, includeOption, responseFormatOption } from '../../descriptions/options';
import { readTake } from '../../helpers/paging';
import { readDay, toQuery } from '../../helpers/parameters';
import { PAGE_SIZES, techWolfKeysetPaginated } from '../../transport';
import type { Operation } from '../operation';
import { exportBody, jobFamilyFilters, jobFamilyIdsOption } from './filters';

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
		const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
		const filters: IDataObject[] = [];
		if (options.updatedSince) {
			// Every example of the job export pages gives last_updated as a day (2022-01-01).
			const since = readDay(this, options.updatedSince, itemIndex, 'Updated Since');
			filters.push({ filter: 'last_updated', value: since, operator: 'gt' });
		}
		filters.push(...jobFamilyFilters(this, options, itemIndex));
		const body = exportBody(
			filters,
			options.include,
			options.skillsSorting ? { output_skills_sorting: options.skillsSorting } : {},
		);
		const records = await techWolfKeysetPaginated.call(
			this,
			{
				method: 'POST',
				path: JOB_SKILL_PROFILES_EXPORT_PATH,
				qs: toQuery(options, { responseFormat: 'response_format', externalVendor: 'external_vendor' }),
				body,
				pageSize: PAGE_SIZES['POST /job_architecture/export/jobs/skill_profiles'],
				itemIndex,
			},
			readTake(this, itemIndex),
		);
		return readSimplify(this, itemIndex) ? records.map(simplifyProfile) : records;
	},
};
