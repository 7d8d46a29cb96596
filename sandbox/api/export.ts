/** Export routes (contract: `contract/export.ts`): employee skill profiles in bulk. */
import { employeeProfile, employeeSkillView } from './employee';
import { bodyOf, keysetPage, keysetParameters, ok, requireListFormat, vocabularyOf, type Handler } from './shared';

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

export const exportHandlers: Record<string, Handler> = { 'export.employeeSkillProfiles': exportEmployeeSkillProfiles };
