import type { IExecuteFunctions } from 'n8n-workflow';

import { collection, externalVendorOption } from '../../fields/options';
import { returnAllFields } from '../../fields/paging';
import { splitList } from '../../../shared/list';
import { type Operation } from '../shared/operation';
import { exportBody, exportRecords, jobFamilyFilters, jobFamilyIdsOption } from './request';

export const jobSuggestions: Operation = {
	label: 'Job Suggestions',
	action: 'Export suggested skill changes for all jobs',
	description:
		"Export TechWolf's suggestions for the job architecture, one item per suggestion: the job, the skill, the kind of change (add a skill, set a proficiency) and its state",
	fields: [
		...returnAllFields,
		collection('options', [
			externalVendorOption,
			jobFamilyIdsOption,
			{
				displayName: 'States',
				name: 'states',
				type: 'string',
				default: 'suggested',
				placeholder: 'e.g. suggested',
				description: 'Only suggestions in these states (comma-separated)',
			},
		]),
	],
	async execute(this: IExecuteFunctions, itemIndex: number) {
		return await exportRecords(this, itemIndex, '/job_architecture/export/suggestions', (options) => {
			const states = splitList(String(options.states ?? ''), /[\s,]+/);
			const filters = [
				...(states.length > 0 ? [{ filter: 'state_is_in_list', states }] : []),
				...jobFamilyFilters(this, options, itemIndex),
			];
			return exportBody(filters, undefined);
		});
	},
};
