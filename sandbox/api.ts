/**
 * The SkillEngine API routes of the sandbox, over the in-memory data of `data.ts`. HTTP plumbing (auth, faults,
 * stats) lives in `server.ts`; here a route gets parsed input and returns a status and a JSON body, or throws ApiError.
 *
 * The sandbox is deliberately stricter than TechWolf may be: unknown query parameters, unknown body fields and
 * malformed filters get a 400 naming the problem, so that a node sending something the documentation does not
 * describe fails in tests rather than being silently ignored in production.
 */
import { randomUUID } from 'node:crypto';

import {
	EMPLOYEE_LIST_FIELDS,
	SKILL_EVENT_TYPES,
	TAXONOMY_OPERATION_TYPES,
	isoSeconds,
	type EmployeeRecord,
	type JsonObject,
	type JsonValue,
	type SandboxData,
	type SkillRecord,
	type StoredEmployeeProfile,
	type StoredEmployeeSkill,
	type TaxonomyChange,
	type TaxonomySkill,
	type VocabularyName,
} from './data';

export class ApiError extends Error {
	constructor(
		readonly status: number,
		readonly description: string,
	) {
		super(description);
		this.name = 'ApiError';
	}
}

export type HttpMethod = 'GET' | 'POST' | 'PATCH';
export type Scope = 'read' | 'write';

export interface ApiRequest {
	params: Record<string, string>;
	query: URLSearchParams;
	/** Parsed JSON body; undefined when the request had none. */
	body: unknown;
}

export type ApiResult = { status: 200; body: JsonValue | object } | { status: 204 };

interface Route {
	method: HttpMethod;
	/** Path with `:name` segments for ids, e.g. `/employees/:external_id/skill_profile`. */
	path: string;
	scope: Scope;
	handle(request: ApiRequest, data: SandboxData): ApiResult;
}

/** TechWolf's documented rule for external ids in paths. */
export const PATH_ID_PATTERN = /^[a-zA-Z0-9_-]{1,100}$/;
const MAX_PAGE_SIZE = 200;
const DEFAULT_PAGE_SIZE = 100;

const badRequest = (description: string) => new ApiError(400, description);
const notFound = (description: string) => new ApiError(404, description);
const noContent = (): ApiResult => ({ status: 204 });
const ok = (body: JsonValue | object): ApiResult => ({ status: 200, body });

// ---------------------------------------------------------------------------------------------------------------------
// Query parameters

function allowQuery(query: URLSearchParams, allowed: readonly string[]): void {
	for (const name of new Set(query.keys())) {
		if (!allowed.includes(name)) {
			throw badRequest(
				`Unknown query parameter "${name}". Allowed here: ${allowed.join(', ') || 'none'}` +
					(name.includes('[') ? '. Repeat the parameter (include=a&include=b) instead of using brackets' : ''),
			);
		}
	}
}

function singleQuery(query: URLSearchParams, name: string): string | undefined {
	const values = query.getAll(name);
	if (values.length > 1) throw badRequest(`Query parameter "${name}" may be given only once`);
	return values[0];
}

function enumQuery<T extends string>(query: URLSearchParams, name: string, allowed: readonly T[]): T | undefined {
	const value = singleQuery(query, name);
	if (value === undefined) return undefined;
	if (!(allowed as readonly string[]).includes(value)) {
		throw badRequest(`Query parameter "${name}" must be one of ${allowed.join(', ')} (got "${value}")`);
	}
	return value as T;
}

function integerQuery(query: URLSearchParams, name: string, min: number, max: number, fallback: number): number {
	const value = singleQuery(query, name);
	if (value === undefined) return fallback;
	if (!/^-?\d+$/.test(value) || Number(value) < min || Number(value) > max) {
		throw badRequest(`Query parameter "${name}" must be an integer from ${min} to ${max} (got "${value}")`);
	}
	return Number(value);
}

function booleanQuery(query: URLSearchParams, name: string): boolean | undefined {
	const value = enumQuery(query, name, ['true', 'false']);
	return value === undefined ? undefined : value === 'true';
}

const EXTERNAL_VENDORS = ['workday', 'sap_attribute_library', 'techwolf'] as const;

/** `external_vendor` selects a vocabulary; `techwolf` (newer docs) is the explicit default. */
function vocabularyQuery(query: URLSearchParams): VocabularyName {
	return enumQuery(query, 'external_vendor', EXTERNAL_VENDORS) ?? 'techwolf';
}

/** en/en_uk/en_us/de/fr/nl from the older docs, BCP 47-style tags (fr-FR, pt_br) from the newer ones. */
function languageQuery(query: URLSearchParams): string | undefined {
	const value = singleQuery(query, 'vocab_language');
	if (value !== undefined && !/^[a-z]{2}([_-][a-zA-Z]{2,4})?$/.test(value)) {
		throw badRequest(`Query parameter "vocab_language" is not a language tag such as en, en_us, nl or fr-FR`);
	}
	return value;
}

// ---------------------------------------------------------------------------------------------------------------------
// Bodies

