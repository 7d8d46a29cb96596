import type { IExecuteFunctions } from 'n8n-workflow';

import { collection, externalVendorOption, includeOption } from '../../fields/options';
import { returnAllFields } from '../../fields/paging';
import { type Operation } from '../shared/operation';
import { exportBody, exportRecords, jobFamilyFilters, jobFamilyIdsOption } from './request';

export const jobTaskProfiles: Operation = {
	label: 'Job Task Profiles',
	action: 'Export tasks and AI impact of all jobs',
	description:
		'Export, for every job, the tasks it involves (optionally with weekly hours, linked skills and the AI impact on each task), page by page; TechWolf marks this export experimental',
	fields: [
		...returnAllFields,
		collection('options', [
			externalVendorOption,
			includeOption([
				['AI Impact', 'ai_impact'],
				['Linked Skills', 'linked_skills'],
				['Rejected Tasks', 'rejected_tasks'],
				['Source Data', 'source_data'],
				['Weekly Hours', 'weekly_hours'],
			]),
			jobFamilyIdsOption,
		]),
	],
	async execute(this: IExecuteFunctions, itemIndex: number) {
		return await exportRecords(this, itemIndex, '/job_architecture/export/jobs/task_profiles', (options) =>
			exportBody(jobFamilyFilters(this, options, itemIndex), options.include),
		);
	},
};
