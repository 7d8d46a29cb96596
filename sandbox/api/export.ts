/** Export routes (operations of `contract/techwolf.openapi.yaml`): employee skill profiles in bulk. */
import { employeeProfile, employeeSkillView } from './employeeRecords';
import { domainName } from './job';
import {
	badRequest,
	bodyOf,
	keysetPage,
	localisedName,
	ok,
	requireListFormat,
	vendorCounterpart,
	vocabularyOf,
	type Handler,
	keysetParameters,
} from './shared';

interface EmployeeExportBody {
	limit?: number;
	starting_after?: string | null;
	filters?: { filter: 'is_active'; is_active: boolean }[];
	include?: string[];
	output_skills_sorting?: string;
}

const exportEmployeeSkillProfiles: Handler = (request, data) => {
	requireListFormat(request.query);
	const vendor = vocabularyOf(request.query);
	const body = bodyOf<EmployeeExportBody>(request);
	const { limit, startingAfter } = keysetParameters(body);
	const includes = new Set(body.include ?? []);
	const employees = [...data.employees.values()]
		.filter((employee) => (body.filters ?? []).every((filter) => employee.active === filter.is_active))
		.sort((a, b) => (a.external_id < b.external_id ? -1 : a.external_id > b.external_id ? 1 : 0));
	const page = keysetPage(
		employees,
		(employee) => employee.external_id,
		(employee) => employee.external_id,
		startingAfter,
		limit,
	);
	const records = page.records.map((employee) => {
		const profile = employeeProfile(data, employee.external_id);
		const skills = profile.skills
			.filter((stored) => stored.validation_state !== 'rejected' || includes.has('rejected_skills'))
			.flatMap((stored) => {
				const view = employeeSkillView(data, stored, vendor);
				if (!view) return [];
				return [
					{
						skill: view.skill,
						skill_id: view.skill_id,
						...(includes.has('skill_validation_state') ? { validation_state: view.validation_state } : {}),
						...(includes.has('sources') ? { sources: view.sources } : {}),
						self_rated_proficiency_level: view.self_rated_proficiency_level,
						self_rated_proficiency_float: view.self_rated_proficiency_float,
						inferred_proficiency_level: view.inferred_proficiency_level,
						inferred_proficiency_float: view.inferred_proficiency_float,
					},
				];
			});
		if (body.output_skills_sorting === 'alphabetical') skills.sort((a, b) => a.skill.localeCompare(b.skill));
		return {
			external_id: employee.external_id,
			seniority: profile.seniority,
			...(includes.has('low_data_availability_flag') ? { low_data_availability: employee.low_data_availability } : {}),
			skills,
		};
	});
	return ok({ ...page, records });
};

type JobExportFilter =
	| { filter: 'last_updated'; value: string; operator: 'lt' | 'gt' }
	| { filter: 'job_family_id_is_in_list'; job_family_ids: string[] };

interface JobExportBody {
	limit?: number;
	starting_after?: string | null;
	filters?: JobExportFilter[];
	include?: string[];
	output_skills_sorting?: 'alphabetical' | 'confidence';
}

/** Jobs in the order they were created; `starting_after` is the external_id of the last job of the previous page. */
const exportJobSkillProfiles: Handler = (request, data) => {
	requireListFormat(request.query);
	const vendor = vocabularyOf(request.query);
	const body = bodyOf<JobExportBody>(request);
	const limit = body.limit ?? 10;
	const includes = new Set(body.include ?? []);
	const sortKey = (sequence: number) => String(sequence).padStart(10, '0');
	let cursorKey: string | undefined;
	if (body.starting_after) {
		const after = data.jobs.get(body.starting_after);
		if (!after) throw badRequest(`starting_after "${body.starting_after}" is not the external_id of a job`);
		cursorKey = sortKey(after.sequence);
	}
	const jobs = [...data.jobs.values()]
		.filter((job) =>
			(body.filters ?? []).every((filter) =>
				filter.filter === 'job_family_id_is_in_list'
					? job.job_family_id !== null && filter.job_family_ids.includes(job.job_family_id)
					: filter.operator === 'lt'
						? Date.parse(job.last_updated) < Date.parse(filter.value)
						: Date.parse(job.last_updated) > Date.parse(filter.value),
			),
		)
		.sort((a, b) => a.sequence - b.sequence);
	const page = keysetPage(
		jobs,
		(job) => sortKey(job.sequence),
		(job) => job.external_id,
		cursorKey,
		limit,
	);
	const records = page.records.map((job) => {
		const skills = job.skills.flatMap((stored) => {
			const skill = vendorCounterpart(data, vendor, stored.skill_id);
			if (!skill) return [];
			return [
				{
					skill_id: skill.record.skill_id,
					skill: localisedName(skill, null),
					skill_types: stored.skill_types.map((type) => ({ ...type })),
					domain_name: domainName(skill, null),
					validation_state: stored.validation_state,
					...(includes.has('proficiency_level') ? { proficiency_level: stored.proficiency_level } : {}),
					...(includes.has('proficiency_float') ? { proficiency_float: stored.proficiency_float } : {}),
					...(includes.has('critical') ? { critical: stored.critical } : {}),
				},
			];
		});
		if (body.output_skills_sorting === 'alphabetical') skills.sort((a, b) => a.skill.localeCompare(b.skill));
		return {
			external_id: job.external_id,
			...(includes.has('low_data_availability_flag') ? { low_data_availability: job.low_data_availability } : {}),
			skills,
		};
	});
	return ok({ ...page, records });
};

export const exportHandlers: Record<string, Handler> = {
	exportEmployeeSkillProfiles,
	exportJobSkillProfiles,
};
