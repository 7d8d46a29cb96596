/**
 * TechWolf ids in parameters, declared and read in one place: plain id fields, and resource locators for the ids users
 * pick most (employees, jobs, organisational units: From List, which methods/listSearch.ts pages through, or By ID).
 * Each is checked with TechWolf's id rule in the editor and again before any request, with a message that says what
 * to fix. A plain string saved by an older workflow in a locator's place is read as the id.
 */
import { NodeOperationError, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import { splitList } from '../../shared/list';

/** TechWolf's documented rule for its ids (external ids in paths, skill ids): 1 to 100 letters, digits, `_` or `-`. */
const TECHWOLF_ID = /^[a-zA-Z0-9_-]{1,100}$/;

export function idField(name: string, displayName: string, description: string): INodeProperties {
	return { displayName, name, type: 'string', required: true, default: '', placeholder: 'e.g. E12345', description };
}

export type LocatedEntity = 'employee' | 'job' | 'organisationalUnit';

const ENTITY: Record<LocatedEntity, { label: string; searchMethod: string; pick: string; placeholder: string }> = {
	employee: {
		label: 'Employee',
		searchMethod: 'searchEmployees',
		pick: 'Select an employee...',
		placeholder: 'e.g. E12345',
	},
	job: {
		label: 'Job',
		searchMethod: 'searchJobs',
		pick: 'Select a job...',
		placeholder: 'e.g. job-frontend-developer',
	},
	organisationalUnit: {
		label: 'Organisational Unit',
		searchMethod: 'searchOrganisationalUnits',
		pick: 'Select an organisational unit...',
		placeholder: 'e.g. ou-engineering',
	},
};

/** A resource locator field for an existing employee, job or organisational unit: From List, or By ID. */
export function locatorField(entity: LocatedEntity, name: string, description: string): INodeProperties {
	const { label, searchMethod, pick, placeholder } = ENTITY[entity];
	return {
		displayName: `${label} ID`,
		name,
		type: 'resourceLocator',
		default: { mode: 'list', value: '' },
		required: true,
		description,
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				placeholder: pick,
				typeOptions: { searchListMethod: searchMethod, searchable: true },
			},
			{
				displayName: 'By ID',
				name: 'id',
				type: 'string',
				placeholder,
				hint: 'TechWolf IDs are 1 to 100 letters, digits, "_" or "-"',
				validation: [
					{
						type: 'regex',
						properties: {
							regex: TECHWOLF_ID.source,
							errorMessage: 'Not a TechWolf ID: use 1 to 100 letters, digits, "_" or "-"',
						},
					},
				],
			},
		],
	};
}

/** Reads an id parameter and refuses, before any request, one TechWolf would not accept. */
export function readId(context: IExecuteFunctions, name: string, itemIndex: number, label: string): string {
	const value = context.getNodeParameter(name, itemIndex, '') as unknown;
	return checkId(context, value, itemIndex, label);
}

/** The id a resource locator holds, or an older plain-string parameter, checked. */
export function readLocatedId(context: IExecuteFunctions, name: string, itemIndex: number, label: string): string {
	const value = context.getNodeParameter(name, itemIndex, '', { extractValue: true }) as unknown;
	return checkId(context, value, itemIndex, label);
}

/** `value` as a TechWolf id; `label` names the field in the error ("Employee ID", "Skill 2: Skill ID"). */
export function checkId(context: IExecuteFunctions, value: unknown, itemIndex: number, label: string): string {
	const text = typeof value === 'string' || typeof value === 'number' ? String(value).trim() : '';
	if (text === '') {
		throw new NodeOperationError(context.getNode(), `${label} is empty`, {
			itemIndex,
			description: `Enter the ${label}, or map it from the previous node.`,
		});
	}
	if (!TECHWOLF_ID.test(text)) {
		throw new NodeOperationError(context.getNode(), `${label} "${text.slice(0, 120)}" is not a valid TechWolf ID`, {
			itemIndex,
			description: 'TechWolf IDs are 1 to 100 characters: letters, digits, "_" and "-".',
		});
	}
	return text;
}

/** Splits "a, b\nc" (or takes an array) into ids, each checked. */
export function readIdList(context: IExecuteFunctions, value: unknown, itemIndex: number, label: string): string[] {
	const entries = Array.isArray(value)
		? value.map((entry) => String(entry).trim()).filter((entry) => entry.length > 0)
		: splitList(String(value ?? ''), /[\s,]+/);
	return entries.map((entry) => checkId(context, entry, itemIndex, label));
}
