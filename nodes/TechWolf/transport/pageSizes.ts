/**
 * The largest `limit` each paginated SkillEngine call takes, by method and path template as TechWolf's pages (and the
 * contract, `sandbox/contract/techwolf.openapi.yaml`) write them: every paginated call takes its page size from here,
 * and test/action/pageSizes.test.ts holds each entry to the contract's `limit` maximum.
 */
export const PAGE_SIZES = {
	'GET /employees': 200,
	'GET /employees/{employee_external_id}/skill_events': 200,
	'POST /export/employees/skill_profiles': 100,
	'POST /job_architecture/export/jobs/skill_profiles': 100,
	'POST /export/skills': 200,
	'POST /taxonomy/export': 200,
	'GET /organisational_units': 200,
	'POST /export/employees/skill_clusters': 100,
	'POST /export/employees/task_profiles': 100,
	'POST /job_architecture/export/suggestions': 100,
	'POST /job_architecture/export/jobs/task_profiles': 100,
	'POST /job_architecture/export/jobs/market_skill_profiles': 100,
	'POST /job_architecture/export/jobs/market_alignment': 100,
	'POST /export/employees/matching_jobs': 50,
	'POST /job_architecture/export/jobs/matching_employees': 50,
	'POST /export/employees/matching_vacancies': 50,
} as const;

export type PaginatedCall = keyof typeof PAGE_SIZES;
