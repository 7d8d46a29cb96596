/** Jobs of the job architecture: the skill profile, the suggested skill profile and skill profile feedback. */
import { COMMON_ERRORS, EXTERNAL_ID, PAGES, VOCAB_LANGUAGE, externalVendor, include } from './common';
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
];
