/** Employees: CRUD, the skill profile, skill profile feedback and suggestions (Skill Events: `skillEvents.ts`). */
import {
	FEEDBACK_VENDORS,
	EMPLOYEE_PROFICIENCY,
	VALIDATION_STATE,
	feedbackVariants,
	vendorFeedbackRule,
} from './profiles';
import {
	COMMON_ERRORS,
	EXTERNAL_ID,
	OFFSET_NOTE,
	OFFSET_QUERY,
	PAGES,
	TIMESTAMP,
	VOCAB_LANGUAGE,
	externalVendor,
	include,
	queryBoolean,
} from './common';
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
	unknown,
	type Endpoint,
	type Property,
} from './schema';
import { EXTRACTION_LANGUAGE, SKILL_EVENT_TYPES, skillEventEndpoints } from './skillEvents';

/** Which fields are required in each entry is not shown: the sandbox requires none (choice) beyond the documented ones. */
const employeeFields = (): Record<string, Property> => ({
	assigned_position: optional(nullable(string())),
	assigned_position_id: optional(nullable(string())),
	active: optional(boolean()),
	organisational_unit: optional(nullable(string())),
	working_history: optional(array(object({}, { open: 'UNKNOWN: the entry fields are not in the copies' }))),
	education_history: optional(array(object({}, { open: 'UNKNOWN: the entry fields are not in the copies' }))),
	languages: optional(
		array(
			unknown(
				`ISO 639-1 codes with a proficiency level 1–5 (${PAGES.creatingEmployeesTutorial}); the entry's field names are not in the copies (UNKNOWN)`,
			),
		),
	),
	desired_functions: optional(array(unknown('UNKNOWN: the entry shape is not in the copies'))),
	non_desired_functions: optional(array(unknown('UNKNOWN: the entry shape is not in the copies'))),
	location: optional(nullable(object({ lat: required(number()), lng: required(number()) }))),
	custom_properties: optional(
		object({}, { open: `readable with include=custom_properties (${PAGES.getEmployee}); writable presumed` }),
	),
});

const EMPLOYEE_SUMMARY = object({
	external_id: required(EXTERNAL_ID),
	active: required(boolean()),
	location: required(nullable(object({ lat: required(number()), lng: required(number()) }))),
	assigned_position: required(nullable(string())),
	low_data_availability: required(boolean()),
	organisational_unit: required(nullable(string())),
	last_updated: required(TIMESTAMP),
});

const EMPLOYEE = object({
	...employeeFields(),
	external_id: required(EXTERNAL_ID),
	low_data_availability: required(boolean()),
	last_updated: required(TIMESTAMP),
});

/** A skill of an employee's profile, as the profile and the bulk export show it. */
export const EMPLOYEE_SKILL: Record<string, Property> = {
	skill: required(string()),
	skill_id: required(string()),
	validation_state: optional(VALIDATION_STATE),
	sources: optional(array(oneOf(SKILL_EVENT_TYPES))),
	...EMPLOYEE_PROFICIENCY,
};

const EMPLOYEE_PROFILE = object({
	external_id: required(EXTERNAL_ID),
	num_skill_events: required(integer({ minimum: 0 })),
	low_data_availability: optional(boolean()),
	skills: required(
		array(
			object({
				...EMPLOYEE_SKILL,
				source_events: optional(
					array(
						object({
							external_id: required(string()),
							event_type: required(oneOf(SKILL_EVENT_TYPES)),
							source: required(string()),
						}),
					),
				),
			}),
		),
	),
});

const ID_PATH = { external_id: EXTERNAL_ID };

/** One employee's entry in a suggestions answer (the suggestions reference page's example). */
const SUGGESTION_ENTRY = object({
	employee_id: required(EXTERNAL_ID),
	skills: required(
		array(
			object({
				skill_id: required(string()),
				skill_names: required(
					array(
						object({
							language: required(string()),
							skill_name: required(nullable(string())),
							translation_found: optional(boolean()),
						}),
					),
				),
				sources: optional(array(oneOf(SKILL_EVENT_TYPES))),
				self_rated_proficiency_level: optional(nullable(integer({ minimum: 0, maximum: 5 }))),
				is_job_critical_skill: optional(boolean()),
			}),
		),
	),
});

