/** Employee routes (operations of `contract/techwolf.openapi.yaml`): CRUD, the skill profile, feedback and suggestions. */
import { randomUUID } from 'node:crypto';

import {
	EMPLOYEE_LIST_FIELDS,
	isoSeconds,
	type EmployeeRecord,
	type JsonValue,
	type SandboxData,
	type StoredEmployeeProfile,
	type StoredEmployeeSkill,
} from '../data';
import { employeeProfile, employeeSkillView, findEmployee, recordSkillEvent } from './employeeRecords';
import { addEvidence, extractSkillIds } from './extraction';
import {
	ApiError,
	badRequest,
	bodyOf,
	conflict,
	DEFAULT_PAGE_SIZE,
	localisedName,
	noContent,
	notFound,
	ok,
	requireListFormat,
	resolveFeedbackSkill,
	techwolfSkill,
	vendorCounterpart,
	vocabularyOf,
	type FeedbackSkill,
	type Handler,
	feedbackOf,
} from './shared';

function byLastUpdatedThenId(a: EmployeeRecord, b: EmployeeRecord): number {
	if (a.last_updated !== b.last_updated) return a.last_updated < b.last_updated ? -1 : 1;
	return a.external_id < b.external_id ? -1 : a.external_id > b.external_id ? 1 : 0;
}

const listEmployees: Handler = ({ query }, data) => {
	const limit = Number(query.get('limit') ?? DEFAULT_PAGE_SIZE);
	const offset = Number(query.get('offset') ?? 0);
	const isActive = query.get('is_active');
	const unit = query.get('organisational_unit');
	const matching = [...data.employees.values()]
		.filter((employee) => isActive === null || employee.active === (isActive === 'true'))
		.filter((employee) => unit === null || employee.organisational_unit === unit)
		.sort(byLastUpdatedThenId);
	const results = matching.slice(offset, offset + limit).map((employee) => {
		const summary: Record<string, JsonValue> = {};
		for (const field of EMPLOYEE_LIST_FIELDS) summary[field] = employee[field];
		return withoutUnset(summary);
	});
	return ok({ count: matching.length, results });
};

const getEmployee: Handler = ({ params, query }, data) => {
	const { custom_properties: customProperties, ...employee } = findEmployee(data, params.external_id ?? '');
	return ok(withoutUnset(query.has('include') ? { ...employee, custom_properties: customProperties } : employee));
};

/** The pages type the employee's fields as strings and objects, never null: a field not set is left out. */
function withoutUnset<T extends object>(record: T): Partial<T> {
	return Object.fromEntries(Object.entries(record).filter(([, value]) => value !== null)) as Partial<T>;
}

/** The writable fields of an employee, as the contract let them through. */
type EmployeeChanges = Partial<Omit<EmployeeRecord, 'external_id' | 'low_data_availability' | 'last_updated'>>;

function employeeChanges(body: Record<string, unknown>): EmployeeChanges {
	const changes = { ...body };
	delete changes.external_id;
	delete changes.employee_documents;
	return changes as EmployeeChanges;
}

/** Treats new history entries as Skill Events, so that a created employee gets suggested skills. */
function recordHistoryEvents(data: SandboxData, externalId: string, changes: EmployeeChanges): void {
	const profile = employeeProfile(data, externalId);
	for (const key of ['working_history', 'education_history'] as const) {
		(changes[key] ?? []).forEach((entry, index) => {
			const eventId = typeof entry.external_id === 'string' ? entry.external_id : `${externalId}-${key}-${index + 1}`;
			if (profile.skillEventIds.has(eventId)) return;
			profile.skillEventIds.add(eventId);
			profile.num_skill_events++;
			addEvidence(profile, extractSkillIds(data, entry), { external_id: eventId, event_type: key, source: 'api' });
			recordSkillEvent(data, externalId, {
				external_id: eventId,
				event_type: key,
				source: 'api',
				timestamp: isoSeconds(new Date()),
				content: entry,
			});
		});
	}
	findEmployee(data, externalId).low_data_availability = profile.num_skill_events < 2;
}

/**
 * `restore=true`: a soft-deleted employee comes back, with the body's fields applied ("Creating new Employees"). One
 * that is not deleted (or unknown) cannot be restored: the docs do not say how TechWolf answers; the sandbox says
 * 409 and 404.
 */
function restoreEmployee(data: SandboxData, externalId: string, changes: EmployeeChanges): void {
	const deleted = data.deletedEmployees.get(externalId);
	if (!deleted) {
		if (data.employees.has(externalId)) throw conflict(`Employee "${externalId}" is not deleted: nothing to restore`);
		throw notFound(`No deleted employee with external_id "${externalId}" (the grace period may have ended)`);
	}
	data.deletedEmployees.delete(externalId);
	data.employees.set(externalId, { ...deleted.employee, ...changes, last_updated: isoSeconds(new Date()) });
	data.employeeProfiles.set(externalId, deleted.profile);
	data.skillEvents.set(externalId, deleted.skillEvents);
	recordHistoryEvents(data, externalId, changes);
}

