/** Event → Get Resource for every event type of the catalog, fed with the item the TechWolf Trigger emits. */
import type { IDataObject } from 'n8n-workflow';

import {
	EVENT_CATALOG,
	HEALTH_CHECK_TYPE,
	parseCloudEvent,
	toEventItem,
	type CatalogEntry,
} from '../../nodes/shared/events';
import { resources } from '../../nodes/TechWolf/actions/resources';
import { FIXTURE_IDS } from '../../sandbox/data';
import { buildEvent } from '../../sandbox/events';
import { actionHarness, type ActionHarness } from './setup';

let harness: ActionHarness;
beforeAll(async () => {
	harness = await actionHarness();
});
afterAll(async () => {
	await harness.sandbox.stop();
});

const ids: Record<string, { externalId: string; externalVendor?: string; operationType?: string }> = {
	employee: { externalId: FIXTURE_IDS.employeeWithProfile },
	job: { externalId: FIXTURE_IDS.job },
	course: { externalId: FIXTURE_IDS.course },
	skill: { externalId: FIXTURE_IDS.workdaySkill, externalVendor: 'workday' },
	taxonomy: { externalId: FIXTURE_IDS.taxonomyChange, operationType: FIXTURE_IDS.taxonomyChangeOperationType },
	tenant: { externalId: '' },
};

/** What the trigger emits for an event, built by the trigger's own code. */
function triggerItem(entry: CatalogEntry, override: Partial<(typeof ids)[string]> = {}): IDataObject {
	const event = buildEvent(entry.type, { tenant: 'acme', ...ids[entry.entity], ...override });
	const parsed = parseCloudEvent(Buffer.from(JSON.stringify(event)), { eventId: event.id, tenant: 'acme' });
	if (!parsed.ok) throw new Error(parsed.message);
	return toEventItem(parsed.parsed, {
		tenant: 'acme',
		timestamp: 1_763_900_000,
		keyId: '0123456789abcdef',
	}) as IDataObject;
}

const getResource = { resource: 'event', operation: 'getResource' };
const expectedResourceType: Record<string, string> = {
	employee: 'employeeSkillProfile',
	job: 'jobSkillProfile',
	course: 'courseSkillProfile',
	skill: 'skill',
	taxonomy: 'taxonomyChange',
};

describe('Event → Get Resource', () => {
	test('Job Suggested Skill Profile Updated asks for the validation states, which TechWolf sends only with include', async () => {
		const entry = EVENT_CATALOG.find((candidate) => candidate.name === 'job.skill_profile.suggested_updated');
		const [output] = await harness.run(getResource, [{ json: triggerItem(entry as CatalogEntry) }]);
		const request = harness.lastRequest(`GET /job_architecture/jobs/${FIXTURE_IDS.job}/skill_profile`);
		expect(request?.query).toBe('include=skill_validation_state');
		const skills = (output?.json.resource as { skills: IDataObject[] }).skills;
		expect(skills.length).toBeGreaterThan(0);
		for (const skill of skills) expect(skill.validation_state).toEqual(expect.any(String));
	});

	test.each(
		EVENT_CATALOG.filter((entry) => entry.type !== HEALTH_CHECK_TYPE).map((entry) => [entry.name, entry] as const),
	)('%s: the trigger item becomes the authoritative state', async (_name, entry) => {
		const item = triggerItem(entry);
		const output = await harness.run(getResource, [{ json: item }]);
		expect(output).toHaveLength(1);
		expect(output[0].pairedItem).toEqual({ item: 0 });
		const result = output[0].json;
		expect(result).toMatchObject({
			eventId: item.eventId,
			eventType: entry.type,
			eventName: entry.name,
			externalId: item.externalId,
			resourceType: expectedResourceType[entry.entity],
			deleted: false,
		});
		const resource = result.resource as IDataObject;
		if (entry.entity === 'skill') expect(resource.skill_id).toBe(FIXTURE_IDS.workdaySkill);
		else if (entry.entity === 'taxonomy') {
			expect(resource).toMatchObject({
				external_id: FIXTURE_IDS.taxonomyChange,
				operation_type: FIXTURE_IDS.taxonomyChangeOperationType,
			});
		} else expect(resource.external_id).toBe(item.externalId);
	});

	test('a deleted skill is confirmed by the 404 and output as a deletion record', async () => {
		const entry = EVENT_CATALOG.find((candidate) => candidate.name === 'taxonomy.skill.deleted') as CatalogEntry;
		const item = triggerItem(entry, {
			externalId: FIXTURE_IDS.deletedSkill,
			externalVendor: FIXTURE_IDS.deletedSkillVendor,
		});
		const [result] = await harness.json(getResource, [{ json: item }]);
		expect(result).toMatchObject({
			eventType: entry.type,
			externalId: FIXTURE_IDS.deletedSkill,
			externalVendor: 'workday',
			resourceType: 'skill',
			deleted: true,
			resource: null,
		});
	});

	test('a health check passes through unchanged', async () => {
		const entry = EVENT_CATALOG.find((candidate) => candidate.type === HEALTH_CHECK_TYPE) as CatalogEntry;
		const item = triggerItem(entry);
		const before = harness.sandbox.stats().apiRequests;
		const [result] = await harness.json(getResource, [{ json: item }]);
		expect(result).toEqual({ ...item, resourceType: 'none', deleted: false, resource: null });
		expect(harness.sandbox.stats().apiRequests).toBe(before);
	});

	test('an event type with ids typed by hand (short name) works without a trigger item', async () => {
		const [result] = await harness.json({
			...getResource,
			eventType: 'job.skill_profile.updated',
			externalId: FIXTURE_IDS.job,
		});
		expect(result).toMatchObject({
			eventType: 'ai.techwolf.job_architecture.job.skill_profile.updated.v1',
			resourceType: 'jobSkillProfile',
		});
	});

	test('an unknown event type or a missing id is refused with a message naming the field', async () => {
		await expect(
			harness.run({ ...getResource, eventType: 'ai.techwolf.unknown.v9', externalId: 'E1' }),
		).rejects.toMatchObject({
			message: expect.stringContaining('Event Type "ai.techwolf.unknown.v9" is not a TechWolf event this node knows'),
		});
		await expect(
			harness.run({ ...getResource, eventType: 'employee.skill_profile.updated', externalId: '' }),
		).rejects.toMatchObject({
			message: 'External ID is empty',
		});
	});

	test('a taxonomy change TechWolf does not list is an error naming it, never another change', async () => {
		await expect(
			harness.run({
				...getResource,
				eventType: 'taxonomy.updated',
				externalId: 'no-such-change',
				operationType: FIXTURE_IDS.taxonomyChangeOperationType,
			}),
		).rejects.toMatchObject({
			message: `TechWolf has no taxonomy change "no-such-change" of type ${FIXTURE_IDS.taxonomyChangeOperationType}`,
		});
	});
});

describe('the event catalog and the action node agree', () => {
	test.each(EVENT_CATALOG.map((entry) => [entry.name, entry] as const))(
		'%s: resolvedBy names an operation the router has',
		(_name, entry) => {
			if (entry.resolvedBy.resource === 'none') return expect(entry.type).toBe(HEALTH_CHECK_TYPE);
			const { resource, operation } = entry.resolvedBy;
			expect(Object.keys(resources[resource]?.operations ?? {})).toContain(operation);
		},
	);
});