function isObject(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function requireObjectBody(body: unknown, what: string): Record<string, unknown> {
	if (!isObject(body)) throw badRequest(`The request body must be a JSON object (${what})`);
	return body;
}

function allowFields(object: Record<string, unknown>, allowed: readonly string[], where: string): void {
	const unknown = Object.keys(object).filter((key) => !allowed.includes(key));
	if (unknown.length > 0) {
		throw badRequest(`Unknown field(s) ${unknown.map((key) => `"${key}"`).join(', ')} in ${where}`);
	}
}

function requireString(object: Record<string, unknown>, key: string, where: string): string {
	const value = object[key];
	if (typeof value !== 'string' || value.trim() === '') {
		throw badRequest(`"${key}" is required in ${where} and must be a non-empty string`);
	}
	return value;
}

function requireExternalId(value: string, what: string): string {
	if (!PATH_ID_PATTERN.test(value)) {
		throw badRequest(`${what} must be 1 to 100 characters of a-z, A-Z, 0-9, "_" or "-" (got "${value}")`);
	}
	return value;
}

function isJsonValue(value: unknown): value is JsonValue {
	// Parsed JSON is always JSON; this narrows `unknown` for the type checker.
	return value === null || ['string', 'number', 'boolean', 'object'].includes(typeof value);
}

// ---------------------------------------------------------------------------------------------------------------------
// Taxonomy look-ups

function vocabulary(data: SandboxData, name: VocabularyName): Map<string, TaxonomySkill> {
	return data.skills.get(name) ?? new Map<string, TaxonomySkill>();
}

function liveSkill(data: SandboxData, name: VocabularyName, skillId: string): TaxonomySkill | undefined {
	const skill = vocabulary(data, name).get(skillId);
	return skill && !skill.deleted ? skill : undefined;
}

function techwolfSkill(data: SandboxData, skillId: string): TaxonomySkill {
	const skill = vocabulary(data, 'techwolf').get(skillId);
	if (!skill) throw new Error(`Sandbox data refers to unknown skill ${skillId}`);
	return skill;
}

/** The skill name in the requested vocab_language; English (en_uk) is the default. */
function localisedName(skill: TaxonomySkill, language: string | undefined): string {
	const normalised = (language ?? 'en').toLowerCase().replace('-', '_');
	const key = normalised === 'en_us' ? 'en_us' : normalised.split('_')[0];
	return (key && skill.translations[key]) || skill.record.default_skill_name;
}

function localisedRecord(skill: TaxonomySkill, language: string | undefined): SkillRecord {
	return { ...skill.record, skill_name: localisedName(skill, language) };
}

/** The vendor skill that stands for a TechWolf skill, if the vendor's vocabulary has one. */
function vendorCounterpart(
	data: SandboxData,
	name: VocabularyName,
	techwolfSkillId: string,
): TaxonomySkill | undefined {
	if (name === 'techwolf') return liveSkill(data, 'techwolf', techwolfSkillId);
	for (const skill of vocabulary(data, name).values()) {
		if (!skill.deleted && skill.techwolfSkillId === techwolfSkillId) return skill;
	}
	return undefined;
}

/** Resolves a feedback item (`skill_id` or `skill` name) to a TechWolf skill id. */
function resolveFeedbackSkill(
	data: SandboxData,
	item: { skill_id?: string; skill?: string },
	format: string,
	vendor: VocabularyName,
	where: string,
): string {
	if (item.skill !== undefined) {
		const wanted = item.skill.toLowerCase();
		for (const skill of vocabulary(data, format === 'external_vendor_skills' ? vendor : 'techwolf').values()) {
			if (!skill.deleted && skill.record.default_skill_name.toLowerCase() === wanted && skill.techwolfSkillId) {
				return skill.techwolfSkillId;
			}
		}
		throw badRequest(`${where}: no skill is named "${item.skill}"`);
	}
	const id = item.skill_id ?? '';
	const lookIn: VocabularyName = format === 'external_vendor_skills' ? vendor : 'techwolf';
	const skill = liveSkill(data, lookIn, id);
	if (!skill?.techwolfSkillId)
		throw badRequest(`${where}: skill_id "${id}" is not a skill of the ${lookIn} vocabulary`);
	return skill.techwolfSkillId;
}

// ---------------------------------------------------------------------------------------------------------------------
// Skill extraction: a stand-in for TechWolf's inference, enough to make Skill Events visibly change a profile.

function collectText(value: unknown, into: string[]): string[] {
	if (typeof value === 'string') into.push(value);
	else if (Array.isArray(value)) value.forEach((item) => collectText(item, into));
	else if (isObject(value)) Object.values(value).forEach((item) => collectText(item, into));
	return into;
}

/** Whole-word, case-insensitive: "Java" must not be found in "JavaScript". */
function mentions(text: string, name: string): boolean {
	const escaped = name.toLowerCase().replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
	return new RegExp(`(^|[^a-z0-9])${escaped}($|[^a-z0-9])`).test(text);
}

function extractSkillIds(data: SandboxData, content: unknown): string[] {
	const text = collectText(content, []).join('\n').toLowerCase();
	const found: string[] = [];
	for (const skill of vocabulary(data, 'techwolf').values()) {
		if (!skill.deleted && skill.record.inference_enabled && mentions(text, skill.record.default_skill_name)) {
			found.push(skill.record.skill_id);
		}
	}
	return found;
}

function addEvidence(
	profile: StoredEmployeeProfile,
	skillIds: string[],
	event: { external_id: string; event_type: string; source: string },
): void {
	for (const skillId of skillIds) {
		let skill = profile.skills.find((existing) => existing.skill_id === skillId);
		if (!skill) {
			skill = {
				skill_id: skillId,
				validation_state: 'suggested',
				sources: [],
				source_events: [],
				self_rated_proficiency_level: null,
				self_rated_proficiency_float: null,
				inferred_proficiency_level: 1,
				inferred_proficiency_float: 0.2,
			};
			profile.skills.push(skill);
		}
		if (!skill.sources.includes(event.event_type)) skill.sources.push(event.event_type);
		skill.source_events.push({ ...event });
	}
}

// ---------------------------------------------------------------------------------------------------------------------
// Employees

function findEmployee(data: SandboxData, externalId: string): EmployeeRecord {
	const employee = data.employees.get(externalId);
	if (!employee) throw notFound(`Employee with external_id "${externalId}" was not found`);
	return employee;
}

function employeeProfile(data: SandboxData, externalId: string): StoredEmployeeProfile {
	findEmployee(data, externalId);
	const profile = data.employeeProfiles.get(externalId);
	if (!profile) throw new Error(`Employee ${externalId} has no stored profile`);
	return profile;
}

function byLastUpdatedThenId(a: EmployeeRecord, b: EmployeeRecord): number {
	if (a.last_updated !== b.last_updated) return a.last_updated < b.last_updated ? -1 : 1;
	return a.external_id < b.external_id ? -1 : a.external_id > b.external_id ? 1 : 0;
}

function listEmployees(request: ApiRequest, data: SandboxData): ApiResult {
	const { query } = request;
	allowQuery(query, ['limit', 'offset', 'is_active', 'organisational_unit']);
	const limit = integerQuery(query, 'limit', 1, MAX_PAGE_SIZE, DEFAULT_PAGE_SIZE);
	const offset = integerQuery(query, 'offset', 0, Number.MAX_SAFE_INTEGER, 0);
	const isActive = booleanQuery(query, 'is_active');
	const unit = singleQuery(query, 'organisational_unit');
	const matching = [...data.employees.values()]
		.filter((employee) => isActive === undefined || employee.active === isActive)
		.filter((employee) => unit === undefined || employee.organisational_unit === unit)
		.sort(byLastUpdatedThenId);
	const results = matching.slice(offset, offset + limit).map((employee) => {
		const summary: Record<string, JsonValue> = {};
		for (const field of EMPLOYEE_LIST_FIELDS) summary[field] = employee[field];
		return summary;
	});
	return ok({ count: matching.length, results });
}

function getEmployee(request: ApiRequest, data: SandboxData): ApiResult {
	allowQuery(request.query, ['include']);
	const includes = request.query.getAll('include');
	for (const include of includes) {
		if (include !== 'custom_properties') throw badRequest(`include must be custom_properties (got "${include}")`);
	}
	const { custom_properties: customProperties, ...employee } = findEmployee(data, request.params.external_id ?? '');
	return ok(includes.length > 0 ? { ...employee, custom_properties: customProperties } : employee);
}

const EMPLOYEE_FIELDS = [
	'assigned_position',
	'assigned_position_id',
	'active',
	'organisational_unit',
	'working_history',
	'education_history',
	'languages',
	'desired_functions',
	'non_desired_functions',
	'location',
	'custom_properties',
	'employee_documents',
] as const;

type EmployeeChanges = Partial<Omit<EmployeeRecord, 'external_id' | 'low_data_availability' | 'last_updated'>>;

/** Checks the writable employee fields of a POST or PATCH body and returns them typed. */
function employeeChanges(body: Record<string, unknown>, where: string): EmployeeChanges {
	const changes: EmployeeChanges = {};
	const nullableString = (key: 'assigned_position' | 'assigned_position_id' | 'organisational_unit') => {
		const value = body[key];
		if (value === undefined) return;
		if (value !== null && typeof value !== 'string') throw badRequest(`"${key}" in ${where} must be a string or null`);
		changes[key] = value;
	};
	nullableString('assigned_position');
	nullableString('assigned_position_id');
	nullableString('organisational_unit');
	if (body.active !== undefined) {
		if (typeof body.active !== 'boolean') throw badRequest(`"active" in ${where} must be true or false`);
		changes.active = body.active;
	}
	for (const key of ['working_history', 'education_history'] as const) {
		const value = body[key];
		if (value === undefined) continue;
		if (!Array.isArray(value) || !value.every(isObject)) {
			throw badRequest(`"${key}" in ${where} must be an array of objects`);
		}
		changes[key] = value.filter(isJsonValue) as JsonObject[];
	}
	for (const key of ['languages', 'desired_functions', 'non_desired_functions'] as const) {
		const value = body[key];
		if (value === undefined) continue;
		if (!Array.isArray(value)) throw badRequest(`"${key}" in ${where} must be an array`);
		changes[key] = value.filter(isJsonValue);
	}
	if (body.location !== undefined) {
		const location = body.location;
		if (
			location !== null &&
			!(isObject(location) && typeof location.lat === 'number' && typeof location.lng === 'number')
		) {
			throw badRequest(`"location" in ${where} must be {"lat": number, "lng": number} or null`);
		}
		changes.location = location === null ? null : { lat: location.lat as number, lng: location.lng as number };
	}
	if (body.custom_properties !== undefined) {
		if (!isObject(body.custom_properties)) throw badRequest(`"custom_properties" in ${where} must be an object`);
		changes.custom_properties = body.custom_properties as JsonObject;
	}
	if (body.employee_documents !== undefined) {
		const documents = body.employee_documents;
		if (
			!Array.isArray(documents) ||
			!documents.every(
				(document) =>
					isObject(document) && typeof document.mimeType === 'string' && typeof document.base64Content === 'string',
			)
		) {
			throw badRequest(`"employee_documents" in ${where} must be an array of {mimeType, base64Content}`);
		}
	}
	return changes;
}

/** Treats new history entries as Skill Events, so that a created employee gets suggested skills. */
function recordHistoryEvents(data: SandboxData, externalId: string, changes: EmployeeChanges): void {
	const profile = employeeProfile(data, externalId);
	for (const [key, eventType] of [
		['working_history', 'working_history'],
		['education_history', 'education_history'],
	] as const) {
		(changes[key] ?? []).forEach((entry, index) => {
			const eventId = typeof entry.external_id === 'string' ? entry.external_id : `${externalId}-${key}-${index + 1}`;
			if (profile.skillEventIds.has(eventId)) return;
			profile.skillEventIds.add(eventId);
			profile.num_skill_events++;
			addEvidence(profile, extractSkillIds(data, entry), {
				external_id: eventId,
				event_type: eventType,
				source: 'api',
			});
		});
	}
	findEmployee(data, externalId).low_data_availability = profile.num_skill_events < 2;
}

function createEmployee(request: ApiRequest, data: SandboxData): ApiResult {
	allowQuery(request.query, []);
	const body = requireObjectBody(request.body, 'an employee');
	allowFields(body, ['external_id', ...EMPLOYEE_FIELDS], 'the employee');
	const externalId = requireExternalId(requireString(body, 'external_id', 'the employee'), 'external_id');
	const changes = employeeChanges(body, 'the employee');
	if (data.employees.has(externalId)) {
		throw new ApiError(409, `Employee with external_id "${externalId}" already exists; use PATCH to update it`);
	}
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
		custom_properties: {},
		...changes,
	});
	data.employeeProfiles.set(externalId, {
		num_skill_events: 0,
		seniority: 'junior',
		skills: [],
		skillEventIds: new Set(),
	});
	recordHistoryEvents(data, externalId, changes);
	return noContent();
}

