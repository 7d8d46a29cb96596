/**
 * The one catalog of TechWolf webhook events (TechWolf docs, "Event Types"). The trigger builds its event list,
 * item fields and type filter from it; the action node's Event → Get Resource uses `resolvedBy` to call the API that
 * returns the authoritative state. Add a new event type here and both nodes pick it up.
 *
 * Each entry is written with what only TechWolf's docs can say (label, group, description, data, which operation
 * resolves it); its name, entity, change and version are read from its `type` by describeType(), the same reading
 * items of types this package does not know get, and its `apiCall` comes from the API paths (nodes/shared/apiPaths.ts).
 */
import { SKILL_PROFILE_PATH, skillPath, TAXONOMY_EXPORT_PATH } from '../apiPaths';

/** Which identifiers an event's `data` carries besides `tenant_name`. */
export type EventDataShape = 'entity' | 'skill' | 'taxonomyChange' | 'none';

/** The action-node operation that fetches the state behind an event (see nodes/TechWolf/actions). */
export type ResolvedBy =
	| { resource: 'employee'; operation: 'getSkillProfile' }
	| {
			resource: 'job';
			operation: 'getSkillProfile';
			/** Query parameters the call needs for the answer to hold what the event is about. */
			query?: { include: 'skill_validation_state' };
	  }
	| { resource: 'course'; operation: 'getSkillProfile' }
	| { resource: 'skill'; operation: 'get' }
	| { resource: 'taxonomy'; operation: 'exportChanges' }
	| { resource: 'none' };

/** What a catalog entry says that its type cannot. */
interface EventDefinition {
	/** Full CloudEvent `type`, version suffix included. */
	type: string;
	/** Human title, as in TechWolf's docs. */
	label: string;
	group: 'Employee' | 'Job' | 'Course' | 'Taxonomy' | 'Health Check';
	description: string;
	data: EventDataShape;
	resolvedBy: ResolvedBy;
	/** What to read in the answer of the resolving call, when not all of it. */
	apiNote?: string;
}

/** What an event type says about itself (describeType()). */
export interface TypeDescription {
	/** Short, stable name used in items and on the command line, e.g. `employee.skill_profile.updated`. */
	name: string;
	/** What the entity is in TechWolf's terms; `tenant` for tenant-wide events. */
	entity: string;
	/** What changed, e.g. `skill_profile.suggested_updated`. */
	change: string;
	version: number | null;
}

export interface CatalogEntry extends Omit<EventDefinition, 'apiNote'>, TypeDescription {
	entity: 'employee' | 'job' | 'course' | 'skill' | 'taxonomy' | 'tenant';
	/** The API call TechWolf documents for this event, for people (README, UI, items). */
	apiCall: string;
}

export const HEALTH_CHECK_TYPE = 'ai.techwolf.health_check';

export const EVENT_DEFINITIONS = [
	{
		type: 'ai.techwolf.employee.skill_profile.updated.v1',
		label: 'Employee Skill Profile Updated',
		group: 'Employee',
		description:
			'Inference completed for an employee, skills were validated or rejected, or attributes of validated skills changed',
		data: 'entity',
		resolvedBy: { resource: 'employee', operation: 'getSkillProfile' },
	},
	{
		type: 'ai.techwolf.employee.skill_profile.suggested_updated.v1',
		label: 'Employee Suggested Skill Profile Updated',
		group: 'Employee',
		description: 'The suggested (inferred, not yet validated) skills of an employee changed',
		data: 'entity',
		apiNote: 'skills with validation_state "suggested"',
		resolvedBy: { resource: 'employee', operation: 'getSkillProfile' },
	},
	{
		type: 'ai.techwolf.job_architecture.job.skill_profile.updated.v1',
		label: 'Job Skill Profile Updated',
		group: 'Job',
		description:
			'Inference completed for a job, skills were validated or rejected, or attributes of validated skills changed',
		data: 'entity',
		// As for the suggested profile below: without it a job's skills carry no validation_state to tell them apart.
		resolvedBy: { resource: 'job', operation: 'getSkillProfile', query: { include: 'skill_validation_state' } },
	},
	{
		type: 'ai.techwolf.job_architecture.job.skill_profile.suggested_updated.v1',
		label: 'Job Suggested Skill Profile Updated',
		group: 'Job',
		description: 'The suggested (inferred, not yet validated) skills of a job changed',
		data: 'entity',
		apiNote: 'skills with validation_state "suggested"',
		// The Job skill profile page: validation_state comes back only with include=skill_validation_state.
		resolvedBy: { resource: 'job', operation: 'getSkillProfile', query: { include: 'skill_validation_state' } },
	},
	{
		type: 'ai.techwolf.course.skill_profile.updated.v1',
		label: 'Course Skill Profile Updated',
		group: 'Course',
		description: 'Skills were added to or removed from a course',
		data: 'entity',
		resolvedBy: { resource: 'course', operation: 'getSkillProfile' },
	},
	{
		type: 'ai.techwolf.taxonomy.skill.created.v1',
		label: 'Skill Created',
		group: 'Taxonomy',
		description: 'A skill was added to the TechWolf vocabulary, or a custom skill was created',
		data: 'skill',
		resolvedBy: { resource: 'skill', operation: 'get' },
	},
	{
		type: 'ai.techwolf.taxonomy.skill.updated.v1',
		label: 'Skill Updated',
		group: 'Taxonomy',
		description: 'A skill in the vocabulary, or a custom skill, was updated',
		data: 'skill',
		resolvedBy: { resource: 'skill', operation: 'get' },
	},
	{
		type: 'ai.techwolf.taxonomy.skill.deleted.v1',
		label: 'Skill Deleted',
		group: 'Taxonomy',
		description: 'A skill was removed from the vocabulary, or a custom skill was deleted (the API then answers 404)',
		data: 'skill',
		apiNote: '404 confirms the deletion',
		resolvedBy: { resource: 'skill', operation: 'get' },
	},
	{
		type: 'ai.techwolf.taxonomy.updated.v1',
		label: 'Taxonomy Updated',
		group: 'Taxonomy',
		description: "The tenant's skills taxonomy or vocabulary changed",
		data: 'taxonomyChange',
		resolvedBy: { resource: 'taxonomy', operation: 'exportChanges' },
	},
	{
		type: HEALTH_CHECK_TYPE,
		label: 'Health Check',
		group: 'Health Check',
		description: 'TechWolf checks that the endpoint is live; answered automatically',
		data: 'none',
		resolvedBy: { resource: 'none' },
	},
] as const satisfies readonly EventDefinition[];

