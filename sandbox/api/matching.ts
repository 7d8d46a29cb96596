/** Matchmaking routes (operations of `contract/techwolf.openapi.yaml`): the match score between an employee and a job. */
import { employeeProfile } from './employeeRecords';
import { findJob } from './job';
import { badRequest, ok, type Handler } from './shared';

/**
 * TechWolf does not say how it scores a match, only that the score lies between 0 and 1. The sandbox's score is the
 * share of the job's skills the employee has and has not rejected: deterministic, so tests can expect it.
 */
const getEmployeeJobMatch: Handler = ({ params, query }, data) => {
	if ((query.get('response_format') ?? 'simple') !== 'simple') {
		throw badRequest('The sandbox implements response_format=simple only; TechWolf does not show the explained shape');
	}
	const employeeId = params.employee_external_id ?? '';
	const job = findJob(data, params.job_external_id ?? '');
	const held = new Set(
		employeeProfile(data, employeeId)
			.skills.filter((skill) => skill.validation_state !== 'rejected')
			.map((skill) => skill.skill_id),
	);
	const shared = job.skills.filter((skill) => held.has(skill.skill_id)).length;
	const score = job.skills.length === 0 ? 0 : Math.round((shared / job.skills.length) * 1e5) / 1e5;
	return ok({ job_id: job.external_id, employee_id: employeeId, score });
};

export const matchingHandlers: Record<string, Handler> = { getEmployeeJobMatch };
