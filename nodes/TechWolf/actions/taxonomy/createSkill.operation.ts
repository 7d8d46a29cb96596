import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { choiceOption, collection, readCollection } from '../../fields/options';
import { idField, readId } from '../../fields/ids';
import { type Operation, success } from '../shared/operation';
import { readJsonObject, readText } from '../../fields/values';
import { techWolfApiRequest } from '../../transport';

/** Skill names: "Required string length: 1 - 255" (Create Skill page). */
const SKILL_NAME_MAX_LENGTH = 255;

export const createSkill: Operation = {
	label: 'Create Skill',
	action: 'Create a custom skill in the taxonomy',
	description:
		"Add a custom skill (ID, name, description, properties) to the tenant's taxonomy, in TechWolf's vocabulary or a vendor's",
	fields: [
		{
			...idField('newSkillId', 'Skill ID', 'The ID the new skill gets'),
			placeholder: 'e.g. acme-forklift-safety',
		},
		{
			displayName: 'Skill Name',
			name: 'skillName',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'e.g. Forklift Safety',
			description: 'The name in British English (en_uk), 1 to 255 characters',
		},
		collection('options', [
			{
				displayName: 'Description',
				name: 'description',
				type: 'string',
				typeOptions: { rows: 3 },
				default: '',
				description: 'What the skill means, in British English (en_uk)',
			},
			{
				...choiceOption(
					'External Vendor',
					'externalVendor',
					[
						['SAP Attribute Library', 'sap_attribute_library'],
						['Workday', 'workday'],
					],
					'workday',
				),
				description: "Create the skill in this vendor's vocabulary instead of TechWolf's",
			},
			{
				displayName: 'Properties (JSON)',
				name: 'properties',
				type: 'json',
				default: '{}',
				description: 'Skill properties, the same wherever the skill occurs, e.g. {"sap_status": {"value": "active"}}',
			},
		]),
	],
	async execute(this: IExecuteFunctions, itemIndex: number) {
		const skillId = readId(this, 'newSkillId', itemIndex, 'Skill ID');
		const skillName = readText(this, 'skillName', itemIndex, 'Skill Name', SKILL_NAME_MAX_LENGTH);
		const options = readCollection(this, 'options', itemIndex);
		const body: IDataObject = { skill_id: skillId, skill_name: skillName };
		const description = String(options.description ?? '').trim();
		if (description !== '') body.skill_description = description;
		if (options.properties !== undefined) {
			const properties = readJsonObject(this, 'options.properties', itemIndex, 'Properties (JSON)');
			if (Object.keys(properties).length > 0) body.properties = properties;
		}
		await techWolfApiRequest.call(this, {
			method: 'POST',
			path: '/taxonomy/skills',
			qs: options.externalVendor ? { external_vendor: options.externalVendor } : {},
			body,
			itemIndex,
			hints: { 409: 'A skill with this ID already exists; choose another Skill ID.' },
		});
		return success({ skillId, created: true });
	},
};
