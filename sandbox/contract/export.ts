/** Bulk exports of employees: POST /export/employees/skill_profiles. */
import { COMMON_ERRORS, EXTERNAL_ID, KEYSET_BODY, KEYSET_NOTE, PAGES, externalVendor, keysetPage } from './common';
import { array, boolean, object, oneOf, optional, required, string, union, type Endpoint } from './schema';
import { EMPLOYEE_SKILL } from './employee';

export const exportEndpoints: readonly Endpoint[] = [
	{
		id: 'export.employeeSkillProfiles',
		method: 'POST',
		path: '/export/employees/skill_profiles',
		summary: 'The skill profiles of many employees, page by page',
		pages: [PAGES.employeeExport],
		scope: 'read',
		pathParameters: {},
		query: {
			response_format: { schema: oneOf(['list', 'hierarchy']), required: false, default: 'list' },
			external_vendor: externalVendor(['workday', 'sap_attribute_library', 'techwolf']),
		},
		body: object({
			...KEYSET_BODY,
			filters: optional(
				array(
					union('filter', {
						is_active: object({ filter: required(oneOf(['is_active'])), is_active: required(boolean()) }),
					}),
				),
			),
			include: optional(
				array(oneOf(['skill_validation_state', 'sources', 'rejected_skills', 'low_data_availability_flag'])),
			),
			output_skills_sorting: optional(string({ minLength: 1, note: 'alphabetical is shown; other values UNKNOWN' })),
		}),
		bodyOptional: 'every field has a default',
		responses: {
			200: {
				description: 'A page of employee profiles, by external_id',
				schema: keysetPage(
					object({
						external_id: required(EXTERNAL_ID),
						seniority: optional(string({ note: 'shown in the example; its values are not listed' })),
						low_data_availability: optional(boolean()),
						skills: required(array(object(EMPLOYEE_SKILL))),
					}),
				),
			},
			...COMMON_ERRORS,
		},
		pagination: { style: 'keyset', note: KEYSET_NOTE },
		unknowns: ['The hierarchy answer is not shown; the sandbox serves list only'],
	},
];
