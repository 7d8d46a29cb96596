/**
 * TechWolf's Matchmaking through the node against the strict sandbox (sandbox/contract/READING.md, "Matchmaking"):
 * the match lists of employees, jobs, vacancies and external companies, the employee-vacancy match and the three
 * matching exports.
 * The sandbox scores the share of the required skills an employee holds (sandbox/api/matching.ts), so a list's score
 * must equal the single match's score for the same pair.
 */
import type { IDataObject } from 'n8n-workflow';

import { FIXTURE_IDS } from '../../sandbox/data';
import { useActionHarness } from './setup';

const harness = useActionHarness();

const byLocator = (value: string) => ({ __rl: true, mode: 'id', value });
const lastBody = (route: string) => harness.sandbox.stats().lastBodies[route];
const lastQuery = (route: string) => [...new URLSearchParams(harness.lastRequest(route)?.query ?? '')].sort();
const scores = (matches: IDataObject[]) => matches.map((match) => match.score as number);
const bestFirst = (values: number[]) => [...values].sort((a, b) => b - a);
const employeeId = FIXTURE_IDS.employeeWithProfile;

describe('Employee → Get Matching Jobs / Job → Get Matching Employees', () => {
	test('one item per job, best first, with TechWolf’s default configuration and the single match’s score', async () => {
		const jobs = await harness.json({
			resource: 'employee',
			operation: 'getMatchingJobs',
			employeeId: byLocator(employeeId),
		});
		const route = `POST /employees/${employeeId}/matching_jobs`;
		expect(lastBody(route)).toEqual({ filters: [], weights: [] });
		expect(lastQuery(route)).toEqual([]);
		expect(jobs.length).toBeGreaterThan(1);
		expect(jobs.every((job) => job.employee_id === employeeId)).toBe(true);
		expect(scores(jobs)).toEqual(bestFirst(scores(jobs)));
		const [single] = await harness.json({
			resource: 'job',
			operation: 'getEmployeeMatch',
			jobId: byLocator(String(jobs[0]?.job_id)),
			employeeId: byLocator(employeeId),
		});
		expect(single?.score).toBe(jobs[0]?.score);
		expect(jobs[0]).toEqual({ job_id: FIXTURE_IDS.job, employee_id: employeeId, score: expect.any(Number) });
	});

	test('a job’s employees: limit and minimum score as query, filters and weight in TechWolf’s shapes', async () => {
		const employees = await harness.json({
			resource: 'job',
			operation: 'getMatchingEmployees',
			jobId: byLocator(FIXTURE_IDS.job),
			options: { maxMatches: 4, minScore: 0.5 },
			filters: {
				updatedBefore: '2099-01-01T10:00:00',
				externalIds: `${employeeId}, E67, ${FIXTURE_IDS.inactiveEmployee}, E2`,
				customProperties: { condition: [{ propertyName: 'cost_center', operator: 'neq', value: 'CC-0' }] },
			},
			weights: { skillsMatch: 1 },
		});
		const route = `POST /job_architecture/jobs/${FIXTURE_IDS.job}/matching_employees`;
		expect(lastQuery(route)).toEqual([
			['limit', '4'],
			['score_min_threshold', '0.5'],
		]);
		expect(lastBody(route)).toEqual({
			filters: [
				{ filter: 'last_updated', value: '2099-01-01', operator: 'lt' },
				{ filter: 'custom_property', property_name: 'cost_center', operator: 'neq', property_value: 'CC-0' },
				{ filter: 'external_id_is_in_list', external_ids: [employeeId, 'E67', FIXTURE_IDS.inactiveEmployee, 'E2'] },
			],
			weights: [{ weight: 'skills_match', value: 1 }],
		});
		// E3 is inactive (left out, as the page says) and E2's empty profile scores 0, under the minimum.
		expect(employees.map((employee) => employee.employee_id)).toEqual([employeeId, 'E67']);
		expect(scores(employees).every((score) => score >= 0.5)).toBe(true);
	});
});

describe('Employee → Get Matching Vacancies / Get Vacancy Match', () => {
	test('the vacancies best first, within the distance asked; the single match names its score match_score', async () => {
		const vacancies = await harness.json({
			resource: 'employee',
			operation: 'getMatchingVacancies',
			employeeId: byLocator(employeeId),
			filters: { maxDistance: 200 },
		});
		expect(lastBody(`POST /employees/${employeeId}/matching_vacancies`)).toEqual({
			filters: [{ filter: 'max_geo_distance', max_geo_distance: 200 }],
			weights: [],
		});
		expect(vacancies[0]).toEqual({
			employee_id: employeeId,
			vacancy_id: FIXTURE_IDS.vacancy,
			score: expect.any(Number),
		});
		expect(scores(vacancies)).toEqual(bestFirst(scores(vacancies)));

		const [single] = await harness.json({
			resource: 'employee',
			operation: 'getVacancyMatch',
			employeeId: byLocator(employeeId),
			vacancyId: FIXTURE_IDS.vacancy,
		});
		expect(single).toEqual({
			employee_id: employeeId,
			vacancy_id: FIXTURE_IDS.vacancy,
			match_score: vacancies[0]?.score,
		});
		expect(single?.match_score).toBeGreaterThan(0);
	});
});

