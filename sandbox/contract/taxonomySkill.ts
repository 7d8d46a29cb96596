/** Create a custom skill in the tenant's taxonomy (`techwolf.openapi.yaml` holds the same facts). */
import { COMMON_ERRORS, EXTERNAL_ID, PAGES, externalVendor } from './common';
import { object, optional, required, string, type Endpoint } from './schema';
import { TAXONOMY_VENDORS } from './taxonomy';

export const taxonomySkillEndpoints: readonly Endpoint[] = [
	{
		id: 'taxonomy.createSkill',
		method: 'POST',
		path: '/taxonomy/skills',
		summary: 'Create a custom skill, in TechWolf vocabulary or a vendor’s',
		pages: [PAGES.createTaxonomySkill],
		scope: 'write',
		pathParameters: {},
		query: {
			external_vendor: externalVendor(TAXONOMY_VENDORS, 'the vocabulary of the skill; TechWolf’s without it'),
		},
		body: object({
			skill_id: required(EXTERNAL_ID),
			skill_name: required(string({ minLength: 1, maxLength: 255, note: 'in the default language, en_uk' })),
			skill_description: optional(string({ minLength: 1 })),
			properties: optional(
				object({}, { open: 'vendor properties such as sap_status; the set is not listed', nullable: true }),
			),
		}),
		responses: {
			204: { description: 'No Content' },
			...COMMON_ERRORS,
			409: {
				description:
					'A skill with that skill_id exists: the page does not say (UNKNOWN); the entity-lifecycle tutorial answers 409 for an existing entity, and so does the sandbox',
			},
		},
		pagination: { style: 'none' },
	},
];
