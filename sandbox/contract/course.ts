/** Courses: only the skill profile, and TechWolf's reference copies do not show it. */
import { COMMON_ERRORS, EXTERNAL_ID, PAGES, VOCAB_LANGUAGE } from './common';
import { unknown, type Endpoint } from './schema';

export const courseEndpoints: readonly Endpoint[] = [
	{
		id: 'course.getSkillProfile',
		method: 'GET',
		path: '/courses/{external_id}/skill_profile',
		summary: "A course's skill profile",
		pages: [PAGES.webhookEventTypes],
		scope: 'read',
		pathParameters: { external_id: EXTERNAL_ID },
		query: {
			vocab_language: {
				...VOCAB_LANGUAGE,
				note: 'UNKNOWN: the course page is not in the copies; taken as on every other skill profile',
			},
		},
		responses: {
			200: {
				description: 'The profile',
				schema: unknown('UNKNOWN: not in the copies; the sandbox answers {external_id, skills: [{skill, skill_id}]}'),
			},
			...COMMON_ERRORS,
			404: { description: 'No such course (the body is not shown: UNKNOWN)' },
		},
		pagination: { style: 'none' },
		unknowns: [
			"Path from the Course Skill Profile Updated event's suggested action (the Event Types page); the reference page it links is not in the copies",
			'Query parameters and answer are UNKNOWN; vocab_language is the only parameter accepted, as the node offers it',
		],
	},
];
