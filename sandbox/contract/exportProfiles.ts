/**
 * The bulk exports a skills team reads besides skill profiles: employees' skill clusters and task profiles, the job
 * architecture's suggestions, task profiles, market skill profiles and market alignment (`techwolf.openapi.yaml`
 * holds the same facts). Every one pages by keyset, 1–100 records a page where the page gives a range.
 */
import { COMMON_ERRORS, EXTERNAL_ID, REF, keysetPage } from './common';
import {
	array,
	boolean,
	integer,
	number,
	object,
	oneOf,
	optional,
	required,
	string,
	union,
	type Endpoint,
	type ObjectSchema,
	type Property,
	type Schema,
} from './schema';

const EMPLOYEE_EXPORT = `${REF}/Export/ExportEmployeesSkillClusters`;
const JOB_EXPORT = `${REF}/Export/JobArchitectureExport`;

const limit = (note: string): Property => optional(integer({ minimum: 1, maximum: 100, note }));
const requiredLimit: Property = required(integer({ minimum: 1, maximum: 100 }));
const STARTING_AFTER: Property = optional(string({ minLength: 1, maxLength: 100, nullable: true }));

const IS_ACTIVE_FILTERS: Property = optional(
	array(
		union('filter', {
			is_active: object({ filter: required(oneOf(['is_active'])), is_active: required(boolean()) }),
		}),
	),
);

const JOB_FILTERS: Property = optional(
	array(
		union('filter', {
			last_updated: object({
				filter: required(oneOf(['last_updated'])),
				value: required(string({ format: 'date', note: 'a date in every example (2022-01-01)' })),
				operator: required(oneOf(['lt', 'gt'], { note: 'lt shown; gt UNKNOWN, accepted' })),
			}),
			job_family_id_is_in_list: object({
				filter: required(oneOf(['job_family_id_is_in_list'])),
				job_family_ids: required(array(EXTERNAL_ID, { minItems: 1 })),
			}),
		}),
	),
);

const LINKED_SKILL = object({ skill_id: required(string()), skill: required(string()) });

const TASK: ObjectSchema = object({
	task_id: required(string()),
	task: required(string()),
	validation_state: optional(string()),
	weekly_hours: optional(number({ minimum: 0 })),
	ai_impact: optional(object({ level: required(string()), rationale: required(string()) })),
	linked_skills: optional(array(LINKED_SKILL)),
	source_events: optional(
		array(object({ external_id: required(string()), event_type: required(string()) }, { open: 'source shown' })),
	),
	source_data: optional(array(object({}, { open: 'UNKNOWN: not shown' }))),
});

const CLUSTER_SKILL = object({
	name: required(string()),
	skill_id: required(string()),
	validation_state: optional(string()),
	skill_sources: optional(array(string())),
});

function exportEntry(
	id: string,
	path: string,
	page: string,
	summary: string,
	query: Endpoint['query'],
	body: Record<string, Property>,
	record: Schema,
	unknowns: string[],
): Endpoint {
	return {
		id,
		method: 'POST',
		path,
		summary,
		pages: [page],
		scope: 'read',
		pathParameters: {},
		query,
		body: object(body),
		bodyOptional: 'the examples send a body; a missing one is taken as {}',
		responses: { 200: { description: 'A page of records', schema: keysetPage(record) }, ...COMMON_ERRORS },
		pagination: { style: 'keyset', note: "body limit and starting_after (the previous page's next_starting_after)" },
		unknowns,
	};
}

const listFormat = { response_format: { schema: oneOf(['list', 'hierarchy']), required: false, default: 'list' } };

