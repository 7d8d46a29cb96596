import type { IExecuteFunctions } from 'n8n-workflow';

import { collection, returnAllFields } from '../../descriptions/fields';
import { readTake } from '../../helpers/paging';
import { readCollection } from '../../helpers/parameters';
import { PAGE_SIZES, techWolfKeysetPaginated } from '../../transport';
import type { Operation } from '../operation';
import { exportBody, jobFamilyFilters, jobFamilyIdsOption } from './filters';

export const jobMarketAlignment: Operation = {
	label: 'Job Market Alignment',
	action: 'Export how well each job aligns with the market',
	description:
		'Export, for every job, alignment scores against each of its peer groups in the external market (how much of the peer group the job covers, and the reverse), page by page',
	fields: [...returnAllFields, collection('options', [jobFamilyIdsOption])],
	async execute(this: IExecuteFunctions, itemIndex: number) {
		const options = readCollection(this, 'options', itemIndex);
		return await techWolfKeysetPaginated.call(
			this,
			{
				method: 'POST',
				path: '/job_architecture/export/jobs/market_alignment',
				body: exportBody(jobFamilyFilters(this, options, itemIndex), undefined),
				pageSize: PAGE_SIZES['POST /job_architecture/export/jobs/market_alignment'],
				itemIndex,
			},
			readTake(this, itemIndex),
		);
	},
};
