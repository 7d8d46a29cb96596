import type { IExecuteFunctions } from 'n8n-workflow';

import { collection, externalVendorOption, readQueryOptions, vocabLanguageOption } from '../../fields/options';
import { idField, readId } from '../../fields/ids';
import { fetchSkill } from '../shared/skill';
import { type Operation } from '../shared/operation';

export const get: Operation = {
	label: 'Get',
	action: 'Get a skill',
	description: 'Get one skill by ID; a deleted skill answers 404',
	fields: [
		idField('skillId', 'Skill ID', 'The ID of the skill (a TechWolf UUID, or a custom skill ID)'),
		collection('options', [externalVendorOption, vocabLanguageOption]),
	],
	async execute(this: IExecuteFunctions, itemIndex: number) {
		const skillId = readId(this, 'skillId', itemIndex, 'Skill ID');
		const query = readQueryOptions(this, itemIndex);
		return (await fetchSkill(this, skillId, query, itemIndex, false)) ?? {};
	},
};
