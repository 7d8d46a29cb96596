import type { IExecuteFunctions } from 'n8n-workflow';

import { collection, externalVendorOption } from '../../fields/options';
import { returnAllFields } from '../../fields/paging';
import { type Operation } from '../shared/operation';
import {
	alphabeticalSorting,
	exportBody,
	exportRecords,
	jobFamilyFilters,
	jobFamilyIdsOption,
	sortSkillsAlphabeticallyOption,
} from './request';

export const jobMarketSkillProfiles: Operation = {
	label: 'Job Market Skill Profiles',
	action: 'Export skills the market asks for in each job',
	description:
		'Export, for every job, its peer groups in the external market and the skills each peer group asks for, page by page',
	fields: [
		...returnAllFields,
		collection('options', [externalVendorOption, jobFamilyIdsOption, sortSkillsAlphabeticallyOption]),
	],
	async execute(this: IExecuteFunctions, itemIndex: number) {
		return await exportRecords(this, itemIndex, '/job_architecture/export/jobs/market_skill_profiles', (options) =>
			exportBody(jobFamilyFilters(this, options, itemIndex), undefined, alphabeticalSorting(options)),
		);
	},
};
