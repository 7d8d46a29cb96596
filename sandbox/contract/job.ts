/** Jobs of the job architecture: the skill profile, the suggested skill profile and skill profile feedback. */
import {
	COMMON_ERRORS,
	EXTERNAL_ID,
	NAME,
	PAGES,
	VOCAB_LANGUAGE,
	externalVendor,
	include,
	profileDataBody,
} from './common';
import { FEEDBACK_VENDORS, VALIDATION_STATE, feedbackVariants, vendorFeedbackRule } from './profiles';
import {
	array,
	boolean,
	nullable,
	number,
	integer,
	object,
	oneOf,
	optional,
	required,
	string,
	type Endpoint,
	type Property,
	type QueryParameter,
} from './schema';

export const SKILL_TYPES = ['Job-Specific', 'Family-Specific', 'Core'] as const;

const DOMAIN_NAMESPACE: QueryParameter = {
	schema: oneOf(['techwolf', 'taxonomy', 'adaptive']),
	required: false,
	default: 'techwolf',
};

const JOB_INCLUDES = [
	'low_data_availability_flag',
	'skill_validation_state',
	'proficiency_level',
	'proficiency_float',
	'critical',
] as const;

/** The proficiency of a job skill: the example pairs level 2 with 0.66, so the scale may differ from employees'. */
const jobProficiency = (): Record<string, Property> => ({
	proficiency_level: optional(
		nullable(integer({ minimum: 1, maximum: 5, note: 'scale UNKNOWN (level 2 ↔ 0.66 suggests 1–3); 1–5 accepted' })),
	),
	proficiency_float: optional(nullable(number({ minimum: 0, maximum: 1 }))),
});

const JOB_PATH = { job_external_id: EXTERNAL_ID };

/** The data types of a job's profile data (the newer copy of the tutorial). */
export const JOB_PROFILE_DATA_TYPES = ['job_description', 'job_title', 'vacancy', 'skill_notes'] as const;