function updateEmployee(request: ApiRequest, data: SandboxData): ApiResult {
	allowQuery(request.query, []);
	const externalId = request.params.external_id ?? '';
	const employee = findEmployee(data, externalId);
	const body = requireObjectBody(request.body, 'the fields to update');
	allowFields(body, ['external_id', ...EMPLOYEE_FIELDS], 'the employee update');
	if (body.external_id !== undefined && body.external_id !== externalId) {
		throw badRequest('external_id cannot be changed');
	}
	const changes = employeeChanges(body, 'the employee update');
	Object.assign(employee, changes, { last_updated: isoSeconds(new Date()) });
	recordHistoryEvents(data, externalId, changes);
	return noContent();
}

function employeeSkillView(data: SandboxData, stored: StoredEmployeeSkill, vendor: VocabularyName, language?: string) {
	const skill = vendorCounterpart(data, vendor, stored.skill_id);
	if (!skill) return undefined;
	return {
		skill: localisedName(skill, language),
		skill_id: skill.record.skill_id,
		validation_state: stored.validation_state,
		sources: [...stored.sources],
		source_events: stored.source_events.map((event) => ({ ...event })),
		self_rated_proficiency_level: stored.self_rated_proficiency_level,
		self_rated_proficiency_float: stored.self_rated_proficiency_float,
		inferred_proficiency_level: stored.inferred_proficiency_level,
		inferred_proficiency_float: stored.inferred_proficiency_float,
	};
}

