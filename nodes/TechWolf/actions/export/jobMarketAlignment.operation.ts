import type { IExecuteFunctions } from 'n8n-workflow';

import { collection } from '../../fields/options';
import { returnAllFields } from '../../fields/paging';
import { type Operation } from '../shared/operation';
import { exportBody, exportRecords, jobFamilyFilters, jobFamilyIdsOption } from './request';

export const jobMarketAlignment: Operation = {
	label: 'Job Market Alignment',
	action: 'Export how well each job aligns with the market',
	description:
		'Export, for every job, alignment scores against each of its peer groups in the external market (how much of the peer group the job covers, and the reverse), page by page',
	fields: [...returnAllFields, collection('options', [jobFamilyIdsOption])],
	async execute(this: IExecuteFunctions, itemIndex: number) {
		return await exportRecords(this, itemIndex, '/job_architecture/export/jobs/market_alignment', (options) =>
			exportBody(jobFamilyFilters(this, options, itemIndex), undefined),
		);
	},
};
