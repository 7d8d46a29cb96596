/**
 * The one catalog of TechWolf webhook events (TechWolf docs, "Event Types"). The trigger builds its event list,
 * item fields and type filter from it; the action node's Event → Get Resource uses `resolvedBy` to call the API that
 * returns the authoritative state. Add a new event type here and both nodes pick it up.
 */

/** Which identifiers an event's `data` carries besides `tenant_name`. */
export type EventDataShape = 'entity' | 'skill' | 'taxonomyChange' | 'none';

/** The action-node operation that fetches the state behind an event (see nodes/TechWolf/actions). */
export type ResolvedBy =
	| { resource: 'employee'; operation: 'getSkillProfile' }
	| { resource: 'job'; operation: 'getSkillProfile' }
	| { resource: 'course'; operation: 'getSkillProfile' }
	| { resource: 'skill'; operation: 'get' }
	| { resource: 'taxonomy'; operation: 'exportChanges' }
	| { resource: 'none' };

export interface CatalogEntry {
	/** Full CloudEvent `type`, version suffix included. */
	type: string;
	/** Short, stable name used in items and on the command line, e.g. `employee.skill_profile.updated`. */
	name: string;
	/** Human title, as in TechWolf's docs. */
	label: string;
	/** What the entity is in TechWolf's terms; `tenant` for tenant-wide events. */
	entity: 'employee' | 'job' | 'course' | 'skill' | 'taxonomy' | 'tenant';
	/** What changed, e.g. `skill_profile.suggested_updated`. */
	change: string;
	version: number | null;
	group: 'Employee' | 'Job' | 'Course' | 'Taxonomy' | 'Health Check';
	description: string;
	data: EventDataShape;
	/** The API call TechWolf documents for this event, for people (README, UI, items). */
	apiCall: string;
	resolvedBy: ResolvedBy;
}

export const HEALTH_CHECK_TYPE = 'ai.techwolf.health_check';

