/**
 * TechWolf's query options that several endpoints accept (vocabulary language, external vendor, include, response
 * format), each described once. helpers/parameters.ts maps them to TechWolf's query parameter names.
 */
import type { INodeProperties } from 'n8n-workflow';

export const vocabLanguageOption: INodeProperties = {
	displayName: 'Vocabulary Language',
	name: 'vocabLanguage',
	type: 'options',
	default: 'en_uk',
	options: [
		{ name: 'Dutch', value: 'nl' },
		{ name: 'English (UK)', value: 'en_uk' },
		{ name: 'English (US)', value: 'en_us' },
		{ name: 'French', value: 'fr' },
		{ name: 'German', value: 'de' },
	],
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
