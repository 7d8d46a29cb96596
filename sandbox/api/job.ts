/** Job routes (operations of `contract/techwolf.openapi.yaml`): the skill profile, the suggested skill profile and feedback. */
import { isoSeconds, type JobRecord, type SandboxData, type TaxonomySkill } from '../data';
import { extractSkillIds } from './extraction';
import {
	ApiError,
	bodyOf,
	conflict,
	localisedName,
	noContent,
	notFound,
	ok,
	requireListFormat,
	resolveFeedbackSkill,
	vendorCounterpart,
	vocabularyOf,
	type FeedbackSkill,
	type Handler,
	feedbackOf,
} from './shared';

export function findJob(data: SandboxData, externalId: string): JobRecord {
	const job = data.jobs.get(externalId);
	if (!job) throw notFound(`Job with external_id "${externalId}" was not found`);
	return job;
}

export function domainName(skill: TaxonomySkill, namespace: string | null): string {
	return (namespace ?? 'techwolf') === 'techwolf' ? skill.record.techwolf_domain : skill.record.taxonomy_domain_name;
}

/** Fields beyond skill, id, types and domain are opt-in through `include`, as TechWolf documents for jobs. */
const getJobSkillProfile: Handler = ({ params, query }, data) => {
	requireListFormat(query);
	const vendor = vocabularyOf(query);
	const includes = new Set(query.getAll('include'));
	const job = findJob(data, params.job_external_id ?? '');
	const skills = job.skills.flatMap((stored) => {
		const skill = vendorCounterpart(data, vendor, stored.skill_id);
		if (!skill) return [];
		return [
			{
				skill_id: skill.record.skill_id,
				skill: localisedName(skill, query.get('vocab_language')),
				skill_types: stored.skill_types.map((type) => ({ ...type })),
				domain_name: domainName(skill, query.get('domain_namespace')),
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
};

const getJobSuggestedSkillProfile: Handler = ({ params, query }, data) => {
	const vendor = vocabularyOf(query);
	const job = findJob(data, params.job_external_id ?? '');
	return ok({
		external_id: job.external_id,
		skills: job.suggestions.flatMap((suggestion) => {
			const skill = vendorCounterpart(data, vendor, suggestion.skill_id);
			if (!skill) return [];
			return [
				{
					skill_id: skill.record.skill_id,
					skill: localisedName(skill, query.get('vocab_language')),
					skill_type: suggestion.skill_type,
					domain_name: domainName(skill, query.get('domain_namespace')),
					validation_state: 'suggested',
					source_data: suggestion.source_data.map((source) => ({ ...source })),
					critical: suggestion.critical,
				},
			];
		}),
	});
};

interface JobFeedback extends FeedbackSkill {
	has_skill: boolean;
	proficiency_level?: number | null;
	proficiency_float?: number | null;
	critical?: boolean | null;
}

const patchJobSkillProfile: Handler = (request, data) => {
	const { lookIn, entries } = feedbackOf<JobFeedback>(request, {
		skills: 'JobSkillsFeedback',
		external_vendor_skills: 'ExternalVendorSkillsFeedback',
	});
	const job = findJob(data, request.params.job_external_id ?? '');
	const resolved = entries.map((item, index) => ({
		item,
		skillId: resolveFeedbackSkill(data, item, lookIn, `skills[${index}]`),
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
				critical: null,
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
};

/** A job family a job names must exist (the Workday EIB page: "a job family with that id MUST exist"). */
function requireFamily(data: SandboxData, jobFamilyId: string | null | undefined): void {
	if (jobFamilyId && !data.jobFamilies.has(jobFamilyId)) {
		throw new ApiError(422, `Job Family with external_id "${jobFamilyId}" does not exist; create it first`);
	}
}

/** A job in a family gets the family's suggested skills, sourced to the family's profile data. */
function familySuggestions(data: SandboxData, job: JobRecord): void {
	const family = job.job_family_id ? data.jobFamilies.get(job.job_family_id) : undefined;
	for (const skillId of family?.suggestedSkillIds ?? [])
		suggest(job, skillId, family!.external_id, 'job_family_profile_data');
}

/** Adds (or sources) a suggestion, unless the skill is already on the job's profile. */
export function suggest(
	job: JobRecord,
	skillId: string,
	sourceId: string,
	sourceType: 'job_profile_data' | 'job_family_profile_data',
): void {
	if (job.skills.some((skill) => skill.skill_id === skillId)) return;
	let suggestion = job.suggestions.find((existing) => existing.skill_id === skillId);
	if (!suggestion) {
		suggestion = { skill_id: skillId, skill_type: 'Job-Specific', source_data: [], critical: false };
		job.suggestions.push(suggestion);
	}
	if (!suggestion.source_data.some((source) => source.external_id === sourceId)) {
		suggestion.source_data.push({ external_id: sourceId, source_data_type: sourceType });
	}
}

const createJob: Handler = (request, data) => {
	const body = bodyOf<{ external_id: string; job_name: string; job_family_id?: string }>(request);
	if (data.jobs.has(body.external_id)) {
		throw conflict(`Job with external_id "${body.external_id}" already exists; use PATCH to update it`);
	}
	requireFamily(data, body.job_family_id);
	const job: JobRecord = {
		external_id: body.external_id,
		title: body.job_name,
		job_family_id: body.job_family_id ?? null,
		sequence: Math.max(0, ...[...data.jobs.values()].map((existing) => existing.sequence)) + 1,
		last_updated: isoSeconds(new Date()),
		low_data_availability: true,
		skills: [],
		suggestions: [],
		profileDataIds: new Set(),
	};
	familySuggestions(data, job);
	data.jobs.set(job.external_id, job);
	return noContent();
};

const getJob: Handler = ({ params }, data) => {
	const job = findJob(data, params.job_external_id ?? '');
	return ok({ external_id: job.external_id, job_name: job.title, job_family_id: job.job_family_id });
};

const updateJob: Handler = (request, data) => {
	const job = findJob(data, request.params.job_external_id ?? '');
	const body = bodyOf<{ job_name?: string; job_family_id?: string | null }>(request);
	if (body.job_family_id !== undefined) {
		requireFamily(data, body.job_family_id);
		job.job_family_id = body.job_family_id;
		familySuggestions(data, job);
	}
	if (body.job_name !== undefined) job.title = body.job_name;
	job.last_updated = isoSeconds(new Date());
	return noContent();
};

interface ProfileData {
	external_id: string;
	source: string;
	data_type: string;
	data: Record<string, string>;
}

/** The text is read for skills, which become suggestions sourced to this profile data. */
const addJobProfileData: Handler = (request, data) => {
	const job = findJob(data, request.params.job_external_id ?? '');
	const entry = bodyOf<ProfileData>(request);
	if (job.profileDataIds.has(entry.external_id)) {
		throw conflict(`Profile data "${entry.external_id}" already exists for job "${job.external_id}"`);
	}
	job.profileDataIds.add(entry.external_id);
	for (const skillId of extractSkillIds(data, entry.data)) suggest(job, skillId, entry.external_id, 'job_profile_data');
	job.last_updated = isoSeconds(new Date());
	return noContent();
};

export const jobHandlers: Record<string, Handler> = {
	createJob,
	getJob,
	updateJob,
	addJobProfileData,
	getJobSkillProfile,
	getJobSuggestedSkillProfile,
	giveJobSkillProfileFeedback: patchJobSkillProfile,
};
