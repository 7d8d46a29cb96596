/**
 * Match list routes (operations of `contract/techwolf.openapi.yaml`): the best jobs, vacancies or external companies
 * for an employee, the best employees for a job, a vacancy or a company, and the three matching exports. Every list scores with
 * `matching.ts`'s skill share, then applies the body's filters (hard) and weights (soft) as TechWolf describes them.
 */
import type { EmployeeRecord, JobRecord, SandboxData } from '../data';
import type { VacancyRecord } from '../fixtures/vacancies';
import { findEmployee } from './employeeRecords';
import { findJob } from './job';
import { findVacancy, heldSkills, requireSimpleFormat, skillShare, vacancySkills } from './matching';
import { ApiError, badRequest, bodyOf, keysetPage, notFound, ok, type ApiRequest, type Handler } from './shared';

type Filter = { filter: string } & Record<string, unknown>;
type Weight = { weight: string; value: number; full_score_distance?: number; zero_score_distance?: number };
interface MatchingBody {
	filters?: Filter[];
	weights?: Weight[];
}

/** What a filter or weight reads of an entity on either side of a match. */
interface Side {
	external_id: string;
	last_updated?: string;
	custom_properties: { property_name: string; property_value: unknown }[];
	location: { lat: number; lng: number } | null;
}

/** Vacancy and company matching: "If the max_geo_distance filter is not provided, a default value of 50km is used." */
const DEFAULT_MAX_GEO_DISTANCE_KM = 50;
/** No page gives a default number of results; the sandbox uses the pages' example, 10. */
const DEFAULT_MATCH_LIMIT = 10;

const jobSide = (job: JobRecord): Side => ({ ...job, custom_properties: [], location: null });

function kilometres(from: Side['location'], to: Side['location']): number | undefined {
	if (!from || !to) return undefined;
	const radians = (degrees: number) => (degrees * Math.PI) / 180;
	const a =
		Math.sin(radians(to.lat - from.lat) / 2) ** 2 +
		Math.cos(radians(from.lat)) * Math.cos(radians(to.lat)) * Math.sin(radians(to.lng - from.lng) / 2) ** 2;
	return 6371 * 2 * Math.asin(Math.sqrt(a));
}

function property(side: Side, name: unknown): unknown {
	return side.custom_properties.find((entry) => entry.property_name === name)?.property_value;
}

function compare(actual: unknown, operator: unknown, expected: unknown): boolean {
	if (actual === undefined) return false;
	const numeric = Number(actual) - Number(expected);
	const order = Number.isNaN(numeric) ? String(actual).localeCompare(String(expected)) : numeric;
	const outcomes: Record<string, boolean> = {
		lt: order < 0,
		lte: order <= 0,
		eq: order === 0,
		gte: order >= 0,
		gt: order > 0,
		neq: order !== 0,
	};
	return outcomes[String(operator ?? 'eq')] ?? false;
}

/** Whether the target passes one filter; a filter the sandbox does not play is a 501, not a silent pass. */
function admits(filter: Filter, source: Side, target: Side): boolean {
	switch (filter.filter) {
		case 'last_updated':
			return compare(Date.parse(target.last_updated ?? ''), filter.operator, Date.parse(String(filter.value)));
		case 'custom_property':
			return compare(property(target, filter.property_name), filter.operator, filter.property_value);
		case 'custom_property_equal': {
			const wanted = property(source, filter.from_entity_property);
			return wanted !== undefined && compare(property(target, filter.to_entity_property), 'eq', wanted);
		}
		case 'external_id_is_in_list':
			return (filter.external_ids as string[]).includes(target.external_id);
		case 'max_geo_distance':
			return (kilometres(source.location, target.location) ?? 0) <= Number(filter.max_geo_distance);
		default:
			throw new ApiError(501, `The sandbox does not play the ${filter.filter} filter`);
	}
}

