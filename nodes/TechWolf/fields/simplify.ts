/**
 * Simplify: the short form of TechWolf's large answers (skill profiles,
 * exports, suggestions), on by default. The shapes (also in the README):
 *
 * - a skill profile or export record: `{external_id, low_data_availability?, skill_count, skills: [{skill_id, skill,
 *   validation_state?, domain_name?, proficiency_level?, inferred_proficiency_level?, self_rated_proficiency_level?,
 *   critical?}]}`: sources, source events, skill types and the proficiency floats are left out. Answers without a
 *   `skills` list (the hierarchy, domain or skill-cluster formats) are returned as TechWolf sends them.
 * - skill suggestions: one item per employee, `{employee_id, suggested, validated, rejected}`, each a list of
 *   `{skill_id, skill}` with the name in the first requested language that has one.
 */
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

/** Simplify: TechWolf's large answers in their short form unless turned off. */
export const simplifyField: INodeProperties = {
	displayName: 'Simplify',
	name: 'simplify',
	type: 'boolean',
	default: true,
	description: 'Whether to return a short version of the response instead of all of TechWolf’s fields',
};

/** The Simplify toggle of the item. */
export function readSimplify(context: IExecuteFunctions, itemIndex: number): boolean {
	return context.getNodeParameter(simplifyField.name, itemIndex, simplifyField.default) as boolean;
}

const SKILL_FIELDS = [
	'validation_state',
	'domain_name',
	'proficiency_level',
	'inferred_proficiency_level',
	'self_rated_proficiency_level',
	'critical',
] as const;

function simplifySkill(skill: IDataObject): IDataObject {
	const short: IDataObject = { skill_id: skill.skill_id, skill: skill.skill };
	for (const field of SKILL_FIELDS) if (skill[field] !== undefined) short[field] = skill[field];
	return short;
}

/** A skill profile or an export record, shortened; unchanged when it has no `skills` list. */
export function simplifyProfile(profile: IDataObject): IDataObject {
	if (!Array.isArray(profile.skills)) return profile;
	const skills = (profile.skills as IDataObject[]).map(simplifySkill);
	return {
		external_id: profile.external_id,
		...(profile.low_data_availability !== undefined ? { low_data_availability: profile.low_data_availability } : {}),
		skill_count: skills.length,
		skills,
	};
}

interface SuggestedSkill {
	skill_id?: unknown;
	skill_names?: Array<{ language?: unknown; skill_name?: unknown; translation_found?: unknown }>;
}

function skillName(skill: SuggestedSkill): string | null {
	const found = (skill.skill_names ?? []).find(
		(name) => typeof name.skill_name === 'string' && name.translation_found !== false,
	);
	return found ? (found.skill_name as string) : null;
}

const SUGGESTION_GROUPS = { suggestions: 'suggested', validated: 'validated', rejected: 'rejected' } as const;

/** `{suggestions, validated, rejected}` grouped by employee: one item per employee, in the order asked for. */
export function simplifySuggestions(response: IDataObject, employeeIds: readonly string[]): IDataObject[] {
	const byEmployee = new Map<string, IDataObject>(
		employeeIds.map((id) => [id, { employee_id: id, suggested: [], validated: [], rejected: [] }]),
	);
	for (const [group, field] of Object.entries(SUGGESTION_GROUPS)) {
		const entries = (response[group] as Array<{ employee_id?: unknown; skills?: SuggestedSkill[] }> | undefined) ?? [];
		for (const entry of entries) {
			const id = String(entry.employee_id);
			if (!byEmployee.has(id)) byEmployee.set(id, { employee_id: id, suggested: [], validated: [], rejected: [] });
			const list = byEmployee.get(id)![field] as IDataObject[];
			for (const skill of entry.skills ?? [])
				list.push({ skill_id: skill.skill_id as string, skill: skillName(skill) });
		}
	}
	return [...byEmployee.values()];
}
