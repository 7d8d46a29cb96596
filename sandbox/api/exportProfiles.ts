/**
 * The skills team's bulk exports (operations of `contract/techwolf.openapi.yaml`): employees' skill clusters and task
 * profiles; the job architecture's suggestions, task profiles, market skill profiles and market alignment.
 */
import { stableUuid, type EmployeeRecord, type JobRecord, type SandboxData, type TaxonomySkill } from '../data';
import { MARKET_PEER_GROUPS } from '../fixtures/market';
import { JOB_TASKS, UNIT_TASKS, type TaskSeed } from '../fixtures/tasks';
import { employeeProfile } from './employeeRecords';
import { domainName } from './job';
import { clusterSkills } from './skillCluster';
import {
	badRequest,
	bodyOf,
	keysetPage,
	localisedName,
	ok,
	requireListFormat,
	vendorCounterpart,
	vocabulary,
	vocabularyOf,
	type Handler,
} from './shared';

interface KeysetBody {
	limit?: number;
	starting_after?: string | null;
	include?: string[];
}

type EmployeeFilter = { filter: 'is_active'; is_active: boolean };
type JobFilter =
	| { filter: 'last_updated'; value: string; operator: 'lt' | 'gt' }
	| { filter: 'job_family_id_is_in_list'; job_family_ids: string[] };

/** TechWolf's default page size where a page gives one (10, the suggestions export); the same elsewhere. */
const DEFAULT_LIMIT = 10;

const byId = (a: { external_id: string }, b: { external_id: string }) =>
	a.external_id < b.external_id ? -1 : a.external_id > b.external_id ? 1 : 0;

/** Employees in the order the employee exports use, filtered by `is_active`, one keyset page. */
function employeesPage(data: SandboxData, body: KeysetBody & { filters?: EmployeeFilter[] }) {
	const employees = [...data.employees.values()]
		.filter((employee) => (body.filters ?? []).every((filter) => employee.active === filter.is_active))
		.sort(byId);
	return keysetPage(
		employees,
		(employee: EmployeeRecord) => employee.external_id,
		(employee) => employee.external_id,
		body.starting_after ?? undefined,
		body.limit ?? DEFAULT_LIMIT,
	);
}

const jobSortKey = (job: JobRecord) => String(job.sequence).padStart(10, '0');

function jobMatches(job: JobRecord, filter: JobFilter): boolean {
	if (filter.filter === 'job_family_id_is_in_list') {
		return job.job_family_id !== null && filter.job_family_ids.includes(job.job_family_id);
	}
	const [updated, bound] = [Date.parse(job.last_updated), Date.parse(filter.value)];
	return filter.operator === 'lt' ? updated < bound : updated > bound;
}

/** Jobs in creation order, filtered, one keyset page; `starting_after` is the last job's external_id. */
function jobsPage(data: SandboxData, body: KeysetBody & { filters?: JobFilter[] }) {
	let cursorKey: string | undefined;
	if (body.starting_after) {
		const after = data.jobs.get(body.starting_after);
		if (!after) throw badRequest(`starting_after "${body.starting_after}" is not the external_id of a job`);
		cursorKey = jobSortKey(after);
	}
	const jobs = [...data.jobs.values()]
		.filter((job) => (body.filters ?? []).every((filter) => jobMatches(job, filter)))
		.sort((a, b) => a.sequence - b.sequence);
	return keysetPage(jobs, jobSortKey, (job) => job.external_id, cursorKey, body.limit ?? DEFAULT_LIMIT);
}

function techwolfSkillNamed(data: SandboxData, name: string): TaxonomySkill {
	for (const skill of vocabulary(data, 'techwolf').values()) if (skill.record.default_skill_name === name) return skill;
	throw new Error(`Fixture skill "${name}" is not in the taxonomy`);
}

const linkedSkill = (data: SandboxData, name: string) => {
	const skill = techwolfSkillNamed(data, name);
	return { skill_id: skill.record.skill_id, skill: localisedName(skill, null) };
};

/** A task of the fixtures, with the fields `include` asks for (`all` where the page shows them unasked). */
function taskView(data: SandboxData, owner: string, seed: TaskSeed, includes: Set<string> | 'all') {
	const wants = (field: string) => includes === 'all' || includes.has(field);
	return {
		task_id: stableUuid(`task:${seed.task}`),
		task: seed.task,
		validation_state: 'validated',
		...(wants('weekly_hours') ? { weekly_hours: seed.weekly_hours } : {}),
		...(wants('ai_impact') ? { ai_impact: { ...seed.ai_impact } } : {}),
		...(wants('linked_skills') ? { linked_skills: seed.skills.map((name) => linkedSkill(data, name)) } : {}),
		...(includes !== 'all' && includes.has('source_events')
			? { source_events: [{ external_id: `${owner}-TASKS`, event_type: 'working_history' }] }
			: {}),
	};
}