export const employeeEndpoints: readonly Endpoint[] = [
	{
		id: 'employee.getAll',
		method: 'GET',
		path: '/employees',
		summary: 'List employees, ordered by last_updated then external_id',
		pages: [PAGES.listEmployees],
		scope: 'read',
		pathParameters: {},
		query: {
			...OFFSET_QUERY,
			is_active: { schema: boolean(), required: false },
			organisational_unit: { schema: string({ minLength: 1 }), required: false },
		},
		responses: {
			200: {
				description: 'A page of employees',
				schema: object({ count: required(integer({ minimum: 0 })), results: required(array(EMPLOYEE_SUMMARY)) }),
			},
			...COMMON_ERRORS,
		},
		pagination: { style: 'offset', note: OFFSET_NOTE },
	},
	{
		id: 'employee.get',
		method: 'GET',
		path: '/employees/{external_id}',
		summary: 'One employee',
		pages: [PAGES.getEmployee],
		scope: 'read',
		pathParameters: ID_PATH,
		query: { include: include(['custom_properties']) },
		responses: {
			200: { description: 'The employee; custom_properties only with include=custom_properties', schema: EMPLOYEE },
			...COMMON_ERRORS,
			404: { description: 'No such employee (the body is not shown: UNKNOWN)' },
		},
		pagination: { style: 'none' },
	},
	{
		id: 'employee.create',
		method: 'POST',
		path: '/employees',
		summary: 'Create an employee; its history and documents are read for skills',
		pages: [PAGES.createEmployee, PAGES.creatingEmployeesTutorial, PAGES.entityLifecycleTutorial],
		scope: 'write',
		pathParameters: {},
		query: {
			language: { ...EXTRACTION_LANGUAGE, note: `the tutorial calls it required (${PAGES.creatingEmployeesTutorial})` },
			strict: {
				schema: boolean(),
				required: true,
				note: `the tutorial calls it required (${PAGES.creatingEmployeesTutorial}); its default is not shown`,
			},
			restore: queryBoolean(false, 'restore=true undoes a soft delete within the grace period'),
		},
		body: object({
			external_id: required(EXTERNAL_ID),
			...employeeFields(),
			employee_documents: optional(
				array(object({ mimeType: required(string({ minLength: 1 })), base64Content: required(string()) })),
			),
		}),
		responses: {
			204: { description: 'Created' },
			...COMMON_ERRORS,
			409: { description: 'An employee with this external_id exists: update it with PATCH' },
			422: { description: 'Skill extraction failed' },
		},
		pagination: { style: 'none' },
	},
	{
		id: 'employee.update',
		method: 'PATCH',
		path: '/employees/{external_id}',
		summary: 'Update some fields of an employee',
		pages: [PAGES.updateEmployee, PAGES.creatingEmployeesTutorial],
		scope: 'write',
		pathParameters: ID_PATH,
		query: {},
		body: object({ external_id: optional(EXTERNAL_ID), ...employeeFields() }),
		responses: {
			204: { description: 'Updated' },
			...COMMON_ERRORS,
			404: { description: 'No such employee (the body is not shown: UNKNOWN)' },
		},
		pagination: { style: 'none' },
		unknowns: [
			'Whether PATCH takes language/strict like POST is not shown: the contract takes no query parameter here',
		],
	},
	{
		id: 'employee.getSkillProfile',
		method: 'GET',
		path: '/employees/{external_id}/skill_profile',
		summary: "An employee's skill profile",
		pages: [PAGES.employeeSkillProfile],
		scope: 'read',
		pathParameters: ID_PATH,
		query: {
			response_format: {
				schema: oneOf(['list', 'skill_clusters', 'domains', 'hierarchy']),
				required: false,
				default: 'list',
			},
			vocab_language: VOCAB_LANGUAGE,
			include: include(['sources', 'low_data_availability_flag'], 'the older copy lists these two'),
			external_vendor: externalVendor(
				['workday', 'techwolf'],
				'workday (when active on the tenant); newer pages name techwolf as the explicit default',
			),
		},
		responses: {
			200: { description: 'The profile (response_format=list)', schema: EMPLOYEE_PROFILE },
			...COMMON_ERRORS,
			404: { description: 'No such employee (the body is not shown: UNKNOWN)' },
		},
		pagination: { style: 'none' },
		unknowns: [
			'The answer of response_format skill_clusters, domains and hierarchy is not shown; the sandbox serves list only',
			'Proficiency scale: level 2 ↔ 0.4, 3 ↔ 0.6, 5 ↔ 1.0 in the example (1–5, float = level/5?), not documented',
		],
	},
	{
		id: 'employee.updateSkillProfile',
		method: 'PATCH',
		path: '/employees/{external_id}/skill_profile',
		summary: 'Validate or reject skills (or skill clusters) of an employee',
		pages: [PAGES.employeeFeedback, PAGES.skillClusterFeedbackTutorial, PAGES.jobFeedback],
		scope: 'write',
		pathParameters: ID_PATH,
		query: {
			feedback_format: {
				schema: oneOf(['skills', 'skill_clusters', 'external_vendor_skills']),
				required: false,
				default: 'skills',
			},
			external_vendor: externalVendor(FEEDBACK_VENDORS, 'needed by external_vendor_skills'),
		},
		body: {
			selectedBy: 'feedback_format',
			default: 'skills',
			variants: {
				...feedbackVariants(),
				skill_clusters: object({
					source: optional(
						string({ minLength: 1, note: 'shown with skills, not in the skill_clusters example: optional here' }),
					),
					skill_clusters: required(
						array(
							object(
								{
									skill_cluster_id: optional(string({ minLength: 1 })),
									skill_cluster_name: optional(string({ minLength: 1 })),
									proficiency_level: required(
										integer({
											minimum: 0,
											maximum: 5,
											note: '0 removes the cluster; the top of the scale (5) is presumed',
										}),
									),
								},
								{ exactlyOneOf: [['skill_cluster_id', 'skill_cluster_name']] },
							),
							{ minItems: 1 },
						),
					),
				}),
			},
		},
		rules: [vendorFeedbackRule],
		responses: {
			204: { description: 'Feedback recorded' },
			...COMMON_ERRORS,
			404: { description: 'No such employee (the body is not shown: UNKNOWN)' },
		},
		pagination: { style: 'none' },
		unknowns: [
			'An older tutorial shows {skills: [{skill, score}]}; the contract follows the reference page ({skill | skill_id, has_skill})',
		],
	},
	{
		id: 'employee.delete',
		method: 'DELETE',
		path: '/employees/{external_id}',
		summary: 'Delete an employee: soft, for the grace period, if the tenant has one; then permanently',
		pages: [PAGES.creatingEmployeesTutorial, PAGES.deleteOrganisationalUnit],
		scope: 'write',
		pathParameters: ID_PATH,
		query: {},
		responses: {
			204: { description: 'Deleted (status as DELETE /organisational_units/{external_id} answers)' },
			...COMMON_ERRORS,
			404: { description: 'No such employee (the body is not shown: UNKNOWN)' },
		},
		pagination: { style: 'none' },
		unknowns: [
			'The Delete Employee reference page is not in the copies: the path and the 204 follow DELETE /organisational_units/{external_id}',
			'The tutorial: "If grace periods are enabled for your tenant, Employees are soft-deleted rather than permanently removed for the specified period"; the length is per tenant and not published',
			'How a soft-deleted employee answers GET, the list and POST without restore is not shown: the sandbox hides it (404, not listed) and answers 409 to a plain POST',
		],
	},
	{
		id: 'employee.getSkillSuggestions',
		method: 'POST',
		path: '/employees/suggestions/skills',
		summary: 'Suggested (and, if asked, validated and rejected) skills for up to 50 employees',
		pages: [PAGES.employeeSuggestions, PAGES.skillAssistantHowItWorks],
		scope: 'read',
		pathParameters: {},
		query: {
			vocab_language: { ...VOCAB_LANGUAGE, repeatable: true, note: 'may be given more than once' },
			max_skills: {
				schema: integer({ minimum: 1 }),
				required: false,
				note: `the page shows "the maximum number of suggested Skills" without its name; "max_skills" is the name ${PAGES.skillAssistantHowItWorks} uses`,
			},
			external_vendor: externalVendor(['workday', 'sap_attribute_library']),
			'properties[sap_status]': {
				schema: oneOf(['active', 'inactive']),
				required: false,
				note: 'written with brackets on the page: properties[property_name]=value',
			},
			include: include(
				['suggested_skills', 'validated_skills', 'rejected_skills', 'proficiency', 'job_critical_info'],
				'default ["suggested_skills"]',
			),
		},
		body: object({
			employee_ids: required(array(EXTERNAL_ID, { minItems: 1, maxItems: 50 })),
			response_format: optional(oneOf(['skill_profiles', 'skill_clusters'])),
		}),
		responses: {
			200: {
				description: 'Per category, per employee, the skills with their names per language',
				schema: object(
					{
						suggestions: optional(array(SUGGESTION_ENTRY)),
						validated: optional(array(SUGGESTION_ENTRY)),
						rejected: optional(array(SUGGESTION_ENTRY)),
					},
					{ open: 'the skill_clusters answer is not shown' },
				),
			},
			...COMMON_ERRORS,
		},
		pagination: { style: 'none' },
		unknowns: [
			'The name of "the maximum number of Skills to return for each Skill Cluster" is not visible: the node does not offer it',
			'The rejected array is implied by include=rejected_skills, not shown',
			'The skill_clusters answer is not shown; the sandbox answers skill_profiles only',
		],
	},
	...skillEventEndpoints,
];
