/** Field definitions several operations share, so that each is described one way. */
import type { INodeProperties } from 'n8n-workflow';

export function idField(name: string, displayName: string, description: string): INodeProperties {
	return { displayName, name, type: 'string', required: true, default: '', placeholder: 'e.g. E12345', description };
}

/** The optional settings of an operation, behind "Add Option" (`options`) or "Add Filter" (`filters`). */
export function collection(kind: 'options' | 'filters', options: INodeProperties[]): INodeProperties {
	return kind === 'options'
		? { displayName: 'Options', name: 'options', type: 'collection', placeholder: 'Add Option', default: {}, options }
		: { displayName: 'Filters', name: 'filters', type: 'collection', placeholder: 'Add Filter', default: {}, options };
}

/** n8n's Return All and Limit pair; helpers/paging.ts reads them. */
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

/** Simplify (helpers/simplify.ts): TechWolf's large answers in their short form unless turned off. */
export const simplifyField: INodeProperties = {
	displayName: 'Simplify',
	name: 'simplify',
	type: 'boolean',
	default: true,
	description: 'Whether to return a short version of the response instead of all of TechWolf’s fields',
};

/**
 * TechWolf's `include=custom_properties` on a Get, as a switch (helpers/parameters.ts reads it); `entity` names what
 * the properties are stored on.
 */
export function customPropertiesField(entity: string): INodeProperties {
	return {
		displayName: 'Include Custom Properties',
		name: 'includeCustomProperties',
		type: 'boolean',
		default: false,
		description: `Whether to include the custom properties stored on the ${entity}`,
	};
}
