/** Skills of the taxonomy: one skill, and the skill export. */
import {
	COMMON_ERRORS,
	EXTERNAL_ID,
	KEYSET_BODY,
	KEYSET_NOTE,
	PAGES,
	VENDORS,
	VOCAB_LANGUAGE,
	externalVendor,
	keysetPage,
} from './common';
import {
	array,
	boolean,
	object,
	oneOf,
	optional,
	required,
	string,
	unknown,
	type Endpoint,
	type ObjectSchema,
} from './schema';

/** One record of POST /export/skills (the newer copy). */
export const SKILL_RECORD: ObjectSchema = object({
	skill_id: required(string()),
	skill_name: required(string()),
	skill_description: required(string()),
	skill_source: required(oneOf(['vocabulary', 'custom'])),
	inference_enabled: required(boolean()),
	default_skill_name: required(string()),
	default_skill_description: required(string()),
	techwolf_domain: required(string()),
	taxonomy_domain_id: required(string()),
	taxonomy_domain_name: required(string()),
	taxonomy_skill_cluster_id: required(string()),
	taxonomy_skill_cluster_name: required(string()),
	properties: required(object({}, { open: 'vendor properties such as sap_status; their set is not listed' })),
});

const SKILL_FILTER = {
	skill_source: object({
		filter: required(oneOf(['skill_source'])),
		skill_source: required(oneOf(['vocabulary', 'custom'])),
	}),
	skill_id_is_in_list: object({
		filter: required(oneOf(['skill_id_is_in_list'])),
		skill_ids: required(array(string({ minLength: 1 }), { minItems: 1 })),
	}),
};

export const skillEndpoints: readonly Endpoint[] = [
	{
		id: 'skill.get',
		method: 'GET',
		path: '/taxonomy/skills/{skill_id}',
		summary: 'One skill; a deleted skill answers 404',
		pages: [PAGES.webhookEventTypes],
		scope: 'read',
		pathParameters: { skill_id: EXTERNAL_ID },
		query: {
			external_vendor: externalVendor(
				VENDORS,
				'UNKNOWN name: the Event Types page says "pass as the vendor query parameter"; every other endpoint calls it external_vendor',
			),
			vocab_language: { ...VOCAB_LANGUAGE, note: 'UNKNOWN: presumed as on the skill export' },
		},
		responses: {
			200: {
				description: 'The skill',
				schema: unknown('UNKNOWN: not in the copies; the sandbox answers a skill export record'),
			},
			...COMMON_ERRORS,
			404: { description: 'No such skill in that vocabulary, or it was deleted (Event Types page, Skill Deleted)' },
		},
		pagination: { style: 'none' },
		unknowns: [
			'The reference page linked from the Event Types page is not in the copies: parameters and answer are presumed',
		],
	},
	{
		id: 'skill.export',
		method: 'POST',
		path: '/export/skills',
		summary: 'Export skills (vocabulary or custom) with descriptions, domains and clusters',
		pages: [PAGES.exportSkills],
		scope: 'read',
		pathParameters: {},
		query: {
			vocab_language: VOCAB_LANGUAGE,
			external_vendor: externalVendor(['workday', 'sap_attribute_library', 'techwolf']),
			include: {
				schema: string({ minLength: 1, note: 'UNKNOWN: the include values are not in the copies' }),
				required: false,
				repeatable: true,
			},
		},
		body: object({
			...KEYSET_BODY,
			filters: optional(
				object(
					{ filters: required(array({ type: 'union', discriminator: 'filter', variants: SKILL_FILTER })) },
					{ note: 'the newer copy nests the list: {"filters": {"filters": [...]}}' },
				),
			),
		}),
		bodyOptional: 'every field has a default',
		responses: {
			200: { description: 'A page of skills, by skill_id', schema: keysetPage(SKILL_RECORD) },
			...COMMON_ERRORS,
		},
		pagination: { style: 'keyset', note: KEYSET_NOTE },
	},
];
