/**
 * The employee fields Create, Restore and Update share (the common ones as fields, anything else as JSON), and the one
 * call that Create and Restore both make.
 */
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { splitList } from '../../../shared/list';
import { locatorField } from '../../descriptions/locators';
import { inputLanguageField } from '../../descriptions/options';
import { readLocatedId } from '../../helpers/ids';
import { readChoice, readJsonObject } from '../../helpers/parameters';
import { techWolfApiRequest } from '../../transport';

export const employeeFields: INodeProperties[] = [
	{
		displayName: 'Fields',
		name: 'employeeFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: [
			{ displayName: 'Active', name: 'active', type: 'boolean', default: true },
			{
				displayName: 'Assigned Position',
				name: 'assigned_position',
				type: 'string',
				default: '',
				description: 'Job title of the employee',
			},
			{
				displayName: 'Assigned Position ID',
				name: 'assigned_position_id',
				type: 'string',
				default: '',
				description: 'External ID of the job the employee holds',
			},
			{
				displayName: 'Languages',
				name: 'languages',
				type: 'string',
				default: '',
				placeholder: 'e.g. en, nl',
				description: 'Comma-separated languages the employee speaks',
			},
			{
				...locatorField('organisationalUnit', 'organisational_unit', 'The organisational unit the employee belongs to'),
				displayName: 'Organisational Unit',
				required: false,
			},
		],
	},
	{
		displayName: 'More Fields (JSON)',
		name: 'employeeJson',
		type: 'json',
		default: '{}',
		description:
			'Other employee fields as TechWolf names them, for example working_history, education_history or desired_functions',
	},
];

export function readEmployeeBody(context: IExecuteFunctions, itemIndex: number): IDataObject {
	const fields = { ...(context.getNodeParameter('employeeFields', itemIndex, {}) as IDataObject) };
	if (typeof fields.languages === 'string') {
		fields.languages = splitList(fields.languages, /,/);
	}
	if (fields.organisational_unit !== undefined) {
		// A resource locator (or a plain id saved by an older workflow): its id, checked.
		fields.organisational_unit = readLocatedId(
			context,
			'employeeFields.organisational_unit',
			itemIndex,
			'Organisational Unit',
		);
	}
	return { ...readJsonObject(context, 'employeeJson', itemIndex, 'More Fields (JSON)'), ...fields };
}

/**
 * POST /employees, as TechWolf's "Creating new Employees" tutorial documents it: the external_id in the body, and
 * `language` and `strict` as the call's required query parameters; `restore=true` undoes a soft delete instead.
 */
export async function postEmployee(
	context: IExecuteFunctions,
	itemIndex: number,
	employeeId: string,
	query: { strict: boolean; restore?: true },
): Promise<void> {
	await techWolfApiRequest.call(context, {
		method: 'POST',
		path: '/employees',
		qs: {
			...(query.restore ? { restore: true } : {}),
			language: readChoice(context, inputLanguageField, itemIndex),
			strict: query.strict,
		},
		body: { ...readEmployeeBody(context, itemIndex), external_id: employeeId },
		itemIndex,
	});
}
