/** The taxonomy's change log: POST /taxonomy/export. */
import { COMMON_ERRORS, KEYSET_BODY, KEYSET_NOTE, PAGES, TIMESTAMP, externalVendor, keysetPage } from './common';
import { array, object, oneOf, optional, required, string, union, type Endpoint } from './schema';

/** The documented operation types; the older GET /taxonomy/changes also shows create_domain, so the list may be longer. */
export const TAXONOMY_OPERATION_TYPES = [
	'vocab_update_add_skill',
	'vocab_update_rename_skill',
	'vocab_update_merge_skill',
	'vocab_update_remove_skill',
] as const;

/** With a vendor set, that vendor's changes plus the vendor-independent ones are returned. */
export const TAXONOMY_VENDORS = ['workday', 'sap_attribute_library'] as const;

export const taxonomyEndpoints: readonly Endpoint[] = [
	{
		id: 'taxonomy.exportChanges',
		method: 'POST',
		path: '/taxonomy/export',
		summary: 'Changes to the taxonomy and vocabulary, in time order',
		pages: [PAGES.taxonomyExport, PAGES.taxonomyChanges],
		scope: 'read',
		pathParameters: {},
		query: {
			external_vendor: externalVendor(
				TAXONOMY_VENDORS,
				"without it, the TechWolf vocabulary; with it, the vendor's changes plus the vendor-independent ones",
			),
		},
		body: object({
			...KEYSET_BODY,
			filters: optional(
				array(
					union('filter', {
						operation_type_is_in_list: object({
							filter: required(oneOf(['operation_type_is_in_list'])),
							operation_types: required(
								array(
									string({
										minLength: 1,
										note: `documented: ${TAXONOMY_OPERATION_TYPES.join(', ')}; the list may be longer`,
									}),
									{
										minItems: 1,
									},
								),
							),
						}),
						external_id_is_in_list: object({
							filter: required(oneOf(['external_id_is_in_list'])),
							external_ids: required(array(string({ minLength: 1 }), { minItems: 1 })),
						}),
						timestamp: object({
							filter: required(oneOf(['timestamp'])),
							value: required(string({ format: 'date-time', note: 'the example has no zone: UTC presumed' })),
							operator: required(oneOf(['gte', 'lte'])),
						}),
					}),
				),
			),
		}),
		bodyOptional: 'every field has a default',
		responses: {
			200: {
				description: 'A page of changes',
				schema: keysetPage(
					object({
						external_id: required(string()),
						operation_type: required(string({ minLength: 1 })),
						content: required(object({}, { open: "per operation type; vocab_update_add_skill's content is UNKNOWN" })),
						timestamp: required(TIMESTAMP),
					}),
				),
			},
			...COMMON_ERRORS,
		},
		pagination: { style: 'keyset', note: KEYSET_NOTE },
		unknowns: [
			'Operation types beyond the four documented ones (create_domain appears on the older GET /taxonomy/changes)',
			'The content of vocab_update_add_skill',
		],
	},
];
