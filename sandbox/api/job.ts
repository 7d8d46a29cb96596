/** Job routes (contract: `contract/job.ts`): the skill profile, the suggested skill profile and feedback. */
import type { JobRecord, SandboxData, TaxonomySkill, VocabularyName } from '../data';
import {
	bodyOf,
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
} from './shared';

function findJob(data: SandboxData, externalId: string): JobRecord {
	const job = data.jobs.get(externalId);
	if (!job) throw notFound(`Job with external_id "${externalId}" was not found`);
	return job;
}

function domainName(skill: TaxonomySkill, namespace: string | null): string {
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
	const format = request.query.get('feedback_format') ?? 'skills';
	const lookIn: VocabularyName = format === 'external_vendor_skills' ? vocabularyOf(request.query) : 'techwolf';
	const job = findJob(data, request.params.job_external_id ?? '');
	const { skills } = bodyOf<{ skills: JobFeedback[] }>(request);
	const resolved = skills.map((item, index) => ({
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

export const jobHandlers: Record<string, Handler> = {
	'job.getSkillProfile': getJobSkillProfile,
	'job.getSuggestedSkillProfile': getJobSuggestedSkillProfile,
	'job.updateSkillProfile': patchJobSkillProfile,
};
