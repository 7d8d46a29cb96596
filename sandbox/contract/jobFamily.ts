/** Job families of the job architecture: create, the skill profile and profile data. */
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
import { VALIDATION_STATE } from './profiles';
import { array, boolean, nullable, object, oneOf, optional, required, string, type Endpoint } from './schema';

const FAMILY_PATH = { job_family_external_id: EXTERNAL_ID };

export const jobFamilyEndpoints: readonly Endpoint[] = [
	{
		id: 'jobFamily.create',
		method: 'POST',
		path: '/job_architecture/job_families',
		summary: 'Create a job family',
		pages: [PAGES.createJobFamily, PAGES.jobCreationTutorial],
		scope: 'write',
		pathParameters: {},
		query: {},
		body: object({
			external_id: required(EXTERNAL_ID),
			job_family_name: required(NAME),
			job_family_group: optional(NAME),
			active: optional(nullable(boolean({ note: 'default true: not used in matching when false' }))),
		}),
		responses: {
			204: { description: 'Created' },
			...COMMON_ERRORS,
			409: { description: 'A job family with this external_id exists (the entity lifecycle tutorial)' },
		},
		pagination: { style: 'none' },
	},
	{
		id: 'jobFamily.getSkillProfile',
		method: 'GET',
		path: '/job_architecture/job_families/{job_family_external_id}/skill_profile',
		summary: "A job family's governed and suggested skills, told apart by validation_state",
		pages: [PAGES.jobFamilyProfile],
		scope: 'read',
		pathParameters: FAMILY_PATH,
		query: {
			domain_namespace: {
				schema: oneOf(['techwolf', 'taxonomy', 'adaptive']),
				required: false,
				default: 'techwolf',
			},
			vocab_language: VOCAB_LANGUAGE,
			external_vendor: externalVendor(['workday', 'sap_attribute_library', 'techwolf']),
			include: include(
				['skill_validation_state'],
				'the page names only skill_validation_state (not with external_vendor)',
			),
		},
		responses: {
			200: {
				description: 'The profile (shape presumed from the job skill profile)',
				schema: object(
					{
						external_id: required(EXTERNAL_ID),
						skills: required(
							array(
								object(
									{
										skill_id: required(string()),
										skill: required(string()),
										domain_name: optional(string()),
										validation_state: optional(VALIDATION_STATE),
									},
									{ open: 'the example is not in the copies' },
								),
							),
						),
					},
					{ open: 'the example is not in the copies' },
				),
			},
			...COMMON_ERRORS,
			404: { description: 'No such job family (the body is not shown: UNKNOWN)' },
		},
		pagination: { style: 'none' },
		unknowns: [
			"The answer's example is cut off in the copies: the sandbox answers the job skill profile's shape",
			'The include values beyond skill_validation_state are not shown',
		],
	},
	{
		id: 'jobFamily.addProfileData',
		method: 'POST',
		path: '/job_architecture/job_families/{job_family_external_id}/profile_data',
		summary: "Text a job family's suggested skill profile is computed from",
		pages: [PAGES.profileDataTutorial],
		scope: 'write',
		pathParameters: FAMILY_PATH,
		query: {},
		body: profileDataBody(['job_family_description']),
		responses: {
			204: { description: 'Recorded (status presumed from the entity lifecycle tutorial)' },
			...COMMON_ERRORS,
			404: { description: 'No such job family (the body is not shown: UNKNOWN)' },
			409: { description: 'Profile data with this external_id exists (presumed from the entity lifecycle)' },
		},
		pagination: { style: 'none' },
		unknowns: ["The reference page is not in the copies; the statuses are the entity lifecycle's"],
	},
];
