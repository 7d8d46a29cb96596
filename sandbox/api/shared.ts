/**
 * What every resource's routes share: the route and result types, TechWolf's errors, the vocabulary look-ups and the
 * keyset pager. A handler runs only after `index.ts` has checked the request against the contract, so it reads the
 * request's shape as given and judges only what the contract cannot: existence, duplicates, references.
 */
import { checkSchema } from '../contract';
import type { JsonValue, SandboxData, SkillRecord, TaxonomySkill, VocabularyName } from '../data';

export class ApiError extends Error {
	constructor(
		readonly status: number,
		readonly description: string,
	) {
		super(description);
		this.name = 'ApiError';
	}
}

export interface ApiRequest {
	params: Record<string, string>;
	query: URLSearchParams;
	/** Parsed JSON body, already checked against the contract; undefined when the request had none. */
	body: unknown;
}

export type ApiResult = { status: 200 | 202; body: JsonValue | object } | { status: 204 };

export type Handler = (request: ApiRequest, data: SandboxData) => ApiResult;

export const badRequest = (description: string) => new ApiError(400, description);
export const notFound = (description: string) => new ApiError(404, description);
export const conflict = (description: string) => new ApiError(409, description);
export const noContent = (): ApiResult => ({ status: 204 });
export const ok = (body: JsonValue | object): ApiResult => ({ status: 200, body });
export const accepted = (body: JsonValue | object): ApiResult => ({ status: 202, body });

export const DEFAULT_PAGE_SIZE = 100;