/** The score after the weights: skills_match scales the skill share, the other weights add a boost (tutorial). */
function weighted(share: number, weights: Weight[], source: Side, target: Side, desiredFunction: boolean): number {
	let score = share;
	for (const weight of weights) {
		if (weight.weight === 'skills_match') score += share * (weight.value - 1);
		else if (weight.weight === 'desired_functions') score += desiredFunction ? weight.value : 0;
		else if (weight.weight === 'geo_distance') {
			const distance = kilometres(source.location, target.location);
			const full = weight.full_score_distance ?? 0;
			const zero = weight.zero_score_distance ?? full;
			if (distance === undefined || distance >= zero) continue;
			score += distance <= full ? weight.value : (weight.value * (zero - distance)) / (zero - full);
		} else throw new ApiError(501, `The sandbox does not play the ${weight.weight} weight`);
	}
	return Math.round(Math.min(1, Math.max(0, score)) * 1e5) / 1e5;
}

interface Pair {
	source: Side;
	target: Side;
	share: number;
	desiredFunction?: boolean;
	vacancy?: VacancyRecord;
}

/** The pairs the filters admit, scored with the weights, best first, over the threshold, as many as the limit. */
function ranked(pairs: Pair[], body: MatchingBody, geoDefault: boolean, threshold: number, limit: number) {
	const filters = body.filters ?? [];
	const withGeo =
		geoDefault && !filters.some((filter) => filter.filter === 'max_geo_distance')
			? [...filters, { filter: 'max_geo_distance', max_geo_distance: DEFAULT_MAX_GEO_DISTANCE_KM }]
			: filters;
	return pairs
		.filter((pair) => withGeo.every((filter) => admits(filter, pair.source, pair.target)))
		.map((pair) => ({
			...pair,
			score: weighted(pair.share, body.weights ?? [], pair.source, pair.target, pair.desiredFunction ?? false),
		}))
		.filter((pair) => pair.score >= threshold)
		.sort((a, b) => b.score - a.score || a.target.external_id.localeCompare(b.target.external_id))
		.slice(0, limit);
}

const listQuery = (query: URLSearchParams) => ({
	threshold: Number(query.get('score_min_threshold') ?? 0),
	limit: Number(query.get('limit') ?? DEFAULT_MATCH_LIMIT),
});

function desires(employee: EmployeeRecord, title: string): boolean {
	return employee.desired_functions.some((wanted) => wanted.title.toLowerCase() === title.toLowerCase());
}

function jobPairs(data: SandboxData, employee: EmployeeRecord): Pair[] {
	const held = heldSkills(data, employee.external_id);
	return [...data.jobs.values()].map((job) => ({
		source: employee,
		target: jobSide(job),
		share: skillShare(
			job.skills.map((skill) => skill.skill_id),
			held,
		),
	}));
}

/** Only active employees, without those who hold the job (the job matching page). */
function employeePairs(data: SandboxData, job: JobRecord): Pair[] {
	const required = job.skills.map((skill) => skill.skill_id);
	return [...data.employees.values()]
		.filter((employee) => employee.active && employee.assigned_position_id !== job.external_id)
		.map((employee) => ({
			source: jobSide(job),
			target: employee,
			share: skillShare(required, heldSkills(data, employee.external_id)),
		}));
}

/**
 * An employee paired with each vacancy. The filters judge the target side: the vacancies when an employee looks for
 * them, the employee when a company looks for employees (`employeeIsTarget`).
 */
function vacancyPairs(
	data: SandboxData,
	employee: EmployeeRecord,
	vacancies: VacancyRecord[],
	employeeIsTarget = false,
): Pair[] {
	const held = heldSkills(data, employee.external_id);
	return vacancies.map((vacancy) => ({
		...(employeeIsTarget ? { source: vacancy, target: employee } : { source: employee, target: vacancy }),
		share: skillShare(vacancySkills(data, vacancy), held),
		desiredFunction: desires(employee, vacancy.job_title),
		vacancy,
	}));
}