function requireListFormat(query: URLSearchParams, allowed: readonly string[]): void {
	const format = enumQuery(query, 'response_format', allowed);
	if (format !== undefined && format !== 'list') {
		throw badRequest(
			`The sandbox implements response_format=list only; TechWolf does not document the "${format}" shape`,
		);
	}
}

function getEmployeeSkillProfile(request: ApiRequest, data: SandboxData): ApiResult {
	const { query } = request;
	allowQuery(query, ['response_format', 'vocab_language', 'include', 'external_vendor']);
	requireListFormat(query, ['list', 'skill_clusters', 'domains', 'hierarchy']);
	const language = languageQuery(query);
	const vendor = vocabularyQuery(query);
	const externalId = request.params.external_id ?? '';
	const employee = findEmployee(data, externalId);
	const profile = employeeProfile(data, externalId);
	return ok({
		external_id: externalId,
		num_skill_events: profile.num_skill_events,
		low_data_availability: employee.low_data_availability,
		skills: profile.skills.flatMap((stored) => employeeSkillView(data, stored, vendor, language) ?? []),
	});
}

interface FeedbackItem {
	skill_id?: string;
	skill?: string;
	has_skill: boolean;
	proficiency_level?: number;
	proficiency_float?: number;
	critical?: boolean;
}

/** Validates `{source, skills:[...]}`; jobs also accept proficiency and criticality per item. */
function feedbackBody(body: unknown, forJobs: boolean): { source: string; items: FeedbackItem[] } {
	const object = requireObjectBody(body, 'skill profile feedback');
	allowFields(object, ['source', 'skills'], 'the feedback');
	const source = requireString(object, 'source', 'the feedback');
	const skills = object.skills;
	if (!Array.isArray(skills) || skills.length === 0) throw badRequest('"skills" must be a non-empty array');
	const itemFields = forJobs
		? ['skill_id', 'skill', 'has_skill', 'proficiency_level', 'proficiency_float', 'critical']
		: ['skill_id', 'skill', 'has_skill'];
	const items = skills.map((item: unknown, index): FeedbackItem => {
		const where = `skills[${index}]`;
		if (!isObject(item)) throw badRequest(`${where} must be an object`);
		allowFields(item, itemFields, where);
		const hasId = item.skill_id !== undefined;
		const hasName = item.skill !== undefined;
		if (hasId === hasName) throw badRequest(`${where} must have exactly one of "skill_id" and "skill"`);
		if (hasId && typeof item.skill_id !== 'string') throw badRequest(`${where}.skill_id must be a string`);
		if (hasName && typeof item.skill !== 'string') throw badRequest(`${where}.skill must be a string`);
		if (typeof item.has_skill !== 'boolean') throw badRequest(`${where}.has_skill must be true or false`);
		const level = item.proficiency_level;
		if (level !== undefined && !(Number.isInteger(level) && (level as number) >= 1 && (level as number) <= 5)) {
			throw badRequest(`${where}.proficiency_level must be an integer from 1 to 5`);
		}
		const fraction = item.proficiency_float;
		if (fraction !== undefined && !(typeof fraction === 'number' && fraction >= 0 && fraction <= 1)) {
			throw badRequest(`${where}.proficiency_float must be a number from 0 to 1`);
		}
		if (item.critical !== undefined && typeof item.critical !== 'boolean') {
			throw badRequest(`${where}.critical must be true or false`);
		}
		return {
			skill_id: item.skill_id as string | undefined,
			skill: item.skill as string | undefined,
			has_skill: item.has_skill,
			proficiency_level: level as number | undefined,
			proficiency_float: fraction as number | undefined,
			critical: item.critical as boolean | undefined,
		};
	});
	return { source, items };
}

function patchEmployeeSkillProfile(request: ApiRequest, data: SandboxData): ApiResult {
	const { query } = request;
	allowQuery(query, ['feedback_format', 'external_vendor']);
	const format =
		enumQuery(query, 'feedback_format', ['skills', 'skill_clusters', 'external_vendor_skills']) ?? 'skills';
	const vendor = vocabularyQuery(query);
	if (format === 'external_vendor_skills' && vendor === 'techwolf') {
		throw badRequest('feedback_format=external_vendor_skills needs external_vendor (workday or sap_attribute_library)');
	}
	const externalId = request.params.external_id ?? '';
	const profile = employeeProfile(data, externalId);
	const { source, items } = feedbackBody(request.body, false);
	// Resolve every item before changing anything, so that a 400 leaves the profile as it was.
	const decisions = items.flatMap((item, index): { skillId: string; hasSkill: boolean }[] => {
		const where = `skills[${index}]`;
		if (format !== 'skill_clusters') {
			return [{ skillId: resolveFeedbackSkill(data, item, format, vendor, where), hasSkill: item.has_skill }];
		}
		// Feedback on a cluster applies to the profile's skills in that cluster.
		const clusterKey = item.skill_id ?? item.skill ?? '';
		const inCluster = profile.skills.filter((stored) => {
			const record = techwolfSkill(data, stored.skill_id).record;
			return record.taxonomy_skill_cluster_id === clusterKey || record.taxonomy_skill_cluster_name === clusterKey;
		});
		if (inCluster.length === 0) throw badRequest(`${where}: the profile has no skills in cluster "${clusterKey}"`);
		return inCluster.map((stored) => ({ skillId: stored.skill_id, hasSkill: item.has_skill }));
	});
	const event = { external_id: `feedback-${randomUUID()}`, event_type: 'skill_profile_feedback', source };
	for (const { skillId, hasSkill } of decisions) {
		addEvidence(profile, [skillId], event);
		const stored = profile.skills.find((skill) => skill.skill_id === skillId) as StoredEmployeeSkill;
		stored.validation_state = hasSkill ? 'validated' : 'rejected';
	}
	profile.num_skill_events++;
	profile.skillEventIds.add(event.external_id);
	findEmployee(data, externalId).last_updated = isoSeconds(new Date());
	return noContent();
}

