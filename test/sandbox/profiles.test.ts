/** Skill profiles, feedback, Skill Events and the taxonomy, as the sandbox keeps them. */
import { FIXTURE_IDS } from '../../sandbox/data';
import { expectTechWolfError, useSandbox } from './client';

const client = useSandbox();

describe('skill profiles and the taxonomy', () => {
	test('E1 has validated and suggested skills; E2 has an empty profile', async () => {
		const full = (await client.call(`/employees/${FIXTURE_IDS.employeeWithProfile}/skill_profile`)).body as {
			skills: { validation_state: string }[];
		};
		expect(new Set(full.skills.map((skill) => skill.validation_state))).toEqual(new Set(['validated', 'suggested']));
		expect((await client.call(`/employees/${FIXTURE_IDS.employeeWithEmptyProfile}/skill_profile`)).body).toEqual({
			external_id: FIXTURE_IDS.employeeWithEmptyProfile,
			num_skill_events: 0,
			low_data_availability: true,
			skills: [],
		});
	});

	test('feedback validates a suggested skill; an item with both skill and skill_id is a 400', async () => {
		const path = `/employees/${FIXTURE_IDS.employeeWithProfile}/skill_profile`;
		const stateOf = async () =>
			((await client.call(path)).body as { skills: { skill_id: string; validation_state: string }[] }).skills.find(
				(skill) => skill.skill_id === FIXTURE_IDS.suggestedSkillOfEmployee,
			)?.validation_state;
		expect(await stateOf()).toBe('suggested');
		const both = { skill: 'Docker', skill_id: FIXTURE_IDS.suggestedSkillOfEmployee, has_skill: true };
		expectTechWolfError(await client.call(path, { method: 'PATCH', json: { source: 'oracle', skills: [both] } }), 400);
		expect(await stateOf()).toBe('suggested');
		const feedback = {
			source: 'oracle',
			skills: [{ skill_id: FIXTURE_IDS.suggestedSkillOfEmployee, has_skill: true }],
		};
		expect((await client.call(`${path}?feedback_format=skills`, { method: 'PATCH', json: feedback })).status).toBe(204);
		expect(await stateOf()).toBe('validated');
	});

	test('Skill Events: ?language required, content an object, a repeated id is a 409', async () => {
		const event = {
			external_id: 'EV-1',
			event_type: 'working_history',
			timestamp: '2024-05-01',
			source: 'workday',
			content: { job_title: 'BI Analyst', job_description: 'Built Power BI dashboards', company: 'Acme' },
		};
		const path = `/employees/${FIXTURE_IDS.employeeWithEmptyProfile}/skill_events`;
		expectTechWolfError(await client.call(path, { method: 'POST', json: event }), 400);
		// The page does not mark content fields required: only an object is asked for.
		const refused = await client.call(`${path}?language=en`, { method: 'POST', json: { ...event, content: 'text' } });
		expectTechWolfError(refused, 400);
		expect(JSON.stringify(refused.body)).toContain('body/content must be object');
		const accepted = await client.call(`${path}?language=en&strict=true&end_active_jobs=true`, {
			method: 'POST',
			json: event,
		});
		expect(accepted.status).toBe(204);
		const repeated = await client.call(`${path}?language=en`, { method: 'POST', json: event });
		expectTechWolfError(repeated, 409);
		// The types whose content the docs do not show take any object, skill_profile_feedback (the 11th) included.
		const open = {
			...event,
			external_id: 'EV-2',
			event_type: 'skill_profile_feedback',
			content: { notes: 'Power BI' },
		};
		expect((await client.call(`${path}?language=auto`, { method: 'POST', json: open })).status).toBe(204);
		const profile = (await client.call(`/employees/${FIXTURE_IDS.employeeWithEmptyProfile}/skill_profile`)).body as {
			num_skill_events: number;
		};
		expect(profile.num_skill_events).toBe(2);
	});

	test('skill_clusters feedback takes {skill_clusters: [...]}, not skills[]; level 0 rejects the cluster', async () => {
		const path = `/employees/${FIXTURE_IDS.employeeWithProfile}/skill_profile`;
		const docker = (await client.call(`/taxonomy/skills/${FIXTURE_IDS.suggestedSkillOfEmployee}`)).body as {
			taxonomy_skill_cluster_name: string;
		};
		const skillsShape = {
			source: 'n8n',
			skills: [{ skill_id: FIXTURE_IDS.suggestedSkillOfEmployee, has_skill: true }],
		};
		expectTechWolfError(
			await client.call(`${path}?feedback_format=skill_clusters`, { method: 'PATCH', json: skillsShape }),
			400,
		);
		const clusters = {
			skill_clusters: [{ skill_cluster_name: docker.taxonomy_skill_cluster_name, proficiency_level: 4 }],
		};
		expect(
			(await client.call(`${path}?feedback_format=skill_clusters`, { method: 'PATCH', json: clusters })).status,
		).toBe(204);
		const skillOf = async () =>
			(
				(await client.call(path)).body as {
					skills: { skill_id: string; validation_state: string; self_rated_proficiency_level: number | null }[];
				}
			).skills.find((skill) => skill.skill_id === FIXTURE_IDS.suggestedSkillOfEmployee);
		expect(await skillOf()).toMatchObject({ validation_state: 'validated', self_rated_proficiency_level: 4 });
		const removal = {
			skill_clusters: [{ skill_cluster_name: docker.taxonomy_skill_cluster_name, proficiency_level: 0 }],
		};
		expect(
			(await client.call(`${path}?feedback_format=skill_clusters`, { method: 'PATCH', json: removal })).status,
		).toBe(204);
		expect(await skillOf()).toMatchObject({ validation_state: 'rejected' });
	});

	test('external_vendor_skills feedback names external_vendor in the body, and both skill and skill_id per entry', async () => {
		const path = `/employees/${FIXTURE_IDS.employeeWithProfile}/skill_profile`;
		const workday = (await client.call(`/taxonomy/skills/${FIXTURE_IDS.workdaySkill}?external_vendor=workday`))
			.body as {
			skill_name: string;
		};
		const idOnly = {
			external_vendor: 'workday',
			source: 'workday',
			skills: [{ skill_id: FIXTURE_IDS.workdaySkill, has_skill: true }],
		};
		const both = { ...idOnly, skills: [{ ...idOnly.skills[0], skill: workday.skill_name }] };
		const noVendor = { source: both.source, skills: both.skills };
		const vendorFormat = `${path}?feedback_format=external_vendor_skills`;
		expectTechWolfError(await client.call(vendorFormat, { method: 'PATCH', json: noVendor }), 400);
		expectTechWolfError(
			await client.call(`${vendorFormat}&external_vendor=workday`, { method: 'PATCH', json: both }),
			400,
		);
		expectTechWolfError(await client.call(vendorFormat, { method: 'PATCH', json: idOnly }), 400);
		expect((await client.call(vendorFormat, { method: 'PATCH', json: both })).status).toBe(204);
	});

	test('the taxonomy export with a vendor keeps the vendor-independent changes', async () => {
		const changes = async (query: string) =>
			(
				(await client.call(`/taxonomy/export${query}`, { method: 'POST', json: { limit: 200 } })).body as {
					records: { external_id: string }[];
				}
			).records.map((record) => record.external_id);
		const techwolf = await changes('');
		const workday = await changes('?external_vendor=workday');
		const sap = await changes('?external_vendor=sap_attribute_library');
		const shared = techwolf.filter((id) => workday.includes(id));
		expect(shared.length).toBeGreaterThan(0);
		expect(sap).toEqual(shared);
		expect(workday).toContain(FIXTURE_IDS.deletedSkillChange);
		expect(techwolf).not.toContain(FIXTURE_IDS.deletedSkillChange);
	});

	test('the deleted skill is a 404 in its vocabulary; live skills are found', async () => {
		const deleted = `/taxonomy/skills/${FIXTURE_IDS.deletedSkill}?external_vendor=${FIXTURE_IDS.deletedSkillVendor}`;
		expectTechWolfError(await client.call(deleted), 404);
		expectTechWolfError(await client.call(`/taxonomy/skills/${FIXTURE_IDS.deletedTechWolfSkill}`), 404);
		expect((await client.call(`/taxonomy/skills/${FIXTURE_IDS.workdaySkill}?external_vendor=workday`)).status).toBe(
			200,
		);
		expect((await client.call(`/taxonomy/skills/${FIXTURE_IDS.skill}`)).body).toMatchObject({
			skill_id: FIXTURE_IDS.skill,
			skill_name: FIXTURE_IDS.skillName,
			skill_source: 'vocabulary',
		});
	});
});