const matchJobsForEmployee: Handler = ({ params, query, body }, data) => {
	const employee = findEmployee(data, params.external_id ?? '');
	const { threshold, limit } = listQuery(query);
	const matches = ranked(jobPairs(data, employee), (body ?? {}) as MatchingBody, false, threshold, limit);
	return ok({
		results: matches.map((match) => ({
			job_id: match.target.external_id,
			employee_id: employee.external_id,
			score: match.score,
		})),
	});
};

const matchEmployeesForJob: Handler = ({ params, query, body }, data) => {
	requireSimpleFormat(query);
	if (query.getAll('include').length > 0) {
		throw new ApiError(501, 'The sandbox does not play include on job matching: TechWolf does not show its shape');
	}
	const job = findJob(data, params.external_id ?? '');
	const { threshold, limit } = listQuery(query);
	const matches = ranked(employeePairs(data, job), (body ?? {}) as MatchingBody, false, threshold, limit);
	return ok(
		matches.map((match) => ({ job_id: job.external_id, employee_id: match.target.external_id, score: match.score })),
	);
};

const matchVacanciesForEmployee: Handler = ({ params, query, body }, data) => {
	const employee = findEmployee(data, params.external_id ?? '');
	const { threshold, limit } = listQuery(query);
	const pairs = vacancyPairs(data, employee, [...data.vacancies.values()]);
	const matches = ranked(pairs, (body ?? {}) as MatchingBody, true, threshold, limit);
	return ok(
		matches.map((match) => ({
			employee_id: employee.external_id,
			vacancy_id: match.target.external_id,
			score: match.score,
		})),
	);
};

/** As matching_vacancies the other way round (the tutorial); the page does not say inactive employees are left out. */
const matchEmployeesForVacancy: Handler = ({ params, query, body }, data) => {
	const vacancy = findVacancy(data, params.external_id ?? '');
	const { threshold, limit } = listQuery(query);
	const pairs = [...data.employees.values()].flatMap((employee) => vacancyPairs(data, employee, [vacancy], true));
	const matches = ranked(pairs, (body ?? {}) as MatchingBody, true, threshold, limit);
	return ok(
		matches.map((match) => ({
			employee_id: match.target.external_id,
			vacancy_id: vacancy.external_id,
			score: match.score,
		})),
	);
};

/**
 * A company's match with an employee is the employee's best match with one of the company's vacancies;
 * matching_vacancies lists the vacancies that contributed (those with a score above 0), best first.
 */
function companyMatches(data: SandboxData, employee: EmployeeRecord, body: MatchingBody, employeeIsTarget: boolean) {
	const vacancies = [...data.vacancies.values()];
	const pairs = vacancyPairs(data, employee, vacancies, employeeIsTarget);
	const matches = ranked(pairs, body, true, 0, vacancies.length);
	const byCompany = new Map<
		string,
		{ score: number; matching_vacancies: { external_id: string; job_title: string }[] }
	>();
	for (const match of matches.filter((scored) => scored.score > 0)) {
		const vacancy = match.vacancy as VacancyRecord;
		const company = byCompany.get(vacancy.company) ?? { score: match.score, matching_vacancies: [] };
		company.matching_vacancies.push({ external_id: vacancy.external_id, job_title: vacancy.job_title });
		byCompany.set(vacancy.company, company);
	}
	return byCompany;
}

function companyList(entries: { company_id: string; employee_id: string; score: number }[], query: URLSearchParams) {
	const { threshold, limit } = listQuery(query);
	return entries
		.filter((entry) => entry.score >= threshold)
		.sort(
			(a, b) =>
				b.score - a.score || a.employee_id.localeCompare(b.employee_id) || a.company_id.localeCompare(b.company_id),
		)
		.slice(0, limit);
}

