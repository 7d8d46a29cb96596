import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { customPropertiesField, readCustomPropertiesQuery } from '../../fields/options';
import { idField, readId } from '../../fields/ids';
import { techWolfApiRequest } from '../../transport';
import { type Operation } from '../shared/operation';

export const get: Operation = {
	label: 'Get',
	action: "Get a skill cluster's name, type and description",
	description:
		'Get one skill cluster (a group of related skills) by external ID: its name, description, type and last update',
	fields: [
		{
			...idField('skillClusterId', 'Skill Cluster ID', 'The external ID of the skill cluster'),
			placeholder: 'e.g. a3903505-eb84-42dc-a79f-5e7b1fe897b7',
		},
		customPropertiesField('skill cluster'),
	],
	async execute(this: IExecuteFunctions, itemIndex: number) {
		const clusterId = readId(this, 'skillClusterId', itemIndex, 'Skill Cluster ID');
		return (await techWolfApiRequest.call(this, {
			method: 'GET',
			path: `/skill_clusters/${clusterId}`,
			qs: readCustomPropertiesQuery(this, itemIndex),
			itemIndex,
		})) as IDataObject;
	},
};