function postSkillEvent(request: ApiRequest, data: SandboxData): ApiResult {
	const { query } = request;
	allowQuery(query, ['language', 'strict', 'end_active_jobs']);
	const language = enumQuery(query, 'language', ['auto', 'nl', 'fr', 'en', 'de']);
	if (language === undefined) throw badRequest('Query parameter "language" is required (auto, nl, fr, en or de)');
	const strict = booleanQuery(query, 'strict') ?? false;
	booleanQuery(query, 'end_active_jobs');
	const externalId = request.params.employee_external_id ?? '';
	const profile = employeeProfile(data, externalId);
	const body = requireObjectBody(request.body, 'a Skill Event');
	allowFields(body, ['external_id', 'event_type', 'timestamp', 'source', 'content'], 'the Skill Event');
	const eventId = requireExternalId(requireString(body, 'external_id', 'the Skill Event'), 'external_id');
	const eventType = requireString(body, 'event_type', 'the Skill Event');
	if (!(SKILL_EVENT_TYPES as readonly string[]).includes(eventType)) {
		throw badRequest(`event_type must be one of ${SKILL_EVENT_TYPES.join(', ')} (got "${eventType}")`);
	}
	const timestamp = requireString(body, 'timestamp', 'the Skill Event');
	if (Number.isNaN(Date.parse(timestamp))) throw badRequest(`timestamp "${timestamp}" is not an ISO 8601 date-time`);
	const source = requireString(body, 'source', 'the Skill Event');
	if (!isObject(body.content)) throw badRequest('"content" is required in the Skill Event and must be an object');
	if (profile.skillEventIds.has(eventId)) {
		throw new ApiError(409, `Skill Event "${eventId}" already exists for employee "${externalId}"`);
	}
	const skillIds = extractSkillIds(data, body.content);
	if (strict && skillIds.length === 0) {
		throw new ApiError(422, 'Skill extraction failed: no skills could be extracted from the content');
	}
	profile.skillEventIds.add(eventId);
	profile.num_skill_events++;
	addEvidence(profile, skillIds, { external_id: eventId, event_type: eventType, source });
	const employee = findEmployee(data, externalId);
	employee.low_data_availability = profile.num_skill_events < 2;
	employee.last_updated = isoSeconds(new Date());
	return noContent();
}

// ---------------------------------------------------------------------------------------------------------------------
// Jobs and courses

function findJob(data: SandboxData, externalId: string) {
	const job = data.jobs.get(externalId);
	if (!job) throw notFound(`Job with external_id "${externalId}" was not found`);
	return job;
}

const JOB_INCLUDES = [
	'low_data_availability_flag',
	'skill_validation_state',
	'proficiency_level',
	'proficiency_float',
	'critical',
] as const;

function domainName(skill: TaxonomySkill, namespace: string): string {
	return namespace === 'techwolf' ? skill.record.techwolf_domain : skill.record.taxonomy_domain_name;
}

/** Fields beyond skill, id, types and domain are opt-in through `include`, as TechWolf documents for jobs. */
function getJobSkillProfile(request: ApiRequest, data: SandboxData): ApiResult {
	const { query } = request;
	allowQuery(query, ['domain_namespace', 'vocab_language', 'external_vendor', 'response_format', 'include']);
	requireListFormat(query, ['list', 'hierarchy']);
	const namespace = enumQuery(query, 'domain_namespace', ['techwolf', 'taxonomy', 'adaptive']) ?? 'techwolf';
	const language = languageQuery(query);
	const vendor = vocabularyQuery(query);
	const includes = new Set(query.getAll('include'));
	for (const include of includes) {
		if (!(JOB_INCLUDES as readonly string[]).includes(include)) {
			throw badRequest(`include must be one of ${JOB_INCLUDES.join(', ')} (got "${include}")`);
		}
	}
	if (
		query.has('external_vendor') &&
		(includes.has('low_data_availability_flag') || includes.has('skill_validation_state'))
	) {
		throw badRequest('include=low_data_availability_flag and include=skill_validation_state need no external_vendor');
	}
	const job = findJob(data, request.params.job_external_id ?? '');
	const skills = job.skills.flatMap((stored) => {
		const skill = vendorCounterpart(data, vendor, stored.skill_id);
		if (!skill) return [];
		return [
			{
				skill_id: skill.record.skill_id,
				skill: localisedName(skill, language),
				skill_types: stored.skill_types.map((type) => ({ ...type })),
				domain_name: domainName(skill, namespace),
				...(includes.has('skill_validation_state') ? { validation_state: stored.validation_state } : {}),
				...(includes.has('proficiency_level') ? { proficiency_level: stored.proficiency_level } : {}),
				...(includes.has('proficiency_float') ? { proficiency_float: stored.proficiency_float } : {}),
				...(includes.has('critical') ? { critical: stored.critical } : {}),
			},
		];
	});
	return ok({
		external_id: job.external_id,
		...(includes.has('low_data_availability_flag') ? { low_data_availability: job.low_data_availability } : {}),
		skills,
	});
}

function getJobSuggestedSkillProfile(request: ApiRequest, data: SandboxData): ApiResult {
	const { query } = request;
	allowQuery(query, ['domain_namespace', 'vocab_language', 'external_vendor']);
	const namespace = enumQuery(query, 'domain_namespace', ['techwolf', 'taxonomy', 'adaptive']) ?? 'techwolf';
	const language = languageQuery(query);
	const vendor = vocabularyQuery(query);
	const job = findJob(data, request.params.job_external_id ?? '');
	return ok({
		external_id: job.external_id,
		skills: job.suggestions.flatMap((suggestion) => {
			const skill = vendorCounterpart(data, vendor, suggestion.skill_id);
			if (!skill) return [];
			return [
				{
					skill_id: skill.record.skill_id,
					skill: localisedName(skill, language),
					skill_type: suggestion.skill_type,
					domain_name: domainName(skill, namespace),
					validation_state: 'suggested',
					source_data: suggestion.source_data.map((source) => ({ ...source })),
					critical: suggestion.critical,
				},
			];
		}),
	});
}