const matchCompaniesForEmployee: Handler = ({ params, query, body }, data) => {
	const employee = findEmployee(data, params.external_id ?? '');
	const companies = companyMatches(data, employee, (body ?? {}) as MatchingBody, false);
	const entries = [...companies].map(([company_id, match]) => ({
		company_id,
		employee_id: employee.external_id,
		...match,
	}));
	return ok(companyList(entries, query));
};

const matchEmployeesForCompany: Handler = ({ params, query, body }, data) => {
	const companyId = params.external_id ?? '';
	if (![...data.vacancies.values()].some((vacancy) => vacancy.company === companyId)) {
		throw notFound(`External Company with external_id "${companyId}" was not found`);
	}
	const entries = [...data.employees.values()].flatMap((employee) => {
		const match = companyMatches(data, employee, (body ?? {}) as MatchingBody, true).get(companyId);
		return match ? [{ company_id: companyId, employee_id: employee.external_id, ...match }] : [];
	});
	return ok(companyList(entries, query));
};

interface MatchingExportBody extends MatchingBody {
	limit?: number;
	match_limit_per_entity?: number;
	score_min_threshold?: number;
	starting_after?: string;
}

/** A matching export pages through the source entities by external_id; each record holds that entity's best matches. */
function matchingExport<Source extends { external_id: string }>(
	request: ApiRequest,
	sources: Source[],
	pairsOf: (source: Source) => Pair[],
	matchOf: (pair: Pair & { score: number }) => Record<string, unknown>,
	sourceKey: string,
) {
	requireSimpleFormat(request.query);
	const body = bodyOf<MatchingExportBody>(request);
	const sorted = [...sources].sort((a, b) => a.external_id.localeCompare(b.external_id));
	if (body.starting_after !== undefined && !sorted.some((source) => source.external_id === body.starting_after)) {
		throw badRequest(
			`starting_after "${body.starting_after}" is not the external_id of a ${sourceKey.replace('_id', '')}`,
		);
	}
	const page = keysetPage(
		sorted,
		(source) => source.external_id,
		(source) => source.external_id,
		body.starting_after,
		body.limit ?? DEFAULT_MATCH_LIMIT,
	);
	const records = page.records.map((source) => ({
		[sourceKey]: source.external_id,
		matches: ranked(
			pairsOf(source),
			body,
			false,
			body.score_min_threshold ?? 0,
			body.match_limit_per_entity ?? DEFAULT_MATCH_LIMIT,
		).map(matchOf),
	}));
	return ok({ ...page, records });
}

const exportEmployeeMatchingJobs: Handler = (request, data) =>
	matchingExport(
		request,
		[...data.employees.values()],
		(employee) => jobPairs(data, employee),
		(match) => ({ job_id: match.target.external_id, score: match.score }),
		'employee_id',
	);

const exportJobMatchingEmployees: Handler = (request, data) =>
	matchingExport(
		request,
		[...data.jobs.values()],
		(job) => employeePairs(data, job),
		(match) => ({ employee_id: match.target.external_id, score: match.score }),
		'job_id',
	);

/** The page names no 50 km default for the export, so none applies (the match lists' default is the pages' word). */
const exportEmployeeMatchingVacancies: Handler = (request, data) =>
	matchingExport(
		request,
		[...data.employees.values()],
		(employee) => vacancyPairs(data, employee, [...data.vacancies.values()]),
		(match) => ({ vacancy_id: match.target.external_id, score: match.score }),
		'employee_id',
	);

export const matchListHandlers: Record<string, Handler> = {
	matchJobsForEmployee,
	matchEmployeesForJob,
	matchVacanciesForEmployee,
	matchCompaniesForEmployee,
	matchEmployeesForCompany,
	exportEmployeeMatchingJobs,
	exportJobMatchingEmployees,
	matchEmployeesForVacancy,
	exportEmployeeMatchingVacancies,
};
