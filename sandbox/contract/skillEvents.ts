/** Skill Events of employees: the 11 types, their content per type, posting one and listing them. */
import { COMMON_ERRORS, EXTERNAL_ID, OFFSET_NOTE, OFFSET_QUERY, PAGES, TIMESTAMP, queryBoolean } from './common';
import {
	array,
	integer,
	nullable,
	object,
	oneOf,
	optional,
	required,
	string,
	union,
	type Endpoint,
	type ObjectSchema,
	type QueryParameter,
} from './schema';

/** The Skill Event types: 11 on the newer page (the 11th, `skill_profile_feedback`, is missing from the older one). */
export const SKILL_EVENT_TYPES = [
	'working_history',
	'education_history',
	'resume_document',
	'learning',
	'feedback',
	'goal',
	'project',
	'ticket',
	'certificate',
	'skill_notes',
	'skill_profile_feedback',
] as const;

/** The `content` fields the pages show per Skill Event type; the other types' fields are not in the copies. */
export const SKILL_EVENT_CONTENT: Partial<Record<(typeof SKILL_EVENT_TYPES)[number], ObjectSchema>> = {
	working_history: object({
		job_title: required(string({ minLength: 1 })),
		job_description: optional(string()),
		start_date: optional(string({ note: 'ISO 8601 presumed: the format is not shown' })),
		end_date: optional(nullable(string({ note: 'absent or null for the current job (presumed)' }))),
		company: optional(string()),
	}),
	education_history: object({ degree_name: required(string({ minLength: 1 })) }),
	learning: object({
		learning_title: required(string({ minLength: 1 })),
		learning_description: optional(string()),
	}),
};

const OPEN_CONTENT = object(
	{},
	{ open: 'UNKNOWN: the pages do not show the content fields of this event type; any object is accepted' },
);

function skillEventVariant(type: (typeof SKILL_EVENT_TYPES)[number]): ObjectSchema {
	return object({
		external_id: required(EXTERNAL_ID),
		event_type: required(oneOf([type])),
		timestamp: required(TIMESTAMP),
		source: required(string({ minLength: 1 })),
		content: required(SKILL_EVENT_CONTENT[type] ?? OPEN_CONTENT),
	});
}

/** `language` of the text skills are extracted from: Create Employee and Add Skill Event. */
export const EXTRACTION_LANGUAGE: QueryParameter = { schema: oneOf(['auto', 'nl', 'fr', 'en', 'de']), required: true };

export const skillEventEndpoints: readonly Endpoint[] = [
	{
		id: 'employee.addSkillEvent',
		method: 'POST',
		path: '/employees/{employee_external_id}/skill_events',
		summary: 'Add a Skill Event (text TechWolf extracts skills from) to an employee',
		pages: [PAGES.skillEvents, PAGES.skillEventsTutorial],
		scope: 'write',
		pathParameters: { employee_external_id: EXTERNAL_ID },
		query: {
			language: EXTRACTION_LANGUAGE,
			strict: queryBoolean(false),
			end_active_jobs: queryBoolean(false),
		},
		body: union('event_type', Object.fromEntries(SKILL_EVENT_TYPES.map((type) => [type, skillEventVariant(type)]))),
		responses: {
			204: { description: 'Recorded' },
			...COMMON_ERRORS,
			404: { description: 'No such employee (the body is not shown: UNKNOWN)' },
			409: { description: 'A Skill Event with this external_id exists: re-posting does not update it' },
			422: { description: 'Skill extraction failed (the sandbox: strict=true and no skill found)' },
		},
		pagination: { style: 'none' },
		unknowns: [
			'Content fields are shown for working_history, education_history and learning only; the others take any object',
			'Which content fields are required is not shown: the sandbox requires the title-like field of each documented type',
			'external_id of the event: the path-id rule (1–100 of a-zA-Z0-9_-) is presumed to hold',
		],
	},
	{
		id: 'employee.getSkillEvents',
		method: 'GET',
		path: '/employees/{employee_external_id}/skill_events',
		summary: "An employee's Skill Events, optionally of some types only",
		pages: [PAGES.skillEventsTutorial, PAGES.skillEvents],
		scope: 'read',
		pathParameters: { employee_external_id: EXTERNAL_ID },
		query: {
			...OFFSET_QUERY,
			event_type: {
				schema: oneOf(SKILL_EVENT_TYPES),
				required: false,
				repeatable: true,
				note: 'the filter by event type is documented; its name (event_type, repeatable like include) is presumed',
			},
		},
		responses: {
			200: {
				description: 'A page of Skill Events (shape presumed: the offset envelope of GET /employees)',
				schema: object({
					count: required(integer({ minimum: 0 })),
					results: required(
						array(
							object(
								{
									external_id: required(string()),
									event_type: required(oneOf(SKILL_EVENT_TYPES)),
									timestamp: required(TIMESTAMP),
									source: required(string()),
									content: optional(object({}, { open: 'the content as posted' })),
								},
								{ open: 'the answer is not in the copies' },
							),
						),
					),
				}),
			},
			...COMMON_ERRORS,
			404: { description: 'No such employee (the body is not shown: UNKNOWN)' },
		},
		pagination: { style: 'offset', note: OFFSET_NOTE },
		unknowns: [
			'Only the existence of a List Skill Events endpoint that filters by event type is in the copies: the path (GET on the Create path), the filter name, the offset pagination and the answer are choices, made to match GET /employees',
		],
	},
];