const exportEmployeeSkillClusters: Handler = (request, data) => {
	const body = bodyOf<KeysetBody & { filters?: EmployeeFilter[] }>(request);
	const includes = new Set(body.include ?? []);
	const page = employeesPage(data, body);
	const records = page.records.map((employee) => {
		const skills = employeeProfile(data, employee.external_id).skills.filter(
			(skill) => skill.validation_state !== 'rejected' || includes.has('rejected_skills'),
		);
		const clusters = new Map<string, typeof skills>();
		for (const stored of skills) {
			const clusterId = vendorCounterpart(data, 'techwolf', stored.skill_id)?.record.taxonomy_skill_cluster_id;
			if (clusterId) clusters.set(clusterId, [...(clusters.get(clusterId) ?? []), stored]);
		}
		return {
			external_id: employee.external_id,
			skill_clusters: [...clusters].map(([clusterId, held]) => {
				const members = clusterSkills(data, clusterId);
				const heldIds = new Set(held.map((stored) => stored.skill_id));
				const first = members[0] as TaxonomySkill;
				const levels = held.map((stored) => stored.inferred_proficiency_level ?? 0);
				const clusterSkill = (skill: TaxonomySkill, stored?: (typeof held)[number]) => ({
					name: localisedName(skill, null),
					skill_id: skill.record.skill_id,
					...(stored ? { validation_state: stored.validation_state } : {}),
					...(stored && includes.has('sources') ? { skill_sources: [...stored.sources] } : {}),
				});
				return {
					skill_cluster_id: clusterId,
					skill_cluster_name: first.record.taxonomy_skill_cluster_name,
					domain_name: first.record.taxonomy_domain_name,
					proficiency_level: Math.max(...levels),
					validation_state: held.some((stored) => stored.validation_state === 'validated') ? 'validated' : 'suggested',
					...(includes.has('current_skills')
						? {
								current_skills: held.map((stored) =>
									clusterSkill(vendorCounterpart(data, 'techwolf', stored.skill_id) as TaxonomySkill, stored),
								),
							}
						: {}),
					...(includes.has('related_skills')
						? {
								related_skills: members
									.filter((skill) => !heldIds.has(skill.record.skill_id))
									.map((skill) => clusterSkill(skill)),
							}
						: {}),
				};
			}),
		};
	});
	return ok({ ...page, records });
};

const exportEmployeeTaskProfiles: Handler = (request, data) => {
	requireListFormat(request.query);
	const body = bodyOf<KeysetBody & { filters?: EmployeeFilter[] }>(request);
	const includes = new Set(body.include ?? []);
	const page = employeesPage(data, body);
	// The page's example shows weekly hours and linked skills without asking; ai_impact and source_events on request.
	const shown = new Set(['weekly_hours', 'linked_skills', ...includes]);
	return ok({
		...page,
		records: page.records.map((employee) => ({
			external_id: employee.external_id,
			tasks: (UNIT_TASKS[employee.organisational_unit ?? ''] ?? []).map((seed) =>
				taskView(data, employee.external_id, seed, shown),
			),
		})),
	});
};

interface Suggestion {
	record: {
		suggestion_id: string;
		job_id: string;
		skill_id: string;
		skill: string;
		domain_name: string;
		suggestion_type: 'add_job_skill';
		state: 'suggested';
		data: Record<string, never>;
	};
	/** Job sequence, then the suggestion's place: the export's order. */
	sortKey: string;
	jobFamilyId: string | null;
}

/** Every job's suggested skills as suggestions to add them, in job order. */
function jobSuggestions(data: SandboxData, vendor: ReturnType<typeof vocabularyOf>): Suggestion[] {
	return [...data.jobs.values()]
		.sort((a, b) => a.sequence - b.sequence)
		.flatMap((job) =>
			job.suggestions.flatMap((suggestion, index) => {
				const skill = vendorCounterpart(data, vendor, suggestion.skill_id);
				if (!skill) return [];
				return [
					{
						record: {
							suggestion_id: stableUuid(`suggestion:${job.external_id}:${suggestion.skill_id}`),
							job_id: job.external_id,
							skill_id: skill.record.skill_id,
							skill: localisedName(skill, null),
							domain_name: domainName(skill, null),
							suggestion_type: 'add_job_skill' as const,
							state: 'suggested' as const,
							data: {},
						},
						sortKey: `${jobSortKey(job)}|${String(index).padStart(4, '0')}`,
						jobFamilyId: job.job_family_id,
					},
				];
			}),
		);
}

