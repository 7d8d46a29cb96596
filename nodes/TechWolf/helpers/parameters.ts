/** Readers for parameters that need more than getNodeParameter(): JSON objects, query options, dates. */
import {
	NodeOperationError,
	type IDataObject,
	type IExecuteFunctions,
	type INodeProperties,
	type INodePropertyOptions,
} from 'n8n-workflow';

/** TechWolf's query parameter for each option field that maps straight onto one (descriptions/options.ts). */
const QUERY_PARAMETERS: Record<string, string> = {
	domainNamespace: 'domain_namespace',
	externalVendor: 'external_vendor',
	include: 'include',
	responseFormat: 'response_format',
	vocabLanguage: 'vocab_language',
};

/** An operation's Options or Filters collection (descriptions/fields.ts, collection()); empty when nothing is set. */
export function readCollection(
	context: IExecuteFunctions,
	kind: 'options' | 'filters',
	itemIndex: number,
): IDataObject {
	return context.getNodeParameter(kind, itemIndex, {}) as IDataObject;
}

/** The operation's `options` collection as TechWolf query parameters. */
export function readQueryOptions(context: IExecuteFunctions, itemIndex: number): IDataObject {
	return toQuery(readCollection(context, 'options', itemIndex), QUERY_PARAMETERS);
}

/** The Include Custom Properties switch of a Get (descriptions/fields.ts) as TechWolf's `include` query parameter. */
export function readCustomPropertiesQuery(context: IExecuteFunctions, itemIndex: number): IDataObject {
	return context.getNodeParameter('includeCustomProperties', itemIndex, false) ? { include: 'custom_properties' } : {};
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

/** A date or dateTime parameter's value as a Date; `label` names the field when it is not a date. */
export function parseDate(context: IExecuteFunctions, value: unknown, itemIndex: number, label: string): Date {
	const date = new Date(String(value));
	if (Number.isNaN(date.getTime())) {
		throw new NodeOperationError(context.getNode(), `${label} "${String(value)}" is not a date`, { itemIndex });
	}
	return date;
}

/**
 * A day as TechWolf's examples write dates (YYYY-MM-DD): the day a date-time was written with, without moving it to
 * another zone; a value without one is read as a date and given as its UTC day.
 */
export function readDay(context: IExecuteFunctions, value: unknown, itemIndex: number, label: string): string {
	const written = /^(\d{4}-\d{2}-\d{2})(?:[T ]|$)/.exec(String(value).trim());
	if (written?.[1] && !Number.isNaN(Date.parse(written[1]))) return written[1];
	return parseDate(context, value, itemIndex, label).toISOString().slice(0, 10);
}

/** A required text parameter, refused before any request when empty or over TechWolf's length limit. */
export function readText(
	context: IExecuteFunctions,
	name: string,
	itemIndex: number,
	label: string,
	maxLength: number,
): string {
	const value = context.getNodeParameter(name, itemIndex, '') as unknown;
	const text = typeof value === 'string' || typeof value === 'number' ? String(value).trim() : '';
	if (text === '') {
		throw new NodeOperationError(context.getNode(), `${label} is empty`, {
			itemIndex,
			description: `Enter the ${label}, or map it from the previous node.`,
		});
	}
	if (text.length > maxLength) {
		throw new NodeOperationError(context.getNode(), `${label} is ${text.length} characters long`, {
			itemIndex,
			description: `TechWolf accepts at most ${maxLength} characters for the ${label}.`,
		});
	}
	return text;
}

/** An options parameter's value, refused before any request when (from an expression) the field does not offer it. */
export function readChoice(context: IExecuteFunctions, field: INodeProperties, itemIndex: number): string {
	const value = String(context.getNodeParameter(field.name, itemIndex, field.default));
	const allowed = (field.options ?? []).map((option) => String((option as INodePropertyOptions).value));
	if (!allowed.includes(value)) {
		throw new NodeOperationError(context.getNode(), `${field.displayName} "${value}" is not one TechWolf accepts`, {
			itemIndex,
			description: `Use one of: ${allowed.join(', ')}.`,
		});
	}
	return value;
}
