/** Bulk exports of employees: POST /export/employees/skill_profiles. */
import { COMMON_ERRORS, EXTERNAL_ID, KEYSET_BODY, KEYSET_NOTE, PAGES, externalVendor, keysetPage } from './common';
import {
	array,
	boolean,
	integer,
	nullable,
	number,
	object,
	oneOf,
	optional,
	required,
	string,
	union,
	type Endpoint,
} from './schema';
import { EMPLOYEE_SKILL } from './employee';
import { SKILL_TYPES } from './job';
import { VALIDATION_STATE } from './profiles';

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
	{
		id: 'export.jobSkillProfiles',
		method: 'POST',
		path: '/job_architecture/export/jobs/skill_profiles',
		summary: 'The skill profiles of many jobs, page by page, in the order the jobs were created',
		pages: [PAGES.jobExport],
		scope: 'read',
		pathParameters: {},
		query: {
			response_format: { schema: oneOf(['list', 'hierarchy']), required: false, default: 'list' },
			external_vendor: externalVendor(['workday', 'sap_attribute_library', 'techwolf']),
		},
		body: object({
			limit: optional(integer({ minimum: 1, maximum: 100, note: 'the job architecture exports: 1–100 (example 10)' })),
			starting_after: optional(string({ minLength: 1, maxLength: 100, nullable: true })),
			filters: optional(
				array(
					union('filter', {
						last_updated: object({
							filter: required(oneOf(['last_updated'])),
							value: required(string({ format: 'date-time', note: 'the example is a date (2022-01-01)' })),
							operator: required(oneOf(['lt', 'gt'], { note: 'lt shown; gt in the employee cluster export tutorial' })),
						}),
						job_family_id_is_in_list: object({
							filter: required(oneOf(['job_family_id_is_in_list'])),
							job_family_ids: required(array(EXTERNAL_ID, { minItems: 1 })),
						}),
					}),
				),
			),
			include: optional(
				array(oneOf(['low_data_availability_flag', 'proficiency_level', 'proficiency_float', 'critical'])),
			),
			output_skills_sorting: optional(oneOf(['alphabetical', 'confidence'])),
		}),
		bodyOptional: 'every field has a default',
		responses: {
			200: {
				description: 'A page of job skill profiles',
				schema: keysetPage(
					object({
						external_id: required(EXTERNAL_ID),
						low_data_availability: optional(boolean()),
						skills: required(
							array(
								object({
									skill_id: required(string()),
									skill: required(string()),
									skill_types: required(
										array(object({ skill_type: required(oneOf(SKILL_TYPES)), is_common: optional(boolean()) })),
									),
									domain_name: required(string()),
									validation_state: optional(VALIDATION_STATE),
									proficiency_level: optional(nullable(integer({ minimum: 0, maximum: 5 }))),
									proficiency_float: optional(nullable(number({ minimum: 0, maximum: 1 }))),
									critical: optional(nullable(boolean())),
								}),
							),
						),
					}),
				),
			},
			...COMMON_ERRORS,
		},
		pagination: {
			style: 'keyset',
			note: "limit 1–100, starting_after the previous page's next_starting_after; jobs in creation order",
		},
		unknowns: [
			"Whether last_updated takes a date-time as well as the example's date is not shown: the sandbox takes both",
			'The hierarchy answer is not shown; the sandbox serves list only',
		],
	},
];
