/**
 * The job write path against the strict sandbox, over real HTTP: create a job, feed it a job description, read the
 * suggested skill profile TechWolf infers from it; get and update; job families; the job skill profile export.
 */
import { FIXTURE_IDS } from '../../sandbox/data';
import { actionHarness, type ActionHarness } from './setup';

let harness: ActionHarness;
beforeAll(async () => {
	harness = await actionHarness();
});
afterAll(async () => {
	await harness.sandbox.stop();
});
beforeEach(() => harness.sandbox.reset());

const lastBody = (route: string) => harness.sandbox.stats().lastBodies[route];
const byLocator = (value: string) => ({ __rl: true, mode: 'id', value });

describe('Job', () => {
	test('create → add profile data → the suggested skill profile holds the skills read from the text', async () => {
		const [created] = await harness.json({
			resource: 'job',
			operation: 'create',
			newJobId: 'job-frontend',
			jobName: 'Frontend Developer',
			additionalFields: { jobFamilyId: FIXTURE_IDS.jobFamily },
		});
		expect(created).toEqual({ success: true, externalId: 'job-frontend', created: true });
		expect(lastBody('POST /job_architecture/jobs')).toEqual({
			external_id: 'job-frontend',
			job_name: 'Frontend Developer',
			job_family_id: FIXTURE_IDS.jobFamily,
		});

		const [added] = await harness.json({
			resource: 'job',
			operation: 'addProfileData',
			jobId: byLocator('job-frontend'),
			profileDataId: 'job-frontend-desc-1',
			dataType: 'job_description',
			text: 'Builds web applications in TypeScript, ships them with Docker and reviews code in Git.',
			source: 'Workday',
		});
		expect(added).toEqual({
			success: true,
			externalId: 'job-frontend',
			profileDataId: 'job-frontend-desc-1',
			dataType: 'job_description',
			added: true,
		});
		expect(lastBody('POST /job_architecture/jobs/job-frontend/profile_data')).toEqual({
			external_id: 'job-frontend-desc-1',
			source: 'Workday',
			data_type: 'job_description',
			data: {
				job_description: 'Builds web applications in TypeScript, ships them with Docker and reviews code in Git.',
			},
		});

		const [full] = await harness.json({
			resource: 'job',
			operation: 'getSuggestedSkillProfile',
			jobId: byLocator('job-frontend'),
			simplify: false,
			options: { domainNamespace: 'taxonomy' },
		});
		const fromText = (full.skills as Array<Record<string, unknown>>).filter((skill) =>
			(skill.source_data as Array<Record<string, unknown>>).some(
				(source) => source.external_id === 'job-frontend-desc-1',
			),
		);
		expect(fromText.map((skill) => skill.skill).sort()).toEqual(['Docker', 'Git', 'TypeScript']);
		expect(harness.sandbox.stats().recentRequests.pop()?.query).toBe('domain_namespace=taxonomy');

		const [simplified] = await harness.json({
			resource: 'job',
			operation: 'getSuggestedSkillProfile',
			jobId: 'job-frontend',
		});
		expect(simplified).toMatchObject({ external_id: 'job-frontend', skill_count: (full.skills as unknown[]).length });
		expect(Object.keys((simplified.skills as Array<Record<string, unknown>>)[0]!).sort()).toEqual(
			['domain_name', 'skill', 'skill_id', 'validation_state', 'critical'].sort(),
		);
	});

	test('get, then update the name and the job family, then get again', async () => {
		const [job] = await harness.json({ resource: 'job', operation: 'get', jobId: byLocator(FIXTURE_IDS.job) });
		expect(job).toEqual({ external_id: FIXTURE_IDS.job, job_name: 'Software Engineer', job_family_id: 'JF-ENG' });
		const [updated] = await harness.json({
			resource: 'job',
			operation: 'update',
			jobId: byLocator(FIXTURE_IDS.job),
			updateFields: { jobName: 'Senior Software Engineer', jobFamilyId: 'JF-DATA' },
		});
		expect(updated).toEqual({ success: true, externalId: FIXTURE_IDS.job, updated: true });
		expect(lastBody(`PATCH /job_architecture/jobs/${FIXTURE_IDS.job}`)).toEqual({
			job_name: 'Senior Software Engineer',
			job_family_id: 'JF-DATA',
		});
		expect(await harness.json({ resource: 'job', operation: 'get', jobId: FIXTURE_IDS.job })).toEqual([
			{ external_id: FIXTURE_IDS.job, job_name: 'Senior Software Engineer', job_family_id: 'JF-DATA' },
		]);
	});

	test("TechWolf's refusals reach the user with a hint: a duplicate job (409), an unknown job family (422)", async () => {
		await expect(
			harness.run({ resource: 'job', operation: 'create', newJobId: FIXTURE_IDS.job, jobName: 'Again' }),
		).rejects.toMatchObject({ httpCode: '409', description: expect.stringContaining('use Update instead of Create') });
		await expect(
			harness.run({
				resource: 'job',
				operation: 'create',
				newJobId: 'job-x',
				jobName: 'X',
				additionalFields: { jobFamilyId: 'NO-FAMILY' },
			}),
		).rejects.toMatchObject({ httpCode: '422', message: expect.stringContaining('NO-FAMILY') });
		await expect(
			harness.run({
				resource: 'job',
				operation: 'addProfileData',
				jobId: FIXTURE_IDS.job,
				profileDataId: `JP-${FIXTURE_IDS.job}`,
				dataType: 'job_title',
				text: 'Backend Engineer',
				source: 'n8n',
			}),
		).rejects.toMatchObject({ httpCode: '409' });
	});

	test('bad input is refused before any request, naming the field', async () => {
		const refusals: Array<[Record<string, unknown>, string]> = [
			[{ operation: 'create', newJobId: 'job 1', jobName: 'A' }, 'Job ID "job 1" is not a valid TechWolf ID'],
			[{ operation: 'create', newJobId: 'job-1', jobName: '  ' }, 'Job Name is empty'],
			[{ operation: 'create', newJobId: 'job-1', jobName: 'x'.repeat(256) }, 'Job Name is 256 characters long'],
			[
				{ operation: 'create', newJobId: 'job-1', jobName: 'A', additionalFields: { jobFamilyId: 'a/b' } },
				'Job Family ID "a/b" is not a valid TechWolf ID',
			],
			[{ operation: 'update', jobId: byLocator('J1'), updateFields: {} }, 'Nothing to update'],
			[{ operation: 'get', jobId: byLocator('') }, 'Job ID is empty'],
			[
				{
					operation: 'addProfileData',
					jobId: 'J1',
					profileDataId: 'd-1',
					dataType: 'job_family_description',
					text: 'x',
					source: 'n8n',
				},
				'Data Type "job_family_description" is not one TechWolf accepts',
			],
			[
				{
					operation: 'addProfileData',
					jobId: 'J1',
					profileDataId: 'd-1',
					dataType: 'vacancy',
					text: '',
					source: 'n8n',
				},
				'Text is empty',
			],
		];
		for (const [parameters, message] of refusals) {
			await expect(harness.run({ resource: 'job', ...parameters })).rejects.toMatchObject({
				message: expect.stringContaining(message),
			});
		}
		expect(harness.sandbox.stats().apiRequests).toBe(0);
	});

	test('Continue On Fail: each failing item becomes an error item paired with its input', async () => {
		const output = await harness.run(
			{ resource: 'job', operation: 'get', jobId: '={{ $json.id }}' },
			[{ json: { id: 'J2' } }, { json: { id: 'NOPE' } }, { json: { id: 'not valid' } }],
			{ continueOnFail: true },
		);
		expect(output.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
		expect(output[0]!.json.job_name).toBe('Data Analyst');
		expect(output[1]!.json).toMatchObject({ httpCode: '404' });
		expect(output[2]!.json.error).toContain('is not a valid TechWolf ID');
	});
});

describe('Job Family', () => {
	test('create, add a description, and the skill profile shows the skills read from it as suggested', async () => {
		expect(
			await harness.json({
				resource: 'jobFamily',
				operation: 'create',
				newJobFamilyId: '101',
				jobFamilyName: 'Software Developer',
				additionalFields: { jobFamilyGroup: 'IT & Engineering', active: true },
			}),
		).toEqual([{ success: true, externalId: '101', created: true }]);
		expect(lastBody('POST /job_architecture/job_families')).toEqual({
			external_id: '101',
			job_family_name: 'Software Developer',
			job_family_group: 'IT & Engineering',
			active: true,
		});
		await harness.json({
			resource: 'jobFamily',
			operation: 'addProfileData',
			jobFamilyId: '101',
			profileDataId: 'job-family-101-desc-1',
			dataType: 'job_family_description',
			text: 'A software developer writes code in Python and SQL.',
			source: 'Archives',
		});
		const [profile] = await harness.json({
			resource: 'jobFamily',
			operation: 'getSkillProfile',
			jobFamilyId: '101',
			options: { vocabLanguage: 'nl' },
		});
		expect(profile.external_id).toBe('101');
		expect((profile.skills as Array<Record<string, unknown>>).map((skill) => skill.validation_state)).toEqual([
			'suggested',
			'suggested',
		]);
	});

	test("an existing family's skill profile: governed skills validated, from its jobs", async () => {
		const [profile] = await harness.json({
			resource: 'jobFamily',
			operation: 'getSkillProfile',
			jobFamilyId: FIXTURE_IDS.jobFamily,
			simplify: false,
		});
		const skills = profile.skills as Array<Record<string, unknown>>;
		expect(skills.length).toBeGreaterThan(0);
		expect(skills.every((skill) => skill.validation_state === 'validated')).toBe(true);
	});
});

describe('Export → Job Skill Profiles', () => {
	test('Return All pages through TechWolf 100 jobs at a time; filters and include go in the body', async () => {
		const all = await harness.json({
			resource: 'export',
			operation: 'jobSkillProfiles',
			returnAll: true,
			simplify: false,
			options: {
				include: ['critical', 'proficiency_level'],
				jobFamilyIds: 'JF-ENG, JF-OPS',
				updatedSince: '2020-01-01T23:30:00+02:00',
				skillsSorting: 'confidence',
			},
		});
		expect(all.map((record) => record.external_id)).toEqual(['J1', 'J6', 'J7', 'J8']);
		expect(lastBody('POST /job_architecture/export/jobs/skill_profiles')).toEqual({
			limit: 100,
			filters: [
				// A day, as every example of TechWolf's job export pages; the day as written, not moved to UTC.
				{ filter: 'last_updated', value: '2020-01-01', operator: 'gt' },
				{ filter: 'job_family_id_is_in_list', job_family_ids: ['JF-ENG', 'JF-OPS'] },
			],
			include: ['critical', 'proficiency_level'],
			output_skills_sorting: 'confidence',
		});
		expect((all[0]!.skills as Array<Record<string, unknown>>)[0]).toHaveProperty('critical');
	});

	test('a limit is met across keyset pages, and Simplify shortens each record', async () => {
		const bulk = Array.from({ length: 120 }, (_, index) => ({ json: { id: `bulk-${index}` } }));
		await harness.run(
			{ resource: 'job', operation: 'create', newJobId: '={{ $json.id }}', jobName: '={{ $json.id }}' },
			bulk,
		);
		const before = harness.sandbox.stats().requestsByRoute['POST /job_architecture/export/jobs/skill_profiles'] ?? 0;
		const some = await harness.json({
			resource: 'export',
			operation: 'jobSkillProfiles',
			returnAll: false,
			limit: 105,
		});
		expect(some).toHaveLength(105);
		expect(harness.sandbox.stats().requestsByRoute['POST /job_architecture/export/jobs/skill_profiles']).toBe(
			before + 2,
		);
		expect(some[0]).toEqual({
			external_id: 'J1',
			skill_count: expect.any(Number),
			skills: expect.arrayContaining([expect.objectContaining({ skill_id: expect.any(String), skill: 'Python' })]),
		});
		expect(Object.keys(some[0]!).sort()).toEqual(['external_id', 'skill_count', 'skills']);
	});
});

describe('Simplify', () => {
	test('on by default; off gives TechWolf’s full answer', async () => {
		const parameters = {
			resource: 'employee',
			operation: 'getSkillProfile',
			employeeId: FIXTURE_IDS.employeeWithProfile,
		};
		const [simplified] = (await harness.run(parameters)).map((item) => item.json);
		expect(simplified).toEqual({
			external_id: FIXTURE_IDS.employeeWithProfile,
			low_data_availability: false,
			skill_count: expect.any(Number),
			skills: expect.any(Array),
		});
		const python = (simplified!.skills as Array<Record<string, unknown>>).find((skill) => skill.skill === 'Python');
		expect(python).toEqual({
			skill_id: FIXTURE_IDS.skill,
			skill: 'Python',
			validation_state: 'validated',
			inferred_proficiency_level: 3,
			self_rated_proficiency_level: 2,
		});
		const [full] = await harness.json({ ...parameters, simplify: false });
		expect(full).toHaveProperty('num_skill_events');
		expect((full!.skills as Array<Record<string, unknown>>)[0]).toHaveProperty('source_events');
	});
});

describe('Job → Get Employee Match (TechWolf’s Job Matching page)', () => {
	test('asks GET /employees/{employee}/jobs/{job}/match and returns the simple match result', async () => {
		const employeeId = FIXTURE_IDS.employeeWithProfile;
		const [match] = await harness.json({
			resource: 'job',
			operation: 'getEmployeeMatch',
			jobId: byLocator(FIXTURE_IDS.job),
			employeeId: byLocator(employeeId),
			options: { vocabLanguage: 'nl' },
		});
		const request = harness.sandbox.stats().recentRequests.pop();
		expect({ path: request?.path, query: request?.query, status: request?.status }).toEqual({
			path: `/employees/${employeeId}/jobs/${FIXTURE_IDS.job}/match`,
			query: 'vocab_language=nl',
			status: 200,
		});
		// The sandbox scores the share of the job's skills the employee holds (sandbox/api/matching.ts).
		const skillIds = async (parameters: Record<string, unknown>) => {
			const [profile] = await harness.json({ operation: 'getSkillProfile', simplify: false, ...parameters });
			return (profile.skills as Array<{ skill_id: string; validation_state?: string }>)
				.filter((skill) => skill.validation_state !== 'rejected')
				.map((skill) => skill.skill_id);
		};
		const held = new Set(await skillIds({ resource: 'employee', employeeId: byLocator(employeeId) }));
		const jobSkills = await skillIds({ resource: 'job', jobId: byLocator(FIXTURE_IDS.job) });
		const share = jobSkills.filter((id) => held.has(id)).length / jobSkills.length;
		expect(match).toEqual({ job_id: FIXTURE_IDS.job, employee_id: employeeId, score: expect.any(Number) });
		expect(match?.score).toBeCloseTo(share, 4);
		expect(match?.score).toBeGreaterThan(0);
	});

	test('an unknown employee is TechWolf’s 404, as an error item with Continue On Fail', async () => {
		const [item] = await harness.run(
			{
				resource: 'job',
				operation: 'getEmployeeMatch',
				jobId: byLocator(FIXTURE_IDS.job),
				employeeId: byLocator('NOBODY'),
			},
			[{ json: {} }],
			{ continueOnFail: true },
		);
		expect(item?.json).toMatchObject({ httpCode: '404' });
	});
});
