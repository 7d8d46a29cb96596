/**
 * The Options and Filters collections, and TechWolf's query options that several endpoints accept (vocabulary
 * language, external vendor, include, response format), each described once beside the TechWolf query parameter it
 * is sent as.
 */
import type { IDataObject, IExecuteFunctions, INodeProperties, INodePropertyOptions } from 'n8n-workflow';

/** The optional settings of an operation, behind "Add Option" (`options`) or "Add Filter" (`filters`). */
export function collection(kind: 'options' | 'filters', options: INodeProperties[]): INodeProperties {
	return kind === 'options'
		? { displayName: 'Options', name: 'options', type: 'collection', placeholder: 'Add Option', default: {}, options }
		: { displayName: 'Filters', name: 'filters', type: 'collection', placeholder: 'Add Filter', default: {}, options };
}

/** An operation's Options or Filters collection (collection() above); empty when nothing is set. */
export function readCollection(
	context: IExecuteFunctions,
	kind: 'options' | 'filters',
	itemIndex: number,
): IDataObject {
	return context.getNodeParameter(kind, itemIndex, {}) as IDataObject;
}

/** TechWolf's query parameter for each option field that maps straight onto one (below). */
const QUERY_PARAMETERS: Record<string, string> = {
	domainNamespace: 'domain_namespace',
	externalVendor: 'external_vendor',
	include: 'include',
	responseFormat: 'response_format',
	vocabLanguage: 'vocab_language',
};

/** The operation's `options` collection as TechWolf query parameters. */
export function readQueryOptions(context: IExecuteFunctions, itemIndex: number): IDataObject {
	return toQuery(readCollection(context, 'options', itemIndex), QUERY_PARAMETERS);
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

/**
 * TechWolf's `include=custom_properties` on a Get, as a switch (readCustomPropertiesQuery reads it); `entity` names what
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

/** The Include Custom Properties switch of a Get as TechWolf's `include` query parameter. */
export function readCustomPropertiesQuery(context: IExecuteFunctions, itemIndex: number): IDataObject {
	return context.getNodeParameter('includeCustomProperties', itemIndex, false) ? { include: 'custom_properties' } : {};
}

/** The display languages of TechWolf's own vocabulary (`vocab_language`). */
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

/** The external vendors whose vocabulary TechWolf can express skills in (`external_vendor`). */
const EXTERNAL_VENDORS: INodePropertyOptions[] = [
	{ name: 'SAP Attribute Library', value: 'sap_attribute_library' },
	{ name: 'Workday', value: 'workday' },
];

export const externalVendorOption: INodeProperties = {
	displayName: 'External Vendor',
	name: 'externalVendor',
	type: 'options',
	default: 'workday',
	options: EXTERNAL_VENDORS,
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

/** `domain_namespace` (job and job family profiles): which domains the skills are grouped in. */
export const domainNamespaceOption: INodeProperties = {
	...choiceOption(
		'Domain Namespace',
		'domainNamespace',
		[
			['Adaptive', 'adaptive'],
			['Taxonomy', 'taxonomy'],
			['TechWolf', 'techwolf'],
		],
		'techwolf',
	),
	description: "TechWolf's domains, your taxonomy's, or your taxonomy's when you have one (adaptive)",
};

/** `language`: the language of the text TechWolf extracts skills from (employee create and restore, skill events). */
export const inputLanguageField: INodeProperties = {
	displayName: 'Language',
	name: 'language',
	type: 'options',
	default: 'auto',
	description: 'The language of the text TechWolf reads skills from',
	required: true,
	options: [
		{ name: 'Detect Automatically', value: 'auto' },
		{ name: 'Dutch', value: 'nl' },
		{ name: 'English', value: 'en' },
		{ name: 'French', value: 'fr' },
		{ name: 'German', value: 'de' },
	],
};

/** TechWolf's `strict` query parameter of the calls that extract skills. */
export const strictField: INodeProperties = {
	displayName: 'Strict',
	name: 'strict',
	type: 'boolean',
	default: false,
	description: 'Whether TechWolf should refuse (422) content it cannot extract skills from instead of accepting it',
};

/** The skill profiles of employees and jobs: TechWolf documents Workday as their only external vendor. */
export const profileVendorOption: INodeProperties = {
	...externalVendorOption,
	options: [{ name: 'Workday', value: 'workday' }],
	description: "Express skills in Workday's vocabulary (Workday must be active on your tenant)",
};
