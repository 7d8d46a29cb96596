/** Fields and readers shared by several operations, so that each is described and validated one way. */
import {
	NodeOperationError,
	type IDataObject,
	type IExecuteFunctions,
	type INodeProperties,
	type INodePropertyOptions,
} from 'n8n-workflow';

import { MAX_PAGE_SIZE, type Take } from '../transport';

export interface Operation {
	/** The operation's name in the Operation list, and the action and description n8n and AI agents show for it. */
	label: string;
	action: string;
	description: string;
	/** The operation's fields, without displayOptions: the resource adds them. */
	fields: INodeProperties[];
	execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject | IDataObject[]>;
}

/** Shows `fields` only for one resource and operation (n8n's displayOptions, added once, here). */
export function showFor(resource: string, operation: string, fields: INodeProperties[]): INodeProperties[] {
	return fields.map((field) => ({
		...field,
		displayOptions: {
			...field.displayOptions,
			show: { ...field.displayOptions?.show, resource: [resource], operation: [operation] },
		},
	}));
}

/** A resource's part of the node description: its Operation list, derived from the operations, then their fields. */
export function resourceDescription(
	resource: string,
	operations: Record<string, Operation>,
	defaultOperation: string,
): INodeProperties[] {
	return [
		{
			displayName: 'Operation',
			name: 'operation',
			type: 'options',
			noDataExpression: true,
			displayOptions: { show: { resource: [resource] } },
			default: defaultOperation,
			options: Object.entries(operations)
				.map(([value, operation]) => ({
					name: operation.label,
					value,
					action: operation.action,
					description: operation.description,
				}))
				.sort((a, b) => a.name.localeCompare(b.name)),
		},
		...Object.entries(operations).flatMap(([name, operation]) => showFor(resource, name, operation.fields)),
	];
}

/** The optional settings of an operation, behind "Add Option" (`options`) or "Add Filter" (`filters`). */
export function collection(kind: 'options' | 'filters', options: INodeProperties[]): INodeProperties {
	return kind === 'options'
		? { displayName: 'Options', name: 'options', type: 'collection', placeholder: 'Add Option', default: {}, options }
		: { displayName: 'Filters', name: 'filters', type: 'collection', placeholder: 'Add Filter', default: {}, options };
}

/** TechWolf's documented rule for its ids (external ids in paths, skill ids): 1 to 100 letters, digits, `_` or `-`. */
export const TECHWOLF_ID = /^[a-zA-Z0-9_-]{1,100}$/;

export function idField(name: string, displayName: string, description: string): INodeProperties {
	return { displayName, name, type: 'string', required: true, default: '', placeholder: 'E12345', description };
}

/** Reads an id parameter and refuses, before any request, one TechWolf would not accept. */
export function readId(context: IExecuteFunctions, name: string, itemIndex: number, label: string): string {
	const value = context.getNodeParameter(name, itemIndex, '') as unknown;
	return checkId(context, value, itemIndex, label);
}

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

/** Splits "a, b\nc" into ids, each checked. */
export function readIdList(context: IExecuteFunctions, value: unknown, itemIndex: number, label: string): string[] {
	const entries = Array.isArray(value) ? value : String(value ?? '').split(/[\s,]+/);
	return entries
		.map((entry) => String(entry).trim())
		.filter((entry) => entry.length > 0)
		.map((entry) => checkId(context, entry, itemIndex, label));
}

export const returnAllFields: INodeProperties[] = [
	{
		displayName: 'Return All',
		name: 'returnAll',
		type: 'boolean',
		default: false,
		description: 'Whether to return all results or only up to a given limit',
	},
	{
		displayName: 'Limit',
		name: 'limit',
		type: 'number',
		default: 50,
		typeOptions: { minValue: 1 },
		description: 'Max number of results to return',
		displayOptions: { show: { returnAll: [false] } },
	},
];

export function readTake(context: IExecuteFunctions, itemIndex: number): Take {
	if (context.getNodeParameter('returnAll', itemIndex, false) as boolean) return { returnAll: true };
	const limit = context.getNodeParameter('limit', itemIndex, 50) as number;
	if (!Number.isInteger(limit) || limit < 1) {
		throw new NodeOperationError(context.getNode(), `Limit must be a whole number of at least 1, not ${limit}`, {
			itemIndex,
		});
	}
	return { returnAll: false, limit };
}

