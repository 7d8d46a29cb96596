/** Job family routes (operations of `contract/techwolf.openapi.yaml`): create, the skill profile and profile data. */
import type { JobFamilyRecord, SandboxData } from '../data';
import { extractSkillIds } from './extraction';
import { domainName, suggest } from './job';
import {
	bodyOf,
	conflict,
	localisedName,
	noContent,
	notFound,
	ok,
	vendorCounterpart,
	vocabularyOf,
	type Handler,
} from './shared';

function findFamily(data: SandboxData, externalId: string): JobFamilyRecord {
	const family = data.jobFamilies.get(externalId);
	if (!family) throw notFound(`Job Family with external_id "${externalId}" was not found`);
	return family;
}

const createJobFamily: Handler = (request, data) => {
	const body = bodyOf<{
		external_id: string;
		job_family_name: string;
		job_family_group?: string;
		active?: boolean | null;
	}>(request);
	if (data.jobFamilies.has(body.external_id)) {
		throw conflict(`Job Family with external_id "${body.external_id}" already exists`);
	}
	data.jobFamilies.set(body.external_id, {
		external_id: body.external_id,
		job_family_name: body.job_family_name,
		job_family_group: body.job_family_group ?? null,
		active: body.active ?? true,
		suggestedSkillIds: [],
		profileDataIds: new Set(),
	});
	return noContent();
};

/**
 * Governed skills: the Family-Specific and Core skills its jobs share; suggested: those inferred from its profile
 * data. `validation_state` tells them apart, as the page says.
 */
const getJobFamilySkillProfile: Handler = ({ params, query }, data) => {
	const family = findFamily(data, params.job_family_external_id ?? '');
	const vendor = vocabularyOf(query);
	const governed = new Set<string>();
	for (const job of data.jobs.values()) {
		if (job.job_family_id !== family.external_id) continue;
		for (const skill of job.skills) {
			if (skill.skill_types.some((type) => type.skill_type !== 'Job-Specific')) governed.add(skill.skill_id);
		}
	}
	const entries: [string, string][] = [
		...[...governed].map((id): [string, string] => [id, 'validated']),
		...family.suggestedSkillIds.filter((id) => !governed.has(id)).map((id): [string, string] => [id, 'suggested']),
	];
	return ok({
		external_id: family.external_id,
		skills: entries.flatMap(([skillId, state]) => {
			const skill = vendorCounterpart(data, vendor, skillId);
			if (!skill) return [];
			return [
				{
					skill_id: skill.record.skill_id,
					skill: localisedName(skill, query.get('vocab_language')),
					domain_name: domainName(skill, query.get('domain_namespace')),
					validation_state: state,
				},
			];
		}),
	});
};

/** The family's text is read for skills: suggested for the family and, sourced to the family, for its jobs. */
const addJobFamilyProfileData: Handler = (request, data) => {
	const family = findFamily(data, request.params.job_family_external_id ?? '');
	const entry = bodyOf<{ external_id: string; data: Record<string, string> }>(request);
	if (family.profileDataIds.has(entry.external_id)) {
		throw conflict(`Profile data "${entry.external_id}" already exists for job family "${family.external_id}"`);
	}
	family.profileDataIds.add(entry.external_id);
	for (const skillId of extractSkillIds(data, entry.data)) {
		if (!family.suggestedSkillIds.includes(skillId)) family.suggestedSkillIds.push(skillId);
		for (const job of data.jobs.values()) {
			if (job.job_family_id === family.external_id)
				suggest(job, skillId, family.external_id, 'job_family_profile_data');
		}
	}
	return noContent();
};

export const jobFamilyHandlers: Record<string, Handler> = {
	createJobFamily,
	getJobFamilySkillProfile,
	addJobFamilyProfileData,
};