const TYPE_PREFIX = 'ai.techwolf.';

/** Entities TechWolf names under a namespace, and how short names spell them. */
const NAMESPACED_ENTITIES = [
	{ segments: 'job_architecture.job.', entity: 'job', name: 'job.' },
	{ segments: 'taxonomy.skill.', entity: 'skill', name: 'taxonomy.skill.' },
];

/**
 * Reads name, entity, change and version from a type such as `ai.techwolf.employee.skill_profile.archived.v2`, for
 * the catalog's entries and for items of future event types alike. A type of one segment is tenant-wide.
 */
export function describeType(type: string): TypeDescription {
	const withoutPrefix = type.startsWith(TYPE_PREFIX) ? type.slice(TYPE_PREFIX.length) : type;
	const versionMatch = /\.v(\d{1,6})$/.exec(withoutPrefix);
	const path = versionMatch ? withoutPrefix.slice(0, versionMatch.index) : withoutPrefix;
	const version = versionMatch ? Number(versionMatch[1]) : null;
	const namespaced = NAMESPACED_ENTITIES.find(({ segments }) => path.startsWith(segments));
	if (namespaced) {
		const change = path.slice(namespaced.segments.length);
		return { name: namespaced.name + change, entity: namespaced.entity, change, version };
	}
	const separator = path.indexOf('.');
	if (separator < 0) return { name: path, entity: 'tenant', change: path, version };
	return { name: path, entity: path.slice(0, separator), change: path.slice(separator + 1), version };
}

/** The call that returns the state behind an event, for each resolving resource; `{external_id}` is filled in per item. */
const API_CALL: Record<ResolvedBy['resource'], string> = {
	employee: `GET ${SKILL_PROFILE_PATH.employee('{external_id}')}`,
	job: `GET ${SKILL_PROFILE_PATH.job('{external_id}')}`,
	course: `GET ${SKILL_PROFILE_PATH.course('{external_id}')}`,
	skill: `GET ${skillPath('{external_id}')}?external_vendor={external_vendor}`,
	taxonomy: `POST ${TAXONOMY_EXPORT_PATH} filtered by operation_type and external_id`,
	none: 'none',
};

function catalogEntry({ apiNote, ...definition }: EventDefinition): CatalogEntry {
	const query = 'query' in definition.resolvedBy ? definition.resolvedBy.query : undefined;
	const apiCall = `${API_CALL[definition.resolvedBy.resource]}${query ? `?${new URLSearchParams(query).toString()}` : ''}`;
	return {
		...definition,
		...(describeType(definition.type) as TypeDescription & Pick<CatalogEntry, 'entity'>),
		apiCall: apiNote ? `${apiCall} (${apiNote})` : apiCall,
	};
}

export const EVENT_CATALOG: readonly CatalogEntry[] = EVENT_DEFINITIONS.map(catalogEntry);

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
