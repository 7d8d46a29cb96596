/** Readers for parameters that need more than getNodeParameter(): JSON objects, dates, texts and choices, checked. */
import {
	NodeOperationError,
	type IDataObject,
	type IExecuteFunctions,
	type INodeProperties,
	type INodePropertyOptions,
} from 'n8n-workflow';

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