function patchJobSkillProfile(request: ApiRequest, data: SandboxData): ApiResult {
	const { query } = request;
	allowQuery(query, ['feedback_format', 'external_vendor']);
	const format = enumQuery(query, 'feedback_format', ['skills', 'external_vendor_skills']) ?? 'skills';
	const vendor = vocabularyQuery(query);
	if (format === 'external_vendor_skills' && vendor === 'techwolf') {
		throw badRequest('feedback_format=external_vendor_skills needs external_vendor (workday or sap_attribute_library)');
	}
	const job = findJob(data, request.params.job_external_id ?? '');
	const { items } = feedbackBody(request.body, true);
	const resolved = items.map((item, index) => ({
		item,
		skillId: resolveFeedbackSkill(data, item, format, vendor, `skills[${index}]`),
	}));
	for (const { item, skillId } of resolved) {
		job.suggestions = job.suggestions.filter((suggestion) => suggestion.skill_id !== skillId);
		if (!item.has_skill) {
			job.skills = job.skills.filter((skill) => skill.skill_id !== skillId);
			continue;
		}
		let stored = job.skills.find((skill) => skill.skill_id === skillId);
		if (!stored) {
			stored = {
				skill_id: skillId,
				skill_types: [{ skill_type: 'Job-Specific', is_common: false }],
				validation_state: 'validated',
				proficiency_level: null,
				proficiency_float: null,
				critical: false,
			};
			job.skills.push(stored);
		}
		stored.validation_state = 'validated';
		if (item.proficiency_level !== undefined) stored.proficiency_level = item.proficiency_level;
		if (item.proficiency_float !== undefined) stored.proficiency_float = item.proficiency_float;
		if (item.critical !== undefined) stored.critical = item.critical;
	}
	job.low_data_availability = job.skills.length === 0;
	return noContent();
}

/** Course profiles are not documented by TechWolf; this shape (external_id + skills) is a guess. */
function getCourseSkillProfile(request: ApiRequest, data: SandboxData): ApiResult {
	const { query } = request;
	allowQuery(query, ['vocab_language', 'external_vendor']);
	const language = languageQuery(query);
	const vendor = vocabularyQuery(query);
	const externalId = request.params.external_id ?? '';
	const course = data.courses.get(externalId);
	if (!course) throw notFound(`Course with external_id "${externalId}" was not found`);
	return ok({
		external_id: course.external_id,
		skills: course.skillIds.flatMap((id) => {
			const skill = vendorCounterpart(data, vendor, id);
			return skill ? [{ skill: localisedName(skill, language), skill_id: skill.record.skill_id }] : [];
		}),
	});
}

// ---------------------------------------------------------------------------------------------------------------------
// Taxonomy

function getTaxonomySkill(request: ApiRequest, data: SandboxData): ApiResult {
	const { query } = request;
	allowQuery(query, ['external_vendor', 'vocab_language']);
	const vendor = vocabularyQuery(query);
	const language = languageQuery(query);
	const skillId = request.params.skill_id ?? '';
	const skill = liveSkill(data, vendor, skillId);
	if (!skill) {
		throw notFound(
			`Skill "${skillId}" was not found in the ${vendor === 'techwolf' ? 'TechWolf' : vendor} vocabulary` +
				(vocabulary(data, vendor).get(skillId)?.deleted ? ' (it was removed)' : ''),
		);
	}
	return ok(localisedRecord(skill, language));
}

interface KeysetRequest {
	limit: number;
	startingAfter: string | undefined;
	body: Record<string, unknown>;
}

/** The common part of every `POST /export/...` body: `limit` (1–200) and `starting_after`. */
function keysetRequest(request: ApiRequest, allowedFields: readonly string[]): KeysetRequest {
	const body = request.body === undefined ? {} : requireObjectBody(request.body, 'export parameters');
	allowFields(body, ['limit', 'starting_after', ...allowedFields], 'the export request');
	const limit = body.limit ?? DEFAULT_PAGE_SIZE;
	if (!Number.isInteger(limit) || (limit as number) < 1 || (limit as number) > MAX_PAGE_SIZE) {
		throw badRequest(`"limit" must be an integer from 1 to ${MAX_PAGE_SIZE} (got ${JSON.stringify(limit)})`);
	}
	const startingAfter = body.starting_after ?? undefined;
	if (startingAfter !== undefined && (typeof startingAfter !== 'string' || startingAfter === '')) {
		throw badRequest('"starting_after" must be the non-empty string from a previous page\'s next_starting_after');
	}
	return { limit: limit as number, startingAfter, body };
}

/** Keyset page over records sorted by `sortKey`; the cursor is the sort key of the last record already seen. */
function keysetPage<T>(
	sorted: T[],
	sortKey: (record: T) => string,
	idOf: (record: T) => string,
	cursorKey: string | undefined,
	limit: number,
): { has_next: boolean; next_starting_after: string | null; records: T[] } {
	let start = cursorKey === undefined ? 0 : sorted.findIndex((record) => sortKey(record) > cursorKey);
	if (start < 0) start = sorted.length;
	const records = sorted.slice(start, start + limit);
	const hasNext = start + limit < sorted.length;
	const last = records[records.length - 1];
	return { has_next: hasNext, next_starting_after: hasNext && last ? idOf(last) : null, records };
}

function filterList(filters: unknown, where: string): Record<string, unknown>[] {
	if (filters === undefined) return [];
	if (!Array.isArray(filters)) throw badRequest(`${where} must be a list of filter objects`);
	return filters.map((filter: unknown, index) => {
		if (!isObject(filter) || typeof filter.filter !== 'string') {
			throw badRequest(`${where}[${index}] must be an object with a "filter" name`);
		}
		return filter;
	});
}

