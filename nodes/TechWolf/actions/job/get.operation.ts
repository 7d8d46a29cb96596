import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { locatorField, readLocatedId } from '../../fields/ids';
import { type Operation } from '../shared/operation';
import { techWolfApiRequest } from '../../transport';

export const get: Operation = {
	label: 'Get',
	action: 'Get a job',
	description: "Get a job's name and job family by external ID",
	fields: [locatorField('job', 'jobId', 'The job to get')],
	async execute(this: IExecuteFunctions, itemIndex: number) {
		const jobId = readLocatedId(this, 'jobId', itemIndex, 'Job ID');
		return (await techWolfApiRequest.call(this, {
			method: 'GET',
			path: `/job_architecture/jobs/${jobId}`,
			itemIndex,
		})) as IDataObject;
	},
};