export const jobEndpoints: readonly Endpoint[] = [
	{
		id: 'job.getSkillProfile',
		method: 'GET',
		path: '/job_architecture/jobs/{job_external_id}/skill_profile',
		summary: "A job's skill profile",
		pages: [PAGES.jobSkillProfile, PAGES.jobExport, PAGES.jobSkillTypesTutorial],
		scope: 'read',
		pathParameters: JOB_PATH,
		query: {
			domain_namespace: DOMAIN_NAMESPACE,
			vocab_language: VOCAB_LANGUAGE,
			external_vendor: externalVendor(
				['workday', 'techwolf'],
				"workday; techwolf is the newer pages' explicit default",
			),
			response_format: { schema: oneOf(['list', 'hierarchy']), required: false, default: 'list' },
			include: include(JOB_INCLUDES),
		},
		rules: [
			{
				rule: 'With external_vendor set, include=low_data_availability_flag and include=skill_validation_state are not supported',
				check: ({ query }) =>
					query.has('external_vendor') &&
					query
						.getAll('include')
						.some((value) => value === 'low_data_availability_flag' || value === 'skill_validation_state')
						? 'include=low_data_availability_flag and include=skill_validation_state are not supported with external_vendor'
						: undefined,
			},
		],
		responses: {
			200: {
				description: 'The profile (response_format=list); fields beyond skill, id, types and domain come with include',
				schema: object({
					external_id: required(EXTERNAL_ID),
					low_data_availability: optional(boolean()),
					skills: required(
						array(
							object({
								skill_id: required(string()),
								skill: required(string()),
								skill_types: required(
									array(object({ skill_type: required(oneOf(SKILL_TYPES)), is_common: required(boolean()) })),
								),
								domain_name: required(string()),
								validation_state: optional(VALIDATION_STATE),
								...jobProficiency(),
								critical: optional(nullable(boolean())),
							}),
						),
					),
				}),
			},
			...COMMON_ERRORS,
			404: { description: 'No such job (the body is not shown: UNKNOWN)' },
		},
		pagination: { style: 'none' },
		unknowns: [
			"The GET example is not readable in the copies: the skill shape is the job export example's, the record has external_id and low_data_availability",
			'The hierarchy answer is not shown; the sandbox serves list only',
		],
	},
	{
		id: 'job.getSuggestedSkillProfile',
		method: 'GET',
		path: '/job_architecture/jobs/{job_external_id}/suggested_skill_profile',
		summary: 'The skills TechWolf suggests for a job, not yet validated',
		pages: [PAGES.jobSuggestedSkillProfile],
		scope: 'read',
		pathParameters: JOB_PATH,
		query: {
			domain_namespace: DOMAIN_NAMESPACE,
			vocab_language: { ...VOCAB_LANGUAGE, note: "as on the job skill profile; the page's parameter list is cut off" },
			external_vendor: externalVendor(['workday', 'techwolf'], 'as on the job skill profile (presumed)'),
		},
		responses: {
			200: {
				description: 'The suggested skills',
				schema: object({
					external_id: required(EXTERNAL_ID),
					skills: required(
						array(
							object({
								skill_id: required(string()),
								skill: required(string()),
								skill_type: required(oneOf(SKILL_TYPES)),
								domain_name: required(string()),
								validation_state: required(VALIDATION_STATE),
								source_data: required(
									array(
										object({
											external_id: required(string()),
											source_data_type: required(oneOf(['job_profile_data', 'job_family_profile_data'])),
										}),
									),
								),
								critical: required(nullable(boolean())),
							}),
						),
					),
				}),
			},
			...COMMON_ERRORS,
			404: { description: 'No such job (the body is not shown: UNKNOWN)' },
		},
		pagination: { style: 'none' },
		unknowns: ['The record around the skills (external_id) is presumed from the job skill profile'],
	},
	{
		id: 'job.updateSkillProfile',
		method: 'PATCH',
		path: '/job_architecture/jobs/{job_external_id}/skill_profile',
		summary: 'Validate or reject skills of a job, with proficiency and criticality',
		pages: [PAGES.jobFeedback],
		scope: 'write',
		pathParameters: JOB_PATH,
		query: {
			feedback_format: { schema: oneOf(['skills', 'external_vendor_skills']), required: false, default: 'skills' },
			external_vendor: externalVendor(FEEDBACK_VENDORS, 'needed by external_vendor_skills'),
		},
		body: {
			selectedBy: 'feedback_format',
			default: 'skills',
			variants: feedbackVariants({ ...jobProficiency(), critical: optional(nullable(boolean())) }),
		},
		rules: [vendorFeedbackRule],
		responses: {
			204: { description: 'Feedback recorded' },
			...COMMON_ERRORS,
			404: { description: 'No such job (the body is not shown: UNKNOWN)' },
		},
		pagination: { style: 'none' },
		unknowns: ['critical: true, false or null; what null means (unset, or "not judged") is not explained'],
	},
	{
		id: 'job.create',
		method: 'POST',
		path: '/job_architecture/jobs',
		summary: 'Create a job, in a job family or without one',
		pages: [PAGES.jobCreationTutorial, PAGES.entityLifecycleTutorial],
		scope: 'write',
		pathParameters: {},
		query: {},
		body: object({
			external_id: required(EXTERNAL_ID),
			job_name: required(NAME),
			job_family_id: optional(EXTERNAL_ID),
		}),
		responses: {
			204: { description: 'Created (the entity lifecycle tutorial: creating answers 204)' },
			...COMMON_ERRORS,
			409: { description: 'A job with this external_id exists: update it with PATCH' },
			422: { description: 'The job family does not exist (UNKNOWN status: the Workday EIB page says it MUST exist)' },
		},
		pagination: { style: 'none' },
		unknowns: [
			"The Create Job reference page is not in the copies: the fields are the tutorial example's ({external_id, job_name, job_family_id}); the tutorial sends external_id as the number 1, the sandbox holds it to the id rule as a string",
			'job_name 1–255 characters: the limit of job_family_name and of the Workday EIB job_name, presumed',
			'An unknown job_family_id: the status is not shown; the sandbox answers 422',
		],
	},
	{
		id: 'job.get',
		method: 'GET',
		path: '/job_architecture/jobs/{job_external_id}',
		summary: 'A job: its name and job family',
		pages: [PAGES.jobCreationTutorial],
		scope: 'read',
		pathParameters: JOB_PATH,
		query: {},
		responses: {
			200: {
				description: 'The job as it was created (shape presumed)',
				schema: object(
					{
						external_id: required(EXTERNAL_ID),
						job_name: required(NAME),
						job_family_id: required(nullable(EXTERNAL_ID)),
					},
					{ open: 'the Get Job page is not in the copies: TechWolf may send more fields' },
				),
			},
			...COMMON_ERRORS,
			404: { description: 'No such job (the body is not shown: UNKNOWN)' },
		},
		pagination: { style: 'none' },
		unknowns: [
			'Not in the copies: the path follows the CRUD pattern of employees (GET /employees/{external_id}) and the answer echoes the create body',
		],
	},
	{
		id: 'job.update',
		method: 'PATCH',
		path: '/job_architecture/jobs/{job_external_id}',
		summary: 'Rename a job or move it to another job family',
		pages: [PAGES.entityLifecycleTutorial, PAGES.jobCreationTutorial],
		scope: 'write',
		pathParameters: JOB_PATH,
		query: {},
		body: object({ job_name: optional(NAME), job_family_id: optional(nullable(EXTERNAL_ID)) }),
		rules: [
			{
				rule: 'An update names at least one field (presumed: an empty PATCH changes nothing)',
				check: ({ body }) =>
					typeof body === 'object' && body !== null && Object.keys(body).length === 0
						? 'the update body names no field'
						: undefined,
			},
		],
		responses: {
			204: { description: 'Updated' },
			...COMMON_ERRORS,
			404: { description: 'No such job (the body is not shown: UNKNOWN)' },
			422: { description: 'The job family does not exist (UNKNOWN status, as for create)' },
		},
		pagination: { style: 'none' },
		unknowns: [
			'Not in the copies: the entity lifecycle tutorial says updates use PATCH; the path and the partial body follow PATCH /employees/{external_id}',
		],
	},
	{
		id: 'job.addProfileData',
		method: 'POST',
		path: '/job_architecture/jobs/{job_external_id}/profile_data',
		summary: "Text a job's suggested skill profile is computed from",
		pages: [PAGES.profileDataTutorial],
		scope: 'write',
		pathParameters: JOB_PATH,
		query: {},
		body: profileDataBody(JOB_PROFILE_DATA_TYPES),
		responses: {
			204: { description: 'Recorded (status presumed from the entity lifecycle tutorial)' },
			...COMMON_ERRORS,
			404: { description: 'No such job (the body is not shown: UNKNOWN)' },
			409: { description: 'Profile data with this external_id exists (presumed from the entity lifecycle)' },
		},
		pagination: { style: 'none' },
		unknowns: [
			"The reference page is not in the copies; the statuses are the entity lifecycle's",
			'The older copy of the tutorial lists job_description and job_title only; the newer adds vacancy and skill_notes',
		],
	},
];