function stringList(value: unknown, what: string): string[] {
	if (!Array.isArray(value) || value.length === 0 || !value.every((item) => typeof item === 'string')) {
		throw badRequest(`${what} must be a non-empty list of strings`);
	}
	return value as string[];
}

function exportSkills(request: ApiRequest, data: SandboxData): ApiResult {
	const { query } = request;
	allowQuery(query, ['vocab_language', 'external_vendor', 'include']);
	const language = languageQuery(query);
	const vendor = vocabularyQuery(query);
	const { limit, startingAfter, body } = keysetRequest(request, ['filters']);
	let filters: Record<string, unknown>[] = [];
	if (body.filters !== undefined) {
		if (!isObject(body.filters)) {
			throw badRequest('"filters" must be an object {"filters": [...]} (the skill export nests the list)');
		}
		allowFields(body.filters, ['filters'], '"filters"');
		filters = filterList(body.filters.filters, 'filters.filters');
	}
	const predicates = filters.map((filter, index): ((skill: TaxonomySkill) => boolean) => {
		const where = `filters.filters[${index}]`;
		if (filter.filter === 'skill_source') {
			allowFields(filter, ['filter', 'skill_source'], where);
			const source = filter.skill_source;
			if (source !== 'vocabulary' && source !== 'custom') {
				throw badRequest(`${where}.skill_source must be "vocabulary" or "custom"`);
			}
			return (skill) => skill.record.skill_source === source;
		}
		if (filter.filter === 'skill_id_is_in_list') {
			allowFields(filter, ['filter', 'skill_ids'], where);
			const ids = new Set(stringList(filter.skill_ids, `${where}.skill_ids`));
			return (skill) => ids.has(skill.record.skill_id);
		}
		throw badRequest(`${where}: unknown filter "${String(filter.filter)}" (skill_source, skill_id_is_in_list)`);
	});
	const skills = [...vocabulary(data, vendor).values()]
		.filter((skill) => !skill.deleted && predicates.every((matches) => matches(skill)))
		.sort((a, b) => (a.record.skill_id < b.record.skill_id ? -1 : 1));
	const page = keysetPage(
		skills,
		(skill) => skill.record.skill_id,
		(skill) => skill.record.skill_id,
		startingAfter,
		limit,
	);
	return ok({ ...page, records: page.records.map((skill) => localisedRecord(skill, language)) });
}

const changeSortKey = (change: TaxonomyChange) => `${change.timestamp}|${change.external_id}`;

/** Timestamps in filters may omit the zone (the docs' own example does); they are UTC then. */
function parseFilterTimestamp(value: unknown, where: string): string {
	if (typeof value !== 'string') throw badRequest(`${where}.value must be an ISO 8601 date-time string`);
	const withZone = /([zZ]|[+-]\d{2}:?\d{2})$/.test(value) ? value : `${value}Z`;
	const time = Date.parse(withZone);
	if (Number.isNaN(time)) throw badRequest(`${where}.value "${value}" is not an ISO 8601 date-time`);
	return isoSeconds(new Date(time));
}

function exportTaxonomyChanges(request: ApiRequest, data: SandboxData): ApiResult {
	const { query } = request;
	allowQuery(query, ['external_vendor']);
	const vendor = vocabularyQuery(query);
	const { limit, startingAfter, body } = keysetRequest(request, ['filters']);
	const predicates = filterList(body.filters, 'filters').map((filter, index): ((change: TaxonomyChange) => boolean) => {
		const where = `filters[${index}]`;
		switch (filter.filter) {
			case 'operation_type_is_in_list': {
				allowFields(filter, ['filter', 'operation_types'], where);
				const types = stringList(filter.operation_types, `${where}.operation_types`);
				const unknown = types.filter((type) => !(TAXONOMY_OPERATION_TYPES as readonly string[]).includes(type));
				if (unknown.length > 0) {
					throw badRequest(
						`${where}: unknown operation type(s) ${unknown.join(', ')}; known: ${TAXONOMY_OPERATION_TYPES.join(', ')}`,
					);
				}
				return (change) => types.includes(change.operation_type);
			}
			case 'external_id_is_in_list': {
				allowFields(filter, ['filter', 'external_ids'], where);
				const ids = new Set(stringList(filter.external_ids, `${where}.external_ids`));
				return (change) => ids.has(change.external_id);
			}
			case 'timestamp': {
				allowFields(filter, ['filter', 'value', 'operator'], where);
				const bound = parseFilterTimestamp(filter.value, where);
				const operator = filter.operator;
				if (operator === 'gte') return (change) => change.timestamp >= bound;
				if (operator === 'lte') return (change) => change.timestamp <= bound;
				if (operator === 'gt') return (change) => change.timestamp > bound;
				if (operator === 'lt') return (change) => change.timestamp < bound;
				throw badRequest(`${where}.operator must be gte, lte, gt or lt`);
			}
			default:
				throw badRequest(
					`${where}: unknown filter "${String(filter.filter)}" (operation_type_is_in_list, external_id_is_in_list, timestamp)`,
				);
		}
	});
	let cursorKey: string | undefined;
	if (startingAfter !== undefined) {
		const cursor = data.taxonomyChanges.find((change) => change.external_id === startingAfter);
		if (!cursor) throw badRequest(`starting_after "${startingAfter}" is not the external_id of a taxonomy change`);
		cursorKey = changeSortKey(cursor);
	}
	const changes = data.taxonomyChanges.filter(
		(change) => change.vocabulary === vendor && predicates.every((matches) => matches(change)),
	);
	const page = keysetPage(changes, changeSortKey, (change) => change.external_id, cursorKey, limit);
	return ok({
		...page,
		records: page.records.map(({ external_id, operation_type, content, timestamp }) => ({
			external_id,
			operation_type,
			content,
			timestamp,
		})),
	});
}

const EMPLOYEE_EXPORT_INCLUDES = [
	'skill_validation_state',
	'sources',
	'rejected_skills',
	'low_data_availability_flag',
] as const;