export { MAX_PAGE_SIZE };

export const VOCAB_LANGUAGES: INodePropertyOptions[] = [
	{ name: 'Dutch', value: 'nl' },
	{ name: 'English (UK)', value: 'en_uk' },
	{ name: 'English (US)', value: 'en_us' },
	{ name: 'French', value: 'fr' },
	{ name: 'German', value: 'de' },
];

export const vocabLanguageOption: INodeProperties = {
	displayName: 'Vocabulary Language',
	name: 'vocabLanguage',
	type: 'options',
	default: 'en_uk',
	options: VOCAB_LANGUAGES,
	description: 'Language of the skill names in the answer',
};

export const externalVendorOption: INodeProperties = {
	displayName: 'External Vendor',
	name: 'externalVendor',
	type: 'options',
	default: 'workday',
	options: [
		{ name: 'SAP Attribute Library', value: 'sap_attribute_library' },
		{ name: 'Workday', value: 'workday' },
	],
	description: "Express skills in a vendor's vocabulary (the vendor must be active on your tenant)",
};

function optionsFrom(choices: Array<[string, string]>): INodeProperties['options'] {
	return choices.map(([choice, value]) => ({ name: choice, value }));
}

/** A single-choice option from [name, value] pairs, e.g. TechWolf's response formats. */
export function choiceOption(
	displayName: string,
	name: string,
	choices: Array<[string, string]>,
	defaultValue: string,
): INodeProperties {
	return { displayName, name, type: 'options', default: defaultValue, options: optionsFrom(choices) };
}

/** TechWolf's repeatable `include` parameter, with the values one endpoint accepts. */
export function includeOption(choices: Array<[string, string]>): INodeProperties {
	return { displayName: 'Include', name: 'include', type: 'multiOptions', default: [], options: optionsFrom(choices) };
}

/** TechWolf's `response_format` parameter, with the formats one endpoint offers; `list` by default everywhere. */
export function responseFormatOption(formats: Array<[string, string]>): INodeProperties {
	return choiceOption('Response Format', 'responseFormat', formats, 'list');
}

/** TechWolf's query parameter for each option field that maps straight onto one. */
export const QUERY_PARAMETERS: Record<string, string> = {
	domainNamespace: 'domain_namespace',
	externalVendor: 'external_vendor',
	include: 'include',
	responseFormat: 'response_format',
	vocabLanguage: 'vocab_language',
};

/** The operation's `options` collection as TechWolf query parameters. */
export function readQueryOptions(context: IExecuteFunctions, itemIndex: number): IDataObject {
	return toQuery(context.getNodeParameter('options', itemIndex, {}) as IDataObject, QUERY_PARAMETERS);
}

/** Query parameters from an options collection, renamed to TechWolf's names and without empty values. */
export function toQuery(options: IDataObject, names: Record<string, string>): IDataObject {
	const query: IDataObject = {};
	for (const [field, apiName] of Object.entries(names)) {
		const value = options[field];
		if (value === undefined || value === '' || (Array.isArray(value) && value.length === 0)) continue;
		query[apiName] = value;
	}
	return query;
}

/** Parses a JSON parameter (n8n hands over a string or an object), naming the field when it is not an object. */
export function readJsonObject(
	context: IExecuteFunctions,
	name: string,
	itemIndex: number,
	label: string,
): IDataObject {
	const value = context.getNodeParameter(name, itemIndex, {}) as unknown;
	let parsed: unknown = value;
	if (typeof value === 'string') {
		if (value.trim() === '') return {};
		try {
			parsed = JSON.parse(value);
		} catch {
			parsed = undefined;
		}
	}
	if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) {
		throw new NodeOperationError(context.getNode(), `${label} must be a JSON object`, {
			itemIndex,
			description: 'For example: {"assigned_position": "Data Engineer"}',
		});
	}
	return parsed as IDataObject;
}

/** What an item shows for TechWolf's 204 No Content answers. */
export function success(fields: IDataObject): IDataObject {
	return { success: true, ...fields };
}
