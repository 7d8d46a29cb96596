/**
 * Skill cluster routes (operations of `contract/techwolf.openapi.yaml`). The clusters are the taxonomy's own: every TechWolf
 * vocabulary skill names its cluster (`taxonomy_skill_cluster_id`), so a cluster is its id, name, domain and skills.
 */
import type { SandboxData, TaxonomySkill } from '../data';
import { localisedName, notFound, ok, requireListFormat, vocabulary, type Handler } from './shared';

/** When the taxonomy's clusters were last changed: the fixtures' epoch. */
const CLUSTERS_LAST_UPDATED = '2024-01-02T08:00:00Z';

export function clusterSkills(data: SandboxData, clusterId: string): TaxonomySkill[] {
	return [...vocabulary(data, 'techwolf').values()].filter(
		(skill) => !skill.deleted && skill.record.taxonomy_skill_cluster_id === clusterId,
	);
}

function findCluster(data: SandboxData, externalId: string): TaxonomySkill[] {
	const skills = clusterSkills(data, externalId);
	if (skills.length === 0) throw notFound(`Skill Cluster with external_id "${externalId}" was not found`);
	return skills;
}

const getSkillCluster: Handler = ({ params, query }, data) => {
	const externalId = params.external_id ?? '';
	const skills = findCluster(data, externalId);
	const { record } = skills[0] as TaxonomySkill;
	return ok({
		external_id: externalId,
		skill_cluster_name: record.taxonomy_skill_cluster_name,
		last_updated: CLUSTERS_LAST_UPDATED,
		skill_cluster_description: `${record.taxonomy_skill_cluster_name}, in the ${record.taxonomy_domain_name} domain: ${skills.map((skill) => skill.record.default_skill_name).join(', ')}.`,
		skill_cluster_type: 'taxonomy',
		...(query.getAll('include').includes('custom_properties')
			? { custom_properties: [{ property_name: 'owner', property_value: 'People Analytics' }] }
			: {}),
	});
};

const getSkillClusterSkillProfile: Handler = ({ params, query }, data) => {
	requireListFormat(query);
	const externalId = params.external_id ?? '';
	const skills = findCluster(data, externalId);
	const language = query.get('vocab_language');
	return ok({
		external_id: externalId,
		skills: skills.map((skill) => ({ skill: localisedName(skill, language) })),
		domain: (skills[0] as TaxonomySkill).record.taxonomy_domain_name,
	});
};

export const skillClusterHandlers: Record<string, Handler> = {
	getSkillCluster: getSkillCluster,
	getSkillClusterSkillProfile: getSkillClusterSkillProfile,
};
