/** The stored employee records every employee route reads: the employee, its profile, its skills, its Skill Events. */
import type {
	EmployeeRecord,
	SandboxData,
	StoredEmployeeProfile,
	StoredEmployeeSkill,
	StoredSkillEvent,
	VocabularyName,
} from '../data';
import { localisedName, notFound, vendorCounterpart } from './shared';

export function findEmployee(data: SandboxData, externalId: string): EmployeeRecord {
	const employee = data.employees.get(externalId);
	if (!employee) throw notFound(`Employee with external_id "${externalId}" was not found`);
	return employee;
}

export function employeeProfile(data: SandboxData, externalId: string): StoredEmployeeProfile {
	findEmployee(data, externalId);
	const profile = data.employeeProfiles.get(externalId);
	if (!profile) throw new Error(`Employee ${externalId} has no stored profile`);
	return profile;
}

/** A stored skill as the profile and the bulk export show it, in the requested vocabulary and language. */
export function employeeSkillView(
	data: SandboxData,
	stored: StoredEmployeeSkill,
	vendor: VocabularyName,
	language?: string | null,
) {
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

/** Adds a Skill Event to the employee's list (GET …/skill_events). */
export function recordSkillEvent(data: SandboxData, externalId: string, event: StoredSkillEvent): void {
	const events = data.skillEvents.get(externalId) ?? [];
	events.push(event);
	data.skillEvents.set(externalId, events);
}
