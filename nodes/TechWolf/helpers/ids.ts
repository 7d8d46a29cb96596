/** TechWolf ids in parameters: read, trimmed and checked before any request, with a message that says what to fix. */
import { NodeOperationError, type IExecuteFunctions } from 'n8n-workflow';

import { splitList } from '../../shared/list';

/** TechWolf's documented rule for its ids (external ids in paths, skill ids): 1 to 100 letters, digits, `_` or `-`. */
export const TECHWOLF_ID = /^[a-zA-Z0-9_-]{1,100}$/;

/** Reads an id parameter and refuses, before any request, one TechWolf would not accept. */
export function readId(context: IExecuteFunctions, name: string, itemIndex: number, label: string): string {
	const value = context.getNodeParameter(name, itemIndex, '') as unknown;
	return checkId(context, value, itemIndex, label);
}

/** The id a resource locator (descriptions/locators.ts) holds, or an older plain-string parameter, checked. */
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
