/** Job architecture changes: preview one, read it back (`techwolf.openapi.yaml` holds the same facts). */
import { COMMON_ERRORS, EXTERNAL_ID, REF } from './common';
import { array, boolean, object, oneOf, optional, required, string, type Endpoint } from './schema';

const CHANGES = `${REF}/Jobs/JobChanges`;

export const jobChangeEndpoints: readonly Endpoint[] = [
	{
		id: 'jobChange.preview',
		method: 'POST',
		path: '/job_architecture/changes/preview',
		summary: 'Start generating a change to a job (a job description); answers the change id',
		pages: [`${CHANGES}/post-job-architecture-changes-preview`],
		scope: 'write',
		pathParameters: {},
		query: {},
		body: object({
			change_type: required(oneOf(['add_job_description'])),
			context: required(
				object({
					instructions: optional(string()),
					reference_job_ids: optional(array(string())),
					sections_to_include: optional(array(string())),
					use_internal_job_data: optional(boolean()),
				}),
			),
			job_id: required(EXTERNAL_ID),
		}),
		responses: {
			202: { description: 'Accepted', schema: object({ change_id: required(string({ minLength: 1 })) }) },
			...COMMON_ERRORS,
		},
		pagination: { style: 'none' },
		unknowns: ["The context fields' constraints (only the example is stored)"],
	},
	{
		id: 'jobChange.get',
		method: 'GET',
		path: '/job_architecture/changes/{change_id}',
		summary: 'One job change: its type, status and generated data',
		pages: [`${CHANGES}/get-job-architecture-changes-change-id`],
		scope: 'read',
		pathParameters: { change_id: EXTERNAL_ID },
		query: { include: { schema: oneOf(['context']), required: false, repeatable: true } },
		responses: {
			200: {
				description: 'The change',
				schema: object(
					{
						external_id: required(EXTERNAL_ID),
						change_type: required(oneOf(['add_job_description'])),
						change_status: optional(string({ note: 'suggested in the example; other values UNKNOWN' })),
						change_data: optional(object({}, { open: 'job_id and job_description in the example' })),
						context: optional(object({}, { open: 'as sent to the preview' })),
					},
					{ open: 'the page is cut after change_type' },
				),
			},
			...COMMON_ERRORS,
			404: { description: 'No such change (the body is not shown: UNKNOWN)' },
		},
		pagination: { style: 'none' },
	},
];
