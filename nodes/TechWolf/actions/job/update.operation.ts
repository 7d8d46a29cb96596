import { NodeOperationError, type IDataObject, type IExecuteFunctions } from 'n8n-workflow';

import { locatorField, readLocatedId } from '../../fields/ids';
import { type Operation, success } from '../shared/operation';
import { techWolfApiRequest } from '../../transport';
import { jobFamilyIdField, NAME_MAX_LENGTH, readJobFamilyId } from './fields';

export const update: Operation = {
	label: 'Update',
	action: 'Update a job',
	description: 'Rename a job or move it to another job family',
	fields: [
		locatorField('job', 'jobId', 'The job to update'),
		{
			displayName: 'Update Fields',
			name: 'updateFields',
			type: 'collection',
			placeholder: 'Add Field',
			default: {},
			options: [
				jobFamilyIdField,
				{ displayName: 'Job Name', name: 'jobName', type: 'string', default: '', description: '1 to 255 characters' },
			],
		},
	],
	async execute(this: IExecuteFunctions, itemIndex: number) {
		const jobId = readLocatedId(this, 'jobId', itemIndex, 'Job ID');
		const fields = this.getNodeParameter('updateFields', itemIndex, {}) as IDataObject;
		const body: IDataObject = { ...readJobFamilyId(this, fields, itemIndex) };
		if (fields.jobName !== undefined) {
			const jobName = String(fields.jobName).trim();
			if (jobName === '' || jobName.length > NAME_MAX_LENGTH) {
				throw new NodeOperationError(this.getNode(), 'Job Name must be 1 to 255 characters', { itemIndex });
			}
			body.job_name = jobName;
		}
		if (Object.keys(body).length === 0) {
			throw new NodeOperationError(this.getNode(), 'Nothing to update', {
				itemIndex,
				description: 'Add the Job Name or the Job Family ID under Update Fields.',
			});
		}
		await techWolfApiRequest.call(this, {
			method: 'PATCH',
			path: `/job_architecture/jobs/${jobId}`,
			body,
			itemIndex,
		});
		return success({ externalId: jobId, updated: true });
	},
};
