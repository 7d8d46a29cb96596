import type { IExecuteFunctions } from 'n8n-workflow';

import { collection, returnAllFields } from '../../descriptions/fields';
import { externalVendorOption } from '../../descriptions/options';
import { readTake } from '../../helpers/paging';
import { readCollection, toQuery } from '../../helpers/parameters';
import { PAGE_SIZES, techWolfKeysetPaginated } from '../../transport';
import type { Operation } from '../operation';
import { exportBody, jobFamilyFilters, jobFamilyIdsOption } from './filters';

export const jobMarketSkillProfiles: Operation = {
	label: 'Job Market Skill Profiles',
	action: 'Export skills the market asks for in each job',
	description:
		'Export, for every job, its peer groups in the external market and the skills each peer group asks for, page by page',
	fields: [
		...returnAllFields,
		collection('options', [
			externalVendorOption,
			jobFamilyIdsOption,
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
		return await techWolfKeysetPaginated.call(
			this,
			{
				method: 'POST',
				path: '/job_architecture/export/jobs/market_skill_profiles',
				qs: toQuery(options, { externalVendor: 'external_vendor' }),
				body: exportBody(
					jobFamilyFilters(this, options, itemIndex),
					undefined,
					options.alphabetical === true ? { output_skills_sorting: 'alphabetical' } : {},
				),
				pageSize: PAGE_SIZES['POST /job_architecture/export/jobs/market_skill_profiles'],
				itemIndex,
			},
			readTake(this, itemIndex),
		);
	},
};
