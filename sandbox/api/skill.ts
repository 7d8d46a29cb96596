/** Skill routes (operations of `contract/techwolf.openapi.yaml`): one skill, and the skill export. */
import type { TaxonomySkill } from '../data';
import {
	bodyOf,
	keysetPage,
	keysetParameters,
	liveSkill,
	localisedRecord,
	notFound,
	ok,
	vocabulary,
	vocabularyOf,
	type Handler,
} from './shared';

const getTaxonomySkill: Handler = ({ params, query }, data) => {
	const vendor = vocabularyOf(query);
	const skillId = params.skill_id ?? '';
	const skill = liveSkill(data, vendor, skillId);
	if (!skill) {
		throw notFound(
			`Skill "${skillId}" was not found in the ${vendor === 'techwolf' ? 'TechWolf' : vendor} vocabulary` +
				(vocabulary(data, vendor).get(skillId)?.deleted ? ' (it was removed)' : ''),
		);
	}
	return ok(localisedRecord(skill, query.get('vocab_language')));
};

type SkillFilter =
	{ filter: 'skill_source'; skill_source: string } | { filter: 'skill_id_is_in_list'; skill_ids: string[] };

function matches(filter: SkillFilter, skill: TaxonomySkill): boolean {
	return filter.filter === 'skill_source'
		? skill.record.skill_source === filter.skill_source
		: filter.skill_ids.includes(skill.record.skill_id);
}

const exportSkills: Handler = (request, data) => {
	const body = bodyOf<{ limit?: number; starting_after?: string | null; filters?: { filters: SkillFilter[] } }>(
		request,
	);
	const { limit, startingAfter } = keysetParameters(body);
	const filters = body.filters?.filters ?? [];
	const skills = [...vocabulary(data, vocabularyOf(request.query)).values()]
		.filter((skill) => !skill.deleted && filters.every((filter) => matches(filter, skill)))
		.sort((a, b) => (a.record.skill_id < b.record.skill_id ? -1 : 1));
	const page = keysetPage(
		skills,
		(skill) => skill.record.skill_id,
		(skill) => skill.record.skill_id,
		startingAfter,
		limit,
	);
	const language = request.query.get('vocab_language');
	return ok({ ...page, records: page.records.map((skill) => localisedRecord(skill, language)) });
};

export const skillHandlers: Record<string, Handler> = { getSkill: getTaxonomySkill, exportSkills };
