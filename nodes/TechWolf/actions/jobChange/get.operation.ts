import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { idField, readId } from '../../fields/ids';
import { techWolfApiRequest } from '../../transport';
import { type Operation } from '../shared/operation';

export const get: Operation = {
	label: 'Get',
	action: 'Get a job change and its generated description',
	description:
		'Get a job change by change_id (from Job Change → Preview): its status (suggested once ready) and its data, such as the generated job description',
	fields: [
		{
			...idField('changeId', 'Change ID', 'The change_id Job Change → Preview returned'),
			placeholder: 'e.g. 01JZ54K5YVCXWCT2J3B7EJCSZD',
		},
		{
			displayName: 'Include Context',
			name: 'includeContext',
			type: 'boolean',
			default: false,
			description: 'Whether to include the instructions and references the change was requested with',
		},
	],
	async execute(this: IExecuteFunctions, itemIndex: number) {
		const changeId = readId(this, 'changeId', itemIndex, 'Change ID');
		const includeContext = this.getNodeParameter('includeContext', itemIndex, false) as boolean;
		return (await techWolfApiRequest.call(this, {
			method: 'GET',
			path: `/job_architecture/changes/${changeId}`,
			qs: includeContext ? { include: 'context' } : {},
			itemIndex,
		})) as IDataObject;
	},
};