export const EVENT_CATALOG = [
	{
		type: 'ai.techwolf.employee.skill_profile.updated.v1',
		name: 'employee.skill_profile.updated',
		label: 'Employee Skill Profile Updated',
		entity: 'employee',
		change: 'skill_profile.updated',
		version: 1,
		group: 'Employee',
		description:
			'Inference completed for an employee, skills were validated or rejected, or attributes of validated skills changed',
		data: 'entity',
		apiCall: 'GET /employees/{external_id}/skill_profile',
		resolvedBy: { resource: 'employee', operation: 'getSkillProfile' },
	},
	{
		type: 'ai.techwolf.employee.skill_profile.suggested_updated.v1',
		name: 'employee.skill_profile.suggested_updated',
		label: 'Employee Suggested Skill Profile Updated',
		entity: 'employee',
		change: 'skill_profile.suggested_updated',
		version: 1,
		group: 'Employee',
		description: 'The suggested (inferred, not yet validated) skills of an employee changed',
		data: 'entity',
		apiCall: 'GET /employees/{external_id}/skill_profile (skills with validation_state "suggested")',
		resolvedBy: { resource: 'employee', operation: 'getSkillProfile' },
	},
	{
		type: 'ai.techwolf.job_architecture.job.skill_profile.updated.v1',
		name: 'job.skill_profile.updated',
		label: 'Job Skill Profile Updated',
		entity: 'job',
		change: 'skill_profile.updated',
		version: 1,
		group: 'Job',
		description:
			'Inference completed for a job, skills were validated or rejected, or attributes of validated skills changed',
		data: 'entity',
		apiCall: 'GET /job_architecture/jobs/{external_id}/skill_profile',
		resolvedBy: { resource: 'job', operation: 'getSkillProfile' },
	},
	{
		type: 'ai.techwolf.job_architecture.job.skill_profile.suggested_updated.v1',
		name: 'job.skill_profile.suggested_updated',
		label: 'Job Suggested Skill Profile Updated',
		entity: 'job',
		change: 'skill_profile.suggested_updated',
		version: 1,
		group: 'Job',
		description: 'The suggested (inferred, not yet validated) skills of a job changed',
		data: 'entity',
		apiCall: 'GET /job_architecture/jobs/{external_id}/skill_profile (skills with validation_state "suggested")',
		resolvedBy: { resource: 'job', operation: 'getSkillProfile' },
	},
	{
		type: 'ai.techwolf.course.skill_profile.updated.v1',
		name: 'course.skill_profile.updated',
		label: 'Course Skill Profile Updated',
		entity: 'course',
		change: 'skill_profile.updated',
		version: 1,
		group: 'Course',
		description: 'Skills were added to or removed from a course',
		data: 'entity',
		apiCall: 'GET /courses/{external_id}/skill_profile',
		resolvedBy: { resource: 'course', operation: 'getSkillProfile' },
	},
	{
		type: 'ai.techwolf.taxonomy.skill.created.v1',
		name: 'taxonomy.skill.created',
		label: 'Skill Created',
		entity: 'skill',
		change: 'created',
		version: 1,
		group: 'Taxonomy',
		description: 'A skill was added to the TechWolf vocabulary, or a custom skill was created',
		data: 'skill',
		apiCall: 'GET /taxonomy/skills/{external_id}?external_vendor={external_vendor}',
		resolvedBy: { resource: 'skill', operation: 'get' },
	},
	{
		type: 'ai.techwolf.taxonomy.skill.updated.v1',
		name: 'taxonomy.skill.updated',
		label: 'Skill Updated',
		entity: 'skill',
		change: 'updated',
		version: 1,
		group: 'Taxonomy',
		description: 'A skill in the vocabulary, or a custom skill, was updated',
		data: 'skill',
		apiCall: 'GET /taxonomy/skills/{external_id}?external_vendor={external_vendor}',
		resolvedBy: { resource: 'skill', operation: 'get' },
	},
	{
		type: 'ai.techwolf.taxonomy.skill.deleted.v1',
		name: 'taxonomy.skill.deleted',
		label: 'Skill Deleted',
		entity: 'skill',
		change: 'deleted',
		version: 1,
		group: 'Taxonomy',
		description: 'A skill was removed from the vocabulary, or a custom skill was deleted (the API then answers 404)',
		data: 'skill',
		apiCall: 'GET /taxonomy/skills/{external_id}?external_vendor={external_vendor} (404 confirms the deletion)',
		resolvedBy: { resource: 'skill', operation: 'get' },
	},
	{
		type: 'ai.techwolf.taxonomy.updated.v1',
		name: 'taxonomy.updated',
		label: 'Taxonomy Updated',
		entity: 'taxonomy',
		change: 'updated',
		version: 1,
		group: 'Taxonomy',
		description: "The tenant's skills taxonomy or vocabulary changed",
		data: 'taxonomyChange',
		apiCall: 'POST /taxonomy/export filtered by operation_type and external_id',
		resolvedBy: { resource: 'taxonomy', operation: 'exportChanges' },
	},
	{
		type: HEALTH_CHECK_TYPE,
		name: 'health_check',
		label: 'Health Check',
		entity: 'tenant',
		change: 'health_check',
		version: null,
		group: 'Health Check',
		description: 'TechWolf checks that the endpoint is live; answered automatically',
		data: 'none',
		apiCall: 'none',
		resolvedBy: { resource: 'none' },
	},
] as const satisfies readonly CatalogEntry[];

export type TechWolfEventType = (typeof EVENT_CATALOG)[number]['type'];

const byType = new Map<string, CatalogEntry>(EVENT_CATALOG.map((entry) => [entry.type, entry]));
const byName = new Map<string, CatalogEntry>(EVENT_CATALOG.map((entry) => [entry.name, entry]));

/** The catalog entry for a CloudEvent `type`, or undefined for a type (or version) this package does not know. */
export function findEventType(type: string): CatalogEntry | undefined {
	return byType.get(type);
}

/** Looks an event up by full type or short name (`employee.skill_profile.updated`). */
export function findEvent(typeOrName: string): CatalogEntry | undefined {
	return byType.get(typeOrName) ?? byName.get(typeOrName);
}

/**
 * Splits an unknown type such as `ai.techwolf.employee.skill_profile.archived.v2` into name and version, so that items
 * of future event types still carry meaningful fields when the user opts to emit them.
 */
export function describeUnknownType(type: string): { name: string; version: number | null; entity: string } {
	const withoutPrefix = type.startsWith('ai.techwolf.') ? type.slice('ai.techwolf.'.length) : type;
	const versionMatch = /\.v(\d{1,6})$/.exec(withoutPrefix);
	const name = versionMatch ? withoutPrefix.slice(0, versionMatch.index) : withoutPrefix;
	const entity =
		name.split('.')[0] === 'job_architecture' ? (name.split('.')[1] ?? name) : (name.split('.')[0] ?? name);
	return { name, version: versionMatch ? Number(versionMatch[1]) : null, entity };
}
