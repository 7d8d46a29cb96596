/**
 * The employee fields Create, Restore and Update share (the common ones as fields, the languages with their level,
 * anything else as JSON), and the one call that Create and Restore both make.
 */
import { NodeOperationError, type IDataObject, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import { locatorField, readLocatedId } from '../../fields/ids';
import { inputLanguageField } from '../../fields/options';
import { readChoice, readJsonObject } from '../../fields/values';
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
				...locatorField('organisationalUnit', 'organisational_unit', 'The organisational unit the employee belongs to'),
				displayName: 'Organisational Unit',
				required: false,
			},
		],
	},
	{
		displayName: 'Languages',
		name: 'languages',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		placeholder: 'Add Language',
		default: {},
		description: 'The languages the employee speaks, each with a proficiency level',
		options: [
			{
				displayName: 'Language',
				name: 'language',
				values: [
					{
						displayName: 'Language Code',
						name: 'language',
						type: 'string',
						default: '',
						placeholder: 'e.g. nl',
						description: 'The ISO 639-1 code of the language (two letters)',
					},
					{
						displayName: 'Level',
						name: 'level',
						type: 'options',
						// TechWolf's Create Employee and Get Vacancy pages: 1 (elementary) to 5 (native); 2 when left out.
						default: 2,
						options: [
							{ name: '1 (Elementary)', value: 1 },
							{ name: '2', value: 2 },
							{ name: '3', value: 3 },
							{ name: '4', value: 4 },
							{ name: '5 (Native)', value: 5 },
						],
					},
				],
			},
		],
	},
	{
		displayName: 'More Fields (JSON)',
		name: 'employeeJson',
		type: 'json',
		default: '{}',
		description:
			'Other employee fields as TechWolf names them: working_history [{"job_title", "company", "job_description", "start_date", "end_date"}], education_history [{"degree_name", "school", "start_date", "end_date"}], desired_functions [{"title", "importance"}], dates as YYYY-MM-DD',
	},
];

const ISO_639_1 = /^[a-z]{2}$/;

/** TechWolf's `languages`: `[{language, level}]`, an ISO 639-1 code with a level from 1 to 5. */
function readLanguages(context: IExecuteFunctions, itemIndex: number): IDataObject[] | undefined {
	const rows = ((context.getNodeParameter('languages', itemIndex, {}) as IDataObject).language ?? []) as IDataObject[];
	if (rows.length === 0) return undefined;
	return rows.map((row, position) => {
		const language = String(row.language ?? '')
			.trim()
			.toLowerCase();
		if (!ISO_639_1.test(language)) {
			throw new NodeOperationError(
				context.getNode(),
				`Language ${position + 1}: "${language}" is not an ISO 639-1 code`,
				{ itemIndex, description: 'Use the two-letter code, for example nl, en or fr.' },
			);
		}
		return { language, level: Number(row.level ?? 2) };
	});
}

export function readEmployeeBody(context: IExecuteFunctions, itemIndex: number): IDataObject {
	const fields = { ...(context.getNodeParameter('employeeFields', itemIndex, {}) as IDataObject) };
	if (fields.organisational_unit !== undefined) {
		// A resource locator (or a plain id saved by an older workflow): its id, checked.
		fields.organisational_unit = readLocatedId(
			context,
			'employeeFields.organisational_unit',
			itemIndex,
			'Organisational Unit',
		);
	}
	const languages = readLanguages(context, itemIndex);
	return {
		...readJsonObject(context, 'employeeJson', itemIndex, 'More Fields (JSON)'),
		...fields,
		...(languages ? { languages } : {}),
	};
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