const createEmployee: Handler = (request, data) => {
	const body = bodyOf<Record<string, unknown> & { external_id: string }>(request);
	const externalId = body.external_id;
	if (request.query.get('restore') === 'true') {
		restoreEmployee(data, externalId, employeeChanges(body));
		return noContent();
	}
	if (data.employees.has(externalId)) {
		throw conflict(`Employee with external_id "${externalId}" already exists; use PATCH to update it`);
	}
	if (data.deletedEmployees.has(externalId)) {
		throw conflict(
			`Employee "${externalId}" is soft-deleted: restore it with restore=true, or wait for the grace period`,
		);
	}
	const changes = employeeChanges(body);
	data.employees.set(externalId, {
		external_id: externalId,
		assigned_position: null,
		assigned_position_id: null,
		active: true,
		low_data_availability: true,
		organisational_unit: null,
		working_history: [],
		education_history: [],
		languages: [],
		desired_functions: [],
		non_desired_functions: [],
		last_updated: isoSeconds(new Date()),
		location: null,
		custom_properties: [],
		...changes,
	});
	data.employeeProfiles.set(externalId, {
		num_skill_events: 0,
		seniority: 0,
		skills: [],
		skillEventIds: new Set(),
	});
	recordHistoryEvents(data, externalId, changes);
	const profile = employeeProfile(data, externalId);
	if (request.query.get('strict') === 'true' && changes.working_history?.length && profile.skills.length === 0) {
		data.employees.delete(externalId);
		data.employeeProfiles.delete(externalId);
		throw new ApiError(422, 'Skill extraction failed: no skills could be extracted from the working history');
	}
	return noContent();
};

const updateEmployee: Handler = (request, data) => {
	const externalId = request.params.external_id ?? '';
	const employee = findEmployee(data, externalId);
	const body = bodyOf<Record<string, unknown>>(request);
	if (body.external_id !== undefined && body.external_id !== externalId)
		throw badRequest('external_id cannot be changed');
	const changes = employeeChanges(body);
	Object.assign(employee, changes, { last_updated: isoSeconds(new Date()) });
	recordHistoryEvents(data, externalId, changes);
	return noContent();
};

const getEmployeeSkillProfile: Handler = ({ params, query }, data) => {
	requireListFormat(query);
	const vendor = vocabularyOf(query);
	const externalId = params.external_id ?? '';
	const employee = findEmployee(data, externalId);
	const profile = employeeProfile(data, externalId);
	return ok({
		external_id: externalId,
		num_skill_events: profile.num_skill_events,
		low_data_availability: employee.low_data_availability,
		skills: profile.skills.flatMap(
			(stored) => employeeSkillView(data, stored, vendor, query.get('vocab_language')) ?? [],
		),
	});
};

interface SkillFeedback extends FeedbackSkill {
	has_skill: boolean;
}

interface ClusterFeedback {
	skill_cluster_id?: string;
	skill_cluster_name?: string;
	proficiency_level: number;
}

interface Decision {
	skillId: string;
	state: 'validated' | 'rejected';
	selfRatedLevel?: number;
}

/** Feedback on a cluster applies to the profile's skills in it: level 0 rejects them, a level validates and rates. */
function clusterDecisions(data: SandboxData, profile: StoredEmployeeProfile, clusters: ClusterFeedback[]): Decision[] {
	return clusters.flatMap((cluster, index) => {
		const key = cluster.skill_cluster_id ?? cluster.skill_cluster_name ?? '';
		const inCluster = (skillId: string) => {
			const record = techwolfSkill(data, skillId).record;
			return record.taxonomy_skill_cluster_id === key || record.taxonomy_skill_cluster_name === key;
		};
		if (![...data.skills.get('techwolf')!.values()].some((skill) => inCluster(skill.record.skill_id))) {
			throw badRequest(`skill_clusters[${index}]: there is no skill cluster "${key}"`);
		}
		return profile.skills
			.filter((stored) => inCluster(stored.skill_id))
			.map((stored): Decision => ({
				skillId: stored.skill_id,
				state: cluster.proficiency_level === 0 ? 'rejected' : 'validated',
				...(cluster.proficiency_level > 0 ? { selfRatedLevel: cluster.proficiency_level } : {}),
			}));
	});
}