describe('Vacancy → Get Matching Employees', () => {
	test('the employees best first with the single match’s score; options as query, filters and weights as the body', async () => {
		const employees = await harness.json({
			resource: 'vacancy',
			operation: 'getMatchingEmployees',
			vacancyId: FIXTURE_IDS.vacancy,
			options: { maxMatches: 5, minScore: 0 },
			filters: { maxDistance: 200 },
		});
		const route = `POST /vacancies/${FIXTURE_IDS.vacancy}/matching_employees`;
		expect(lastQuery(route)).toEqual([
			['limit', '5'],
			['score_min_threshold', '0'],
		]);
		expect(lastBody(route)).toEqual({ filters: [{ filter: 'max_geo_distance', max_geo_distance: 200 }], weights: [] });
		expect(employees.length).toBeGreaterThan(1);
		expect(employees.length).toBeLessThanOrEqual(5);
		expect(employees.every((employee) => employee.vacancy_id === FIXTURE_IDS.vacancy)).toBe(true);
		expect(scores(employees)).toEqual(bestFirst(scores(employees)));

		const [single] = await harness.json({
			resource: 'employee',
			operation: 'getVacancyMatch',
			employeeId: byLocator(employeeId),
			vacancyId: FIXTURE_IDS.vacancy,
		});
		const listed = employees.find((employee) => employee.employee_id === employeeId);
		expect(listed?.score).toBe(single?.match_score);
	});

	test('a weight lifts the score: the distance boost goes in TechWolf’s shape', async () => {
		const plain = await harness.json({
			resource: 'vacancy',
			operation: 'getMatchingEmployees',
			vacancyId: FIXTURE_IDS.vacancy,
			filters: { maxDistance: 200, externalIds: employeeId },
		});
		const boosted = await harness.json({
			resource: 'vacancy',
			operation: 'getMatchingEmployees',
			vacancyId: FIXTURE_IDS.vacancy,
			filters: { maxDistance: 200, externalIds: employeeId },
			weights: { distanceBoost: 0.1, fullScoreDistance: 500, zeroScoreDistance: 1000 },
		});
		expect(lastBody(`POST /vacancies/${FIXTURE_IDS.vacancy}/matching_employees`)).toEqual({
			filters: [
				{ filter: 'max_geo_distance', max_geo_distance: 200 },
				{ filter: 'external_id_is_in_list', external_ids: [employeeId] },
			],
			weights: [{ weight: 'geo_distance', value: 0.1, full_score_distance: 500, zero_score_distance: 1000 }],
		});
		expect(plain.map((employee) => employee.employee_id)).toEqual([employeeId]);
		expect(boosted[0]?.score).toBeCloseTo(Math.min(1, Number(plain[0]?.score) + 0.1), 5);
	});
});

describe('External Company matching', () => {
	test('a company scores the employee’s best vacancy and names it; weights go in the documented shapes', async () => {
		const weights = { desiredFunctions: 0.03, distanceBoost: 0.1, fullScoreDistance: 5, zeroScoreDistance: 50 };
		const [company] = await harness.json({
			resource: 'employee',
			operation: 'getMatchingCompanies',
			employeeId: byLocator(employeeId),
			options: { maxMatches: 1 },
			weights,
		});
		expect(lastBody(`POST /employees/${employeeId}/matching_companies`)).toEqual({
			filters: [],
			weights: [
				{ weight: 'desired_functions', value: 0.03 },
				{ weight: 'geo_distance', value: 0.1, full_score_distance: 5, zero_score_distance: 50 },
			],
		});
		expect(company).toMatchObject({ company_id: 'acme', employee_id: employeeId });
		// With the distance boost both of acme's vacancies contribute; the best, V1, comes first.
		expect((company?.matching_vacancies as IDataObject[])[0]).toEqual({
			external_id: FIXTURE_IDS.vacancy,
			job_title: 'Senior Data Engineer',
		});

		const employees = await harness.json({
			resource: 'company',
			operation: 'getMatchingEmployees',
			companyId: 'acme',
			options: { maxMatches: 100, minScore: 0 },
			filters: { externalIds: employeeId },
			weights,
		});
		expect(employees).toEqual([company]);
	});
});