type SuggestionFilter =
	{ filter: 'state_is_in_list'; states: string[] } | { filter: 'job_family_id_is_in_list'; job_family_ids: string[] };

const exportJobSuggestions: Handler = (request, data) => {
	const body = bodyOf<KeysetBody & { filters?: SuggestionFilter[] }>(request);
	// The sandbox's jobs have skill suggestions only; a task category is answered with none.
	const all = request.query.get('category') === 'tasks' ? [] : jobSuggestions(data, vocabularyOf(request.query));
	const matching = all.filter((suggestion) =>
		(body.filters ?? []).every((filter) =>
			filter.filter === 'state_is_in_list'
				? filter.states.includes(suggestion.record.state)
				: suggestion.jobFamilyId !== null && filter.job_family_ids.includes(suggestion.jobFamilyId),
		),
	);
	let cursorKey: string | undefined;
	if (body.starting_after) {
		const after = all.find((suggestion) => suggestion.record.suggestion_id === body.starting_after);
		if (!after) throw badRequest(`starting_after "${body.starting_after}" is not a suggestion_id`);
		cursorKey = after.sortKey;
	}
	const page = keysetPage(
		matching,
		(suggestion) => suggestion.sortKey,
		(suggestion) => suggestion.record.suggestion_id,
		cursorKey,
		body.limit ?? DEFAULT_LIMIT,
	);
	return ok({ ...page, records: page.records.map((suggestion) => suggestion.record) });
};

const exportJobTaskProfiles: Handler = (request, data) => {
	requireListFormat(request.query);
	const body = bodyOf<KeysetBody & { filters?: JobFilter[] }>(request);
	const includes = new Set(body.include ?? []);
	const page = jobsPage(data, body);
	return ok({
		...page,
		records: page.records.map((job) => ({
			external_id: job.external_id,
			tasks: (JOB_TASKS[job.external_id] ?? []).map((seed) => taskView(data, job.external_id, seed, includes)),
		})),
	});
};

const exportJobMarketSkillProfiles: Handler = (request, data) => {
	requireListFormat(request.query);
	const vendor = vocabularyOf(request.query);
	const body = bodyOf<KeysetBody & { filters?: JobFilter[]; output_skills_sorting?: string }>(request);
	const page = jobsPage(data, body);
	return ok({
		...page,
		records: page.records.map((job) => ({
			external_id: job.external_id,
			peer_groups: (MARKET_PEER_GROUPS[job.external_id] ?? []).map((group) => {
				const skills = group.skills.flatMap((name) => {
					const skill = vendorCounterpart(data, vendor, techwolfSkillNamed(data, name).record.skill_id);
					return skill ? [{ skill: localisedName(skill, null), skill_id: skill.record.skill_id }] : [];
				});
				if (body.output_skills_sorting === 'alphabetical') skills.sort((a, b) => a.skill.localeCompare(b.skill));
				return { peer_group: group.peer_group, skills };
			}),
		})),
	});
};

const exportJobMarketAlignment: Handler = (request, data) => {
	if ((request.query.get('response_format') ?? 'simple') !== 'simple') {
		throw badRequest('The sandbox implements response_format=simple only; TechWolf does not show the explained shape');
	}
	const body = bodyOf<KeysetBody & { filters?: JobFilter[] }>(request);
	const page = jobsPage(data, body);
	return ok({
		...page,
		records: page.records.map((job) => ({
			job_id: job.external_id,
			alignment_scores: (MARKET_PEER_GROUPS[job.external_id] ?? []).map((group) => ({
				peer_group: group.peer_group,
				job_to_peer_score: group.job_to_peer_score,
				peer_to_job_score: group.peer_to_job_score,
			})),
		})),
	});
};

export const exportProfileHandlers: Record<string, Handler> = {
	exportEmployeeSkillClusters: exportEmployeeSkillClusters,
	exportEmployeeTaskProfiles: exportEmployeeTaskProfiles,
	exportJobSuggestions: exportJobSuggestions,
	exportJobTaskProfiles: exportJobTaskProfiles,
	exportJobMarketSkillProfiles: exportJobMarketSkillProfiles,
	exportJobMarketAlignment: exportJobMarketAlignment,
};