export function isObject(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The body as the contract let it through; `{}` when an optional body was left out. */
export function bodyOf<T>(request: ApiRequest): T {
	return (request.body ?? {}) as T;
}

/** `external_vendor` selects a vocabulary; without it (or with `techwolf`) TechWolf's own. */
export function vocabularyOf(query: URLSearchParams): VocabularyName {
	return (query.get('external_vendor') as VocabularyName | null) ?? 'techwolf';
}

export function vocabulary(data: SandboxData, name: VocabularyName): Map<string, TaxonomySkill> {
	return data.skills.get(name) ?? new Map<string, TaxonomySkill>();
}

export function liveSkill(data: SandboxData, name: VocabularyName, skillId: string): TaxonomySkill | undefined {
	const skill = vocabulary(data, name).get(skillId);
	return skill && !skill.deleted ? skill : undefined;
}

export function techwolfSkill(data: SandboxData, skillId: string): TaxonomySkill {
	const skill = vocabulary(data, 'techwolf').get(skillId);
	if (!skill) throw new Error(`Sandbox data refers to unknown skill ${skillId}`);
	return skill;
}

/** The skill name in the requested vocab_language; English (en_uk) is the default. */
export function localisedName(skill: TaxonomySkill, language: string | null | undefined): string {
	const normalised = (language ?? 'en').toLowerCase().replace('-', '_');
	const key = normalised === 'en_us' ? 'en_us' : normalised.split('_')[0];
	return (key && skill.translations[key]) || skill.record.default_skill_name;
}

export function localisedRecord(skill: TaxonomySkill, language: string | null | undefined): SkillRecord {
	return { ...skill.record, skill_name: localisedName(skill, language) };
}

/** The vendor skill that stands for a TechWolf skill, if the vendor's vocabulary has one. */
export function vendorCounterpart(
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

/** A feedback entry names a skill by `skill_id` or by `skill`; vendor feedback by both. */
export interface FeedbackSkill {
	skill_id?: string;
	skill?: string;
}

/** Resolves a feedback entry to a TechWolf skill id, in the vocabulary the feedback format names. */
export function resolveFeedbackSkill(
	data: SandboxData,
	item: FeedbackSkill,
	lookIn: VocabularyName,
	where: string,
): string {
	if (item.skill_id !== undefined) {
		const skill = liveSkill(data, lookIn, item.skill_id);
		if (!skill?.techwolfSkillId) {
			throw badRequest(`${where}: skill_id "${item.skill_id}" is not a skill of the ${lookIn} vocabulary`);
		}
		if (item.skill !== undefined && skill.record.default_skill_name.toLowerCase() !== item.skill.toLowerCase()) {
			throw badRequest(
				`${where}: skill_id "${item.skill_id}" is "${skill.record.default_skill_name}", not "${item.skill}"`,
			);
		}
		return skill.techwolfSkillId;
	}
	const wanted = (item.skill ?? '').toLowerCase();
	for (const skill of vocabulary(data, lookIn).values()) {
		if (!skill.deleted && skill.record.default_skill_name.toLowerCase() === wanted && skill.techwolfSkillId) {
			return skill.techwolfSkillId;
		}
	}
	throw badRequest(`${where}: no skill is named "${item.skill ?? ''}"`);
}

/** The `limit` and `starting_after` of an export body, with TechWolf's default page size. */
export function keysetParameters(body: { limit?: number; starting_after?: string | null }): {
	limit: number;
	startingAfter: string | undefined;
} {
	return { limit: body.limit ?? DEFAULT_PAGE_SIZE, startingAfter: body.starting_after ?? undefined };
}

/** Keyset page over records sorted by `sortKey`; the cursor is the sort key of the last record already seen. */
export function keysetPage<T>(
	sorted: T[],
	sortKey: (record: T) => string,
	idOf: (record: T) => string,
	cursorKey: string | undefined,
	limit: number,
): { has_next: boolean; next_starting_after?: string; records: T[] } {
	let start = cursorKey === undefined ? 0 : sorted.findIndex((record) => sortKey(record) > cursorKey);
	if (start < 0) start = sorted.length;
	const records = sorted.slice(start, start + limit);
	const hasNext = start + limit < sorted.length;
	const last = records[records.length - 1];
	// The pages type next_starting_after as a string: the last page leaves it out.
	return { has_next: hasNext, ...(hasNext && last ? { next_starting_after: idOf(last) } : {}), records };
}

/** The sandbox serves only the list shape: TechWolf does not show the others. */
export function requireListFormat(query: URLSearchParams): void {
	const format = query.get('response_format');
	if (format !== null && format !== 'list') {
		throw badRequest(
			`The sandbox implements response_format=list only; TechWolf does not document the "${format}" shape`,
		);
	}
}

export interface Feedback<Entry> {
	format: string;
	/** The vocabulary the entries name skills in: the vendor's for external_vendor_skills. */
	lookIn: VocabularyName;
	source: string | undefined;
	entries: Entry[];
}

/**
 * The body of skill profile feedback, held to the variant its `feedback_format` names (`variants`: format → schema
 * of the contract's components; the document's request body accepts any of them). Feedback that names nothing, and
 * vendor feedback without its vendor, are refused: there is nothing to record.
 */
export function feedbackOf<Entry>(request: ApiRequest, variants: Record<string, string>): Feedback<Entry> {
	const format = request.query.get('feedback_format') ?? 'skills';
	const schema = variants[format];
	if (!schema) throw badRequest(`feedback_format ${format} is not one of ${Object.keys(variants).join(', ')}`);
	const problems = checkSchema(schema, request.body, 'body');
	if (problems.length > 0) throw badRequest(problems.join('; '));
	const body = bodyOf<{ source?: string; external_vendor?: string; skills?: Entry[]; skill_clusters?: Entry[] }>(
		request,
	);
	const entries = (format === 'skill_clusters' ? body.skill_clusters : body.skills) ?? [];
	if (entries.length === 0)
		throw badRequest(
			`The ${format} feedback names no entry in ${format === 'skill_clusters' ? 'skill_clusters' : 'skills'}`,
		);
	if (format === 'external_vendor_skills' && body.external_vendor === undefined) {
		throw badRequest('feedback_format=external_vendor_skills names its vendor in the body: external_vendor');
	}
	return {
		format,
		lookIn: format === 'external_vendor_skills' ? (body.external_vendor as VocabularyName) : 'techwolf',
		source: body.source,
		entries,
	};
}
