/** A stand-in for TechWolf's skill inference: enough to make Skill Events and histories visibly change a profile. */
import type { SandboxData, StoredEmployeeProfile } from '../data';
import { isObject, vocabulary } from './shared';

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

/** The TechWolf skills whose names the content's text mentions. */
export function extractSkillIds(data: SandboxData, content: unknown): string[] {
	const text = collectText(content, []).join('\n').toLowerCase();
	const found: string[] = [];
	for (const skill of vocabulary(data, 'techwolf').values()) {
		if (!skill.deleted && skill.record.inference_enabled && mentions(text, skill.record.default_skill_name)) {
			found.push(skill.record.skill_id);
		}
	}
	return found;
}

/** Adds an event as evidence for skills: new skills start as suggested, with a low inferred proficiency. */
export function addEvidence(
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
