/**
 * Matchmaking routes (operations of `contract/techwolf.openapi.yaml`): the match score between one employee and one
 * job or vacancy, and the skills-share score every match list (`matchLists.ts`) ranks by.
 */
import type { SandboxData } from '../data';
import type { VacancyRecord } from '../fixtures/vacancies';
import { employeeProfile, findEmployee } from './employeeRecords';
import { extractSkillIds } from './extraction';
import { findJob } from './job';
import { ApiError, badRequest, notFound, ok, type Handler } from './shared';

/** The skills an employee counts as having for a match: every skill of its profile it has not rejected. */
export function heldSkills(data: SandboxData, employeeId: string): Set<string> {
	return new Set(
		employeeProfile(data, employeeId)
			.skills.filter((skill) => skill.validation_state !== 'rejected')
			.map((skill) => skill.skill_id),
	);
}

/**
 * TechWolf does not say how it scores a match, only that the score lies between 0 and 1. The sandbox's score is the
 * share of the required skills the employee holds: deterministic, so tests can expect it.
 */
export function skillShare(required: readonly string[], held: ReadonlySet<string>): number {
	if (required.length === 0) return 0;
	const shared = required.filter((skillId) => held.has(skillId)).length;
	return Math.round((shared / required.length) * 1e5) / 1e5;
}

/** A vacancy's required skills: the skills its title and description name (TechWolf extracts them from the text). */
export function vacancySkills(data: SandboxData, vacancy: VacancyRecord): string[] {
	return extractSkillIds(data, [vacancy.job_title, vacancy.job_description]);
}

export function findVacancy(data: SandboxData, externalId: string): VacancyRecord {
	const vacancy = data.vacancies.get(externalId);
	if (!vacancy) throw notFound(`Vacancy with external_id "${externalId}" was not found`);
	return vacancy;
}

/** The simple format only: no stored page shows the explained one. */
export function requireSimpleFormat(query: URLSearchParams): void {
	if ((query.get('response_format') ?? 'simple') !== 'simple') {
		throw badRequest('The sandbox implements response_format=simple only; TechWolf does not show the explained shape');
	}
}

const getEmployeeJobMatch: Handler = ({ params, query }, data) => {
	requireSimpleFormat(query);
	const employeeId = params.employee_external_id ?? '';
	const job = findJob(data, params.job_external_id ?? '');
	const score = skillShare(
		job.skills.map((skill) => skill.skill_id),
		heldSkills(data, employeeId),
	);
	return ok({ job_id: job.external_id, employee_id: employeeId, score });
};

/** The newest crawl of the page names the score `match_score` (the older one `score`). */
const getEmployeeVacancyMatch: Handler = ({ params, query }, data) => {
	requireSimpleFormat(query);
	if (query.getAll('include').includes('relevant_experience')) {
		throw new ApiError(501, 'The sandbox does not play include=relevant_experience: TechWolf does not show its shape');
	}
	const employee = findEmployee(data, params.employee_external_id ?? '');
	const vacancy = findVacancy(data, params.vacancy_external_id ?? '');
	const match_score = skillShare(vacancySkills(data, vacancy), heldSkills(data, employee.external_id));
	return ok({ employee_id: employee.external_id, vacancy_id: vacancy.external_id, match_score });
};

export const matchingHandlers: Record<string, Handler> = { getEmployeeJobMatch, getEmployeeVacancyMatch };
