import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { collection, readQueryOptions, vocabLanguageOption } from '../../fields/options';
import { idField, readId } from '../../fields/ids';
import { techWolfApiRequest } from '../../transport';
import { type Operation } from '../shared/operation';

export const getSkillProfile: Operation = {
	label: 'Get Skill Profile',
	action: 'Get the skills in a skill cluster',
	description: "Get the skills that make up a skill cluster, by name, and the cluster's domain",
	fields: [
		{
			...idField('skillClusterId', 'Skill Cluster ID', 'The external ID of the skill cluster'),
			placeholder: 'e.g. a3903505-eb84-42dc-a79f-5e7b1fe897b7',
		},
		collection('options', [vocabLanguageOption]),
	],
	async execute(this: IExecuteFunctions, itemIndex: number) {
		const clusterId = readId(this, 'skillClusterId', itemIndex, 'Skill Cluster ID');
		return (await techWolfApiRequest.call(this, {
			method: 'GET',
			path: `/skill_clusters/${clusterId}/skill_profile`,
			qs: readQueryOptions(this, itemIndex),
			itemIndex,
		})) as IDataObject;
	},
};
