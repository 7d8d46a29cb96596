/** Course routes (operations of `contract/techwolf.openapi.yaml`). */
import { localisedName, notFound, ok, vendorCounterpart, type Handler } from './shared';

/** The shape (external_id + skills) is a guess: TechWolf's course pages are not in the copies. */
const getCourseSkillProfile: Handler = ({ params, query }, data) => {
	const externalId = params.external_id ?? '';
	const course = data.courses.get(externalId);
	if (!course) throw notFound(`Course with external_id "${externalId}" was not found`);
	return ok({
		external_id: course.external_id,
		skills: course.skillIds.flatMap((id) => {
			const skill = vendorCounterpart(data, 'techwolf', id);
			return skill
				? [{ skill: localisedName(skill, query.get('vocab_language')), skill_id: skill.record.skill_id }]
				: [];
		}),
	});
};

export const courseHandlers: Record<string, Handler> = { getCourseSkillProfile };
