import { NodeOperationError, type IDataObject, type IExecuteFunctions } from 'n8n-workflow';

import { idField, readId } from '../../fields/ids';
import { readText } from '../../fields/values';
import { type Operation, success } from '../shared/operation';
import { techWolfApiRequest } from '../../transport';
import { NAME_MAX_LENGTH } from '../job/fields';

export const create: Operation = {
	label: 'Create',
	action: 'Create a job family',
	description: 'Create a job family, the group that jobs with shared skills belong to',
	fields: [
		idField('newJobFamilyId', 'Job Family ID', 'The external ID the new job family gets in TechWolf'),
		{
			displayName: 'Job Family Name',
			name: 'jobFamilyName',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'e.g. Software Engineer',
			description: 'The name of the job family (1 to 255 characters)',
		},
		{
			displayName: 'Additional Fields',
			name: 'additionalFields',
			type: 'collection',
			placeholder: 'Add Field',
			default: {},
			options: [
				{
					displayName: 'Active',
					name: 'active',
					type: 'boolean',
					default: true,
					description: 'Whether TechWolf uses the job family in matching; turn off for one being phased out',
				},
				{
					displayName: 'Job Family Group',
					name: 'jobFamilyGroup',
					type: 'string',
					default: '',
					placeholder: 'e.g. IT & Engineering',
					description: 'The higher-level group the job family belongs to (1 to 255 characters)',
				},
			],
		},
	],
	async execute(this: IExecuteFunctions, itemIndex: number) {
		const jobFamilyId = readId(this, 'newJobFamilyId', itemIndex, 'Job Family ID');
		const name = readText(this, 'jobFamilyName', itemIndex, 'Job Family Name', NAME_MAX_LENGTH);
		const fields = this.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject;
		const body: IDataObject = { external_id: jobFamilyId, job_family_name: name };
		if (fields.jobFamilyGroup !== undefined) {
			const group = String(fields.jobFamilyGroup).trim();
			if (group === '' || group.length > NAME_MAX_LENGTH) {
				throw new NodeOperationError(this.getNode(), 'Job Family Group must be 1 to 255 characters', { itemIndex });
			}
			body.job_family_group = group;
		}
		if (typeof fields.active === 'boolean') body.active = fields.active;
		await techWolfApiRequest.call(this, {
			method: 'POST',
			path: '/job_architecture/job_families',
			body,
			itemIndex,
		});
		return success({ externalId: jobFamilyId, created: true });
	},
};
