import type { IExecuteFunctions } from 'n8n-workflow';

import { collection, idField } from '../../descriptions/fields';
import { externalVendorOption, vocabLanguageOption } from '../../descriptions/options';
import { readId } from '../../helpers/ids';
import { readQueryOptions } from '../../helpers/parameters';
import { fetchSkill } from '../../helpers/skills';
import type { Operation } from '../operation';

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