const patchEmployeeSkillProfile: Handler = (request, data) => {
	const externalId = request.params.external_id ?? '';
	const profile = employeeProfile(data, externalId);
	const feedback = feedbackOf<SkillFeedback & ClusterFeedback>(request, {
		skills: 'SkillsFeedback',
		skill_clusters: 'SkillClustersFeedback',
		external_vendor_skills: 'ExternalVendorSkillsFeedback',
	});
	// Resolve every entry before changing anything, so that a 400 leaves the profile as it was.
	const decisions: Decision[] =
		feedback.format === 'skill_clusters'
			? clusterDecisions(data, profile, feedback.entries)
			: feedback.entries.map((item, index) => ({
					skillId: resolveFeedbackSkill(data, item, feedback.lookIn, `skills[${index}]`),
					state: item.has_skill === false ? 'rejected' : 'validated',
				}));
	const event = {
		external_id: `feedback-${randomUUID()}`,
		event_type: 'skill_profile_feedback',
		source: feedback.source ?? 'api',
	};
	for (const { skillId, state, selfRatedLevel } of decisions) {
		addEvidence(profile, [skillId], event);
		const stored = profile.skills.find((skill) => skill.skill_id === skillId) as StoredEmployeeSkill;
		stored.validation_state = state;
		if (selfRatedLevel !== undefined) {
			stored.self_rated_proficiency_level = selfRatedLevel;
			stored.self_rated_proficiency_float = selfRatedLevel / 5;
		}
	}
	profile.num_skill_events++;
	profile.skillEventIds.add(event.external_id);
	recordSkillEvent(data, externalId, { ...event, timestamp: isoSeconds(new Date()) });
	findEmployee(data, externalId).last_updated = isoSeconds(new Date());
	return noContent();
};

/** Soft delete, as with a grace period: the employee is gone from reads and lists until restored. */
const deleteEmployee: Handler = ({ params }, data) => {
	const externalId = params.external_id ?? '';
	const employee = findEmployee(data, externalId);
	data.deletedEmployees.set(externalId, {
		employee,
		profile: employeeProfile(data, externalId),
		skillEvents: data.skillEvents.get(externalId) ?? [],
		deletedAt: isoSeconds(new Date()),
	});
	data.employees.delete(externalId);
	data.employeeProfiles.delete(externalId);
	data.skillEvents.delete(externalId);
	return noContent();
};

const SUGGESTION_GROUPS = [
	['suggested_skills', 'suggestions', 'suggested'],
	['validated_skills', 'validated', 'validated'],
	['rejected_skills', 'rejected', 'rejected'],
] as const;

/** Suggested skills, strongest inference first; validated and rejected ones when `include` asks for them. */
const getSkillSuggestions: Handler = (request, data) => {
	const { query } = request;
	const body = bodyOf<{ employee_ids: string[]; response_format?: string }>(request);
	if ((body.response_format ?? 'skill_profiles') !== 'skill_profiles') {
		throw badRequest(
			'The sandbox implements response_format=skill_profiles only; TechWolf does not show the other shape',
		);
	}
	const unknown = body.employee_ids.filter((id) => !data.employees.has(id));
	if (unknown.length > 0) throw notFound(`Employee(s) not found: ${unknown.join(', ')}`);
	const includes = new Set(query.getAll('include'));
	if (![...includes].some((value) => value.endsWith('_skills'))) includes.add('suggested_skills');
	const languages = query.getAll('vocab_language');
	const maxSkills = query.has('max_skills') ? Number(query.get('max_skills')) : Number.POSITIVE_INFINITY;
	const vendor = vocabularyOf(query);
	const answer: Record<string, unknown[]> = {};
	for (const [include, group, state] of SUGGESTION_GROUPS) {
		if (!includes.has(include)) continue;
		answer[group] = body.employee_ids.map((employeeId) => {
			const employee = findEmployee(data, employeeId);
			const job = employee.assigned_position_id ? data.jobs.get(employee.assigned_position_id) : undefined;
			const stored = employeeProfile(data, employeeId)
				.skills.filter((skill) => skill.validation_state === state)
				.sort((a, b) => (b.inferred_proficiency_level ?? 0) - (a.inferred_proficiency_level ?? 0));
			const skills = (state === 'suggested' ? stored.slice(0, maxSkills) : stored).flatMap((skill) => {
				const vocabularySkill = vendorCounterpart(data, vendor, skill.skill_id);
				if (!vocabularySkill) return [];
				return [
					{
						skill_id: vocabularySkill.record.skill_id,
						skill_names: (languages.length > 0 ? languages : ['en_uk']).map((language) => ({
							language,
							skill_name: localisedName(vocabularySkill, language),
							translation_found: true,
						})),
						sources: [...skill.sources],
						...(includes.has('proficiency')
							? { self_rated_proficiency_level: skill.self_rated_proficiency_level }
							: {}),
						...(includes.has('job_critical_info')
							? {
									is_job_critical_skill:
										job?.skills.some(
											(jobSkill) => jobSkill.skill_id === skill.skill_id && jobSkill.critical === true,
										) ?? false,
								}
							: {}),
					},
				];
			});
			return { employee_id: employeeId, skills };
		});
	}
	return ok(answer);
};

export const employeeHandlers: Record<string, Handler> = {
	listEmployees,
	getEmployee,
	createEmployee,
	updateEmployee,
	getEmployeeSkillProfile,
	giveEmployeeSkillProfileFeedback: patchEmployeeSkillProfile,
	deleteEmployee,
	suggestEmployeeSkills: getSkillSuggestions,
};
