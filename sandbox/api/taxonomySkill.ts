/** Create Skill (operations of `contract/techwolf.openapi.yaml`): a custom skill in TechWolf's vocabulary or a vendor's. */
import type { JsonObject } from '../data';
import { bodyOf, conflict, noContent, vocabulary, vocabularyOf, type Handler } from './shared';

interface CreateSkillBody {
	skill_id: string;
	skill_name: string;
	skill_description?: string;
	properties?: JsonObject | null;
}

const createSkill: Handler = (request, data) => {
	const vendor = vocabularyOf(request.query);
	const body = bodyOf<CreateSkillBody>(request);
	const skills = vocabulary(data, vendor);
	if (skills.get(body.skill_id)?.deleted === false) {
		throw conflict(`A skill with skill_id "${body.skill_id}" already exists`);
	}
	const description = body.skill_description ?? '';
	skills.set(body.skill_id, {
		vocabulary: vendor,
		deleted: false,
		// A custom skill stands for itself: it has no TechWolf vocabulary counterpart.
		techwolfSkillId: vendor === 'techwolf' ? body.skill_id : null,
		translations: {},
		record: {
			skill_id: body.skill_id,
			skill_name: body.skill_name,
			skill_description: description,
			skill_source: 'custom',
			inference_enabled: false,
			default_skill_name: body.skill_name,
			default_skill_description: description,
			techwolf_domain: '',
			taxonomy_domain_id: '',
			taxonomy_domain_name: '',
			taxonomy_skill_cluster_id: '',
			taxonomy_skill_cluster_name: '',
			properties: body.properties ?? {},
		},
	});
	data.skills.set(vendor, skills);
	return noContent();
};

export const taxonomySkillHandlers: Record<string, Handler> = { createSkill: createSkill };
