import type { INodeProperties } from 'n8n-workflow';

import { showFor, type Operation } from '../common';
import { addSkillEvent } from './addSkillEvent.operation';
import { create } from './create.operation';
import { get } from './get.operation';
import { getAll } from './getAll.operation';
import { getSkillProfile } from './getSkillProfile.operation';
import { update } from './update.operation';
import { updateSkillProfile } from './updateSkillProfile.operation';

export const operations = {
	addSkillEvent,
	create,
	get,
	getAll,
	getSkillProfile,
	update,
	updateSkillProfile,
} satisfies Record<string, Operation>;

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['employee'] } },
		default: 'getSkillProfile',
		options: [
			{
				name: 'Add Skill Event',
				value: 'addSkillEvent',
				action: 'Add a skill event to an employee',
				description:
					"Send free text (a project, notes, a certificate) from which TechWolf infers the employee's skills",
			},
			{ name: 'Create', value: 'create', action: 'Create an employee', description: 'Create an employee in TechWolf' },
			{ name: 'Get', value: 'get', action: 'Get an employee', description: "Get an employee's data by external ID" },
			{
				name: 'Get Many',
				value: 'getAll',
				action: 'Get many employees',
				description: 'List employees, optionally only active ones or one organisational unit',
			},
			{
				name: 'Get Skill Profile',
				value: 'getSkillProfile',
				action: 'Get an employee skill profile',
				description: 'Get the skills TechWolf holds for an employee, validated and suggested, by external ID',
			},
			{
				name: 'Update',
				value: 'update',
				action: 'Update an employee',
				description: "Change some of an employee's data",
			},
			{
				name: 'Update Skill Profile',
				value: 'updateSkillProfile',
				action: 'Update an employee skill profile',
				description: "Validate or reject skills in an employee's skill profile",
			},
		],
	},
	...Object.entries(operations).flatMap(([name, operation]) => showFor('employee', name, operation.fields)),
];