export const exportProfileEndpoints: readonly Endpoint[] = [
	exportEntry(
		'export.employeeSkillClusters',
		'/export/employees/skill_clusters',
		`${EMPLOYEE_EXPORT}/post-export-employees-skill-clusters`,
		"Employees' skill clusters with a proficiency level, in creation order",
		{},
		{
			limit: limit('UNKNOWN: not rendered; 1–100 as the sibling employee exports'),
			starting_after: STARTING_AFTER,
			filters: IS_ACTIVE_FILTERS,
			include: optional(
				array(string({ minLength: 1, note: 'sources, current_skills, related_skills, rejected_skills shown' })),
			),
		},
		object({
			external_id: required(EXTERNAL_ID),
			skill_clusters: required(
				array(
					object({
						skill_cluster_id: required(string()),
						skill_cluster_name: required(string()),
						domain_name: optional(string()),
						proficiency_level: optional(integer()),
						validation_state: optional(string()),
						current_skills: optional(array(CLUSTER_SKILL)),
						related_skills: optional(array(CLUSTER_SKILL)),
					}),
				),
			),
		}),
		['Query parameters, the limit range and the last_updated filter shape are not stored'],
	),
	exportEntry(
		'export.employeeTaskProfiles',
		'/export/employees/task_profiles',
		`${EMPLOYEE_EXPORT}/post-export-employees-task-profiles`,
		"Employees' tasks with weekly hours, AI impact and linked skills",
		listFormat,
		{
			limit: requiredLimit,
			starting_after: STARTING_AFTER,
			include: optional(array(string({ minLength: 1, note: 'ai_impact, source_events shown' }))),
			filters: IS_ACTIVE_FILTERS,
		},
		object({ external_id: required(EXTERNAL_ID), tasks: required(array(TASK)) }),
		['The include options beyond the example; the hierarchy shape'],
	),
	exportEntry(
		'export.jobSuggestions',
		'/job_architecture/export/suggestions',
		`${JOB_EXPORT}/post-job-architecture-export-suggestions`,
		'Suggestions for the job architecture (skills to add, proficiencies to set), by state',
		{
			category: { schema: oneOf(['skills', 'tasks']), required: false, default: 'skills' },
			external_vendor: { schema: oneOf(['techwolf', 'workday', 'sap_attribute_library']), required: false },
		},
		{
			limit: limit('1–100, default 10'),
			starting_after: STARTING_AFTER,
			response_format: optional(oneOf(['list'], { note: 'a grouped format is mentioned, not shown' })),
			filters: optional(
				array(
					union('filter', {
						state_is_in_list: object({
							filter: required(oneOf(['state_is_in_list'])),
							states: required(array(string({ minLength: 1 }), { minItems: 1 })),
						}),
						job_family_id_is_in_list: object({
							filter: required(oneOf(['job_family_id_is_in_list'])),
							job_family_ids: required(array(EXTERNAL_ID, { minItems: 1 })),
						}),
					}),
				),
			),
		},
		object({
			suggestion_id: required(string()),
			job_id: required(string()),
			skill_id: optional(string()),
			skill: optional(string()),
			domain_name: optional(string()),
			suggestion_type: required(string({ note: 'add_job_skill, set_job_skill_proficiency shown' })),
			state: required(string({ note: 'suggested shown' })),
			data: optional(object({}, { open: 'per suggestion type' })),
		}),
		['suggestion_type and state values beyond the example'],
	),
	exportEntry(
		'export.jobTaskProfiles',
		'/job_architecture/export/jobs/task_profiles',
		`${JOB_EXPORT}/post-job-architecture-export-jobs-task-profiles`,
		"Jobs' task profiles, oldest job first (experimental on TechWolf's side)",
		{
			external_vendor: { schema: oneOf(['techwolf', 'workday', 'sap_attribute_library']), required: false },
			response_format: { schema: oneOf(['list', 'hierarchy']), required: false },
		},
		{
			limit: limit('1–100'),
			starting_after: STARTING_AFTER,
			include: optional(array(oneOf(['ai_impact', 'source_data', 'linked_skills', 'rejected_tasks', 'weekly_hours']))),
			filters: JOB_FILTERS,
		},
		object({ external_id: required(EXTERNAL_ID), tasks: required(array(TASK)) }),
		["The filters' shapes (the job export's are accepted); the record shape beyond the tasks"],
	),
	exportEntry(
		'export.jobMarketSkillProfiles',
		'/job_architecture/export/jobs/market_skill_profiles',
		`${JOB_EXPORT}/post-job-architecture-export-jobs-market-skill-profiles`,
		"The skills the external market asks for in each job's peer groups",
		{
			...listFormat,
			external_vendor: { schema: oneOf(['techwolf', 'workday', 'sap_attribute_library']), required: false },
		},
		{
			limit: limit('UNKNOWN: not stored; 1–100 as the sibling job exports'),
			starting_after: STARTING_AFTER,
			filters: JOB_FILTERS,
			output_skills_sorting: optional(oneOf(['alphabetical', 'confidence'])),
		},
		object({
			external_id: required(EXTERNAL_ID),
			peer_groups: required(array(object({ peer_group: required(string()), skills: required(array(LINKED_SKILL)) }))),
		}),
		['external_vendor options (cut; default techwolf); the body constraints'],
	),
	exportEntry(
		'export.jobMarketAlignment',
		'/job_architecture/export/jobs/market_alignment',
		`${JOB_EXPORT}/post-job-architecture-export-jobs-market-alignment`,
		"How well each job's skills align with its peer groups in the market",
		{ response_format: { schema: oneOf(['simple', 'explained']), required: false, default: 'simple' } },
		{ limit: requiredLimit, starting_after: STARTING_AFTER, filters: JOB_FILTERS },
		object({
			job_id: required(EXTERNAL_ID),
			alignment_scores: required(
				array(
					object({
						peer_group: required(string()),
						job_to_peer_score: required(number()),
						peer_to_job_score: required(number()),
					}),
				),
			),
		}),
		["The scores' scale; the explained format's extra fields"],
	),
];