describe('Export → Employee Matching Jobs / Job Matching Employees', () => {
	test('one item per source entity, its matches capped, paged at the page’s largest size', async () => {
		const employees = await harness.json({
			resource: 'export',
			operation: 'employeeMatchingJobs',
			limit: 3,
			options: { maxMatches: 2, minScore: 0.3 },
		});
		expect(employees.map((record) => record.employee_id)).toHaveLength(3);
		for (const record of employees) {
			const matches = record.matches as IDataObject[];
			expect(matches.length).toBeLessThanOrEqual(2);
			expect(scores(matches).every((score) => score >= 0.3)).toBe(true);
		}
		expect(lastBody('POST /export/employees/matching_jobs')).toMatchObject({
			match_limit_per_entity: 2,
			score_min_threshold: 0.3,
			filters: [],
			weights: [],
		});

		const jobs = await harness.json({ resource: 'export', operation: 'jobMatchingEmployees', returnAll: true });
		expect(jobs.map((record) => record.job_id)).toContain(FIXTURE_IDS.job);
		expect(lastBody('POST /job_architecture/export/jobs/matching_employees')).toMatchObject({ limit: 50 });
	});
});

describe('Export → Employee Matching Vacancies', () => {
	test('one item per employee with its best vacancies, distance filter and boost in the vacancy shapes', async () => {
		const records = await harness.json({
			resource: 'export',
			operation: 'employeeMatchingVacancies',
			limit: 2,
			options: { maxMatches: 1, minScore: 0 },
			filters: { maxDistance: 300 },
			weights: { desiredFunctions: 0.03 },
		});
		expect(records).toHaveLength(2);
		for (const record of records) {
			expect(record).toEqual({ employee_id: expect.any(String), matches: expect.any(Array) });
			expect((record.matches as IDataObject[]).length).toBeLessThanOrEqual(1);
		}
		expect(lastBody('POST /export/employees/matching_vacancies')).toEqual({
			limit: 2,
			match_limit_per_entity: 1,
			score_min_threshold: 0,
			filters: [{ filter: 'max_geo_distance', max_geo_distance: 300 }],
			weights: [{ weight: 'desired_functions', value: 0.03 }],
		});

		const all = await harness.json({ resource: 'export', operation: 'employeeMatchingVacancies', returnAll: true });
		const mine = all.find((record) => record.employee_id === employeeId);
		expect((mine?.matches as IDataObject[])[0]).toEqual({ vacancy_id: FIXTURE_IDS.vacancy, score: expect.any(Number) });
		expect(lastBody('POST /export/employees/matching_vacancies')).toMatchObject({ limit: 50 });
	});
});

describe('what TechWolf refuses', () => {
	test('more than 100 matches is TechWolf’s 400, reported with its reason', async () => {
		await expect(
			harness.run({
				resource: 'job',
				operation: 'getMatchingEmployees',
				jobId: byLocator(FIXTURE_IDS.job),
				options: { maxMatches: 150 },
			}),
		).rejects.toMatchObject({ httpCode: '400', message: expect.stringContaining('limit must be <= 100') });
		// The strict sandbox records the refusal; it is this test's point, so it is taken off before the check after it.
		expect(harness.sandbox.stats().contractViolations).toEqual([
			{ endpoint: 'matchEmployeesForJob', problems: ['query/limit must be <= 100'] },
		]);
		harness.sandbox.reset();
	});

	test('a vacancy’s employees: more than 100 is TechWolf’s 400 (the page’s range)', async () => {
		await expect(
			harness.run({
				resource: 'vacancy',
				operation: 'getMatchingEmployees',
				vacancyId: FIXTURE_IDS.vacancy,
				options: { maxMatches: 101 },
			}),
		).rejects.toMatchObject({ httpCode: '400', message: expect.stringContaining('limit must be <= 100') });
		expect(harness.sandbox.stats().contractViolations).toEqual([
			{ endpoint: 'matchEmployeesForVacancy', problems: ['query/limit must be <= 100'] },
		]);
		harness.sandbox.reset();
	});

	test('a bad ID in Only IDs is refused before any request', async () => {
		await expect(
			harness.run({
				resource: 'employee',
				operation: 'getMatchingJobs',
				employeeId: byLocator(employeeId),
				filters: { externalIds: 'J1, J/2' },
			}),
		).rejects.toMatchObject({ message: 'Only IDs "J/2" is not a valid TechWolf ID' });
		expect(harness.sandbox.stats().apiRequests).toBe(0);
	});

	test('a custom property condition without a property name is refused before any request, naming the condition', async () => {
		await expect(
			harness.run({
				resource: 'job',
				operation: 'getMatchingEmployees',
				jobId: byLocator(FIXTURE_IDS.job),
				filters: {
					customProperties: {
						condition: [
							{ propertyName: 'cost_center', operator: 'eq', value: 'CC-1' },
							{ propertyName: ' ', operator: 'eq', value: 'CC-2' },
						],
					},
				},
			}),
		).rejects.toMatchObject({ message: 'Custom Property Condition 2: Property Name is empty' });
		expect(harness.sandbox.stats().apiRequests).toBe(0);
	});
});
