import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { idField, readId } from '../../fields/ids';
import { readText } from '../../fields/values';
import { type Operation, success } from '../shared/operation';
import { techWolfApiRequest } from '../../transport';
import { jobFamilyIdField, NAME_MAX_LENGTH, readJobFamilyId } from './fields';

export const create: Operation = {
	label: 'Create',
	action: 'Create a job',
	description: 'Create a job in the job architecture, optionally in a job family; then add profile data to it',
	fields: [
		idField('newJobId', 'Job ID', 'The external ID the new job gets in TechWolf (your HR system’s job ID)'),
		{
			displayName: 'Job Name',
			name: 'jobName',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'e.g. Frontend Developer',
			description: 'The name of the job (1 to 255 characters)',
		},
		{
			displayName: 'Additional Fields',
			name: 'additionalFields',
			type: 'collection',
			placeholder: 'Add Field',
			default: {},
			options: [jobFamilyIdField],
		},
	],
	async execute(this: IExecuteFunctions, itemIndex: number) {
		const jobId = readId(this, 'newJobId', itemIndex, 'Job ID');
		const jobName = readText(this, 'jobName', itemIndex, 'Job Name', NAME_MAX_LENGTH);
		const fields = this.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject;
		await techWolfApiRequest.call(this, {
			method: 'POST',
			path: '/job_architecture/jobs',
			body: { external_id: jobId, job_name: jobName, ...readJobFamilyId(this, fields, itemIndex) },
			itemIndex,
		});
		return success({ externalId: jobId, created: true });
	},
};