function exportEmployeeSkillProfiles(request: ApiRequest, data: SandboxData): ApiResult {
	const { query } = request;
	allowQuery(query, ['response_format', 'external_vendor']);
	requireListFormat(query, ['list', 'hierarchy']);
	const vendor = vocabularyQuery(query);
	const { limit, startingAfter, body } = keysetRequest(request, ['filters', 'include', 'output_skills_sorting']);
	const predicates = filterList(body.filters, 'filters').map(
		(filter, index): ((employee: EmployeeRecord) => boolean) => {
			const where = `filters[${index}]`;
			if (filter.filter !== 'is_active')
				throw badRequest(`${where}: unknown filter "${String(filter.filter)}" (is_active)`);
			allowFields(filter, ['filter', 'is_active'], where);
			if (typeof filter.is_active !== 'boolean') throw badRequest(`${where}.is_active must be true or false`);
			return (employee) => employee.active === filter.is_active;
		},
	);
	const includes = new Set(body.include === undefined ? [] : stringList(body.include, '"include"'));
	for (const include of includes) {
		if (!(EMPLOYEE_EXPORT_INCLUDES as readonly string[]).includes(include)) {
			throw badRequest(`include must be among ${EMPLOYEE_EXPORT_INCLUDES.join(', ')} (got "${include}")`);
		}
	}
	const sorting = body.output_skills_sorting;
	if (sorting !== undefined && typeof sorting !== 'string')
		throw badRequest('"output_skills_sorting" must be a string');
	const employees = [...data.employees.values()]
		.filter((employee) => predicates.every((matches) => matches(employee)))
		.sort((a, b) => (a.external_id < b.external_id ? -1 : a.external_id > b.external_id ? 1 : 0));
	const page = keysetPage(
		employees,
		(employee) => employee.external_id,
		(employee) => employee.external_id,
		startingAfter,
		limit,
	);
	const records = page.records.map((employee) => {
		const profile = employeeProfile(data, employee.external_id);
		const skills = profile.skills
			.filter((stored) => stored.validation_state !== 'rejected' || includes.has('rejected_skills'))
			.flatMap((stored) => {
				const view = employeeSkillView(data, stored, vendor);
				if (!view) return [];
				return [
					{
						skill: view.skill,
						skill_id: view.skill_id,
						...(includes.has('skill_validation_state') ? { validation_state: view.validation_state } : {}),
						...(includes.has('sources') ? { sources: view.sources } : {}),
						self_rated_proficiency_level: view.self_rated_proficiency_level,
						self_rated_proficiency_float: view.self_rated_proficiency_float,
						inferred_proficiency_level: view.inferred_proficiency_level,
						inferred_proficiency_float: view.inferred_proficiency_float,
					},
				];
			});
		if (sorting === 'alphabetical') skills.sort((a, b) => a.skill.localeCompare(b.skill));
		return {
			external_id: employee.external_id,
			seniority: profile.seniority,
			...(includes.has('low_data_availability_flag') ? { low_data_availability: employee.low_data_availability } : {}),
			skills,
		};
	});
	return ok({ ...page, records });
}

// ---------------------------------------------------------------------------------------------------------------------
// Route table and matching

export const API_ROUTES: readonly Route[] = [
	{ method: 'GET', path: '/employees', scope: 'read', handle: listEmployees },
	{ method: 'POST', path: '/employees', scope: 'write', handle: createEmployee },
	{ method: 'GET', path: '/employees/:external_id', scope: 'read', handle: getEmployee },
	{ method: 'PATCH', path: '/employees/:external_id', scope: 'write', handle: updateEmployee },
	{ method: 'GET', path: '/employees/:external_id/skill_profile', scope: 'read', handle: getEmployeeSkillProfile },
	{ method: 'PATCH', path: '/employees/:external_id/skill_profile', scope: 'write', handle: patchEmployeeSkillProfile },
	{ method: 'POST', path: '/employees/:employee_external_id/skill_events', scope: 'write', handle: postSkillEvent },
	{
		method: 'GET',
		path: '/job_architecture/jobs/:job_external_id/skill_profile',
		scope: 'read',
		handle: getJobSkillProfile,
	},
	{
		method: 'PATCH',
		path: '/job_architecture/jobs/:job_external_id/skill_profile',
		scope: 'write',
		handle: patchJobSkillProfile,
	},
	{
		method: 'GET',
		path: '/job_architecture/jobs/:job_external_id/suggested_skill_profile',
		scope: 'read',
		handle: getJobSuggestedSkillProfile,
	},
	{ method: 'GET', path: '/courses/:external_id/skill_profile', scope: 'read', handle: getCourseSkillProfile },
	{ method: 'GET', path: '/taxonomy/skills/:skill_id', scope: 'read', handle: getTaxonomySkill },
	{ method: 'POST', path: '/export/skills', scope: 'read', handle: exportSkills },
	{ method: 'POST', path: '/taxonomy/export', scope: 'read', handle: exportTaxonomyChanges },
	{ method: 'POST', path: '/export/employees/skill_profiles', scope: 'read', handle: exportEmployeeSkillProfiles },
];

export type RouteMatch =
	| { kind: 'found'; route: Route; params: Record<string, string> }
	| { kind: 'methodNotAllowed'; allowed: HttpMethod[] }
	| { kind: 'notFound' };

/** Finds the route for a path; a path id that breaks TechWolf's id rule is a 400 (ApiError). */
export function matchRoute(method: string, pathname: string): RouteMatch {
	const segments = pathname.split('/').slice(1);
	const candidates = API_ROUTES.filter((route) => {
		const pattern = route.path.split('/').slice(1);
		return (
			pattern.length === segments.length &&
			pattern.every((part, index) => part.startsWith(':') || part === segments[index])
		);
	});
	if (candidates.length === 0) return { kind: 'notFound' };
	const route = candidates.find((candidate) => candidate.method === method);
	if (!route)
		return { kind: 'methodNotAllowed', allowed: [...new Set(candidates.map((candidate) => candidate.method))] };
	const params: Record<string, string> = {};
	route.path
		.split('/')
		.slice(1)
		.forEach((part, index) => {
			if (!part.startsWith(':')) return;
			let value: string;
			try {
				value = decodeURIComponent(segments[index] ?? '');
			} catch {
				throw badRequest(`Path parameter ${part.slice(1)} is not valid percent-encoding`);
			}
			params[part.slice(1)] = requireExternalId(value, `Path parameter ${part.slice(1)}`);
		});
	return { kind: 'found', route, params };
}
