/**
 * Event → Get Resource: turns a thin TechWolf event into the authoritative state behind it, in one step. Which call
 * to make comes from the shared event catalog; the calls themselves are the ones the Employee, Job, Course, Skill and
 * Taxonomy operations make.
 */
import { NodeOperationError, type IDataObject, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import { EVENT_CATALOG, findEvent, HEALTH_CHECK_TYPE, type CatalogEntry } from '../../../shared/events';
import { checkId, resourceDescription, type Operation } from '../common';
import { fetchSkill } from '../skill';
import { fetchSkillProfile } from '../skillProfiles';
import { exportTaxonomyChanges } from '../taxonomy';

/** The trigger item fields copied to the output, so that the result still says which event it answers. */
const EVENT_FIELDS = [
	'eventId',
	'eventType',
	'eventName',
	'entity',
	'externalId',
	'tenant',
	'externalVendor',
	'operationType',
	'time',
];

const RESOURCE_TYPE: Record<string, string> = {
	'employee.getSkillProfile': 'employeeSkillProfile',
	'job.getSkillProfile': 'jobSkillProfile',
	'course.getSkillProfile': 'courseSkillProfile',
	'skill.get': 'skill',
	'taxonomy.exportChanges': 'taxonomyChange',
};

function text(context: IExecuteFunctions, name: string, itemIndex: number): string {
	const value = context.getNodeParameter(name, itemIndex, '') as unknown;
	return value === null || value === undefined ? '' : String(value).trim();
}

function eventContext(input: IDataObject, entry: CatalogEntry, externalId: string): IDataObject {
	const context: IDataObject = { eventType: entry.type, eventName: entry.name, entity: entry.entity, externalId };
	for (const field of EVENT_FIELDS) if (input[field] !== undefined) context[field] = input[field];
	return context;
}

async function resolve(context: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const typeOrName = text(context, 'eventType', itemIndex);
	const entry = findEvent(typeOrName);
	if (!entry) {
		throw new NodeOperationError(
			context.getNode(),
			`Event Type "${typeOrName.slice(0, 120)}" is not a TechWolf event this node knows`,
			{
				itemIndex,
				description: `Map {{ $json.eventType }} from the TechWolf Trigger, or use one of: ${EVENT_CATALOG.map((e) => e.name).join(', ')}.`,
			},
		);
	}
	const input = context.getInputData()[itemIndex]?.json ?? {};
	if (entry.type === HEALTH_CHECK_TYPE || entry.resolvedBy.resource === 'none') {
		return { ...input, resourceType: 'none', deleted: false, resource: null };
	}

	const externalId = checkId(context, text(context, 'externalId', itemIndex), itemIndex, 'External ID');
	const output = eventContext(input, entry, externalId);
	const resourceType = RESOURCE_TYPE[`${entry.resolvedBy.resource}.${entry.resolvedBy.operation}`];
	const { resolvedBy } = entry;

	switch (resolvedBy.resource) {
		case 'employee':
		case 'job':
		case 'course':
			return {
				...output,
				resourceType,
				deleted: false,
				resource: await fetchSkillProfile(context, resolvedBy.resource, externalId, {}, itemIndex),
			};
		case 'skill': {
			const vendor = text(context, 'externalVendor', itemIndex);
			// TechWolf documents a 404 as the confirmation of a deletion; for any skill event it is the current state.
			const skill = await fetchSkill(context, externalId, vendor ? { external_vendor: vendor } : {}, itemIndex, true);
			return { ...output, resourceType, deleted: skill === null, resource: skill };
		}
		case 'taxonomy': {
			const operationType = text(context, 'operationType', itemIndex);
			if (operationType === '') {
				throw new NodeOperationError(context.getNode(), 'Operation Type is empty', {
					itemIndex,
					description: 'Taxonomy Updated events carry an operation_type; map {{ $json.operationType }}.',
				});
			}
			const records = await exportTaxonomyChanges(
				context,
				{ operationTypes: [operationType], externalIds: [externalId] },
				{ returnAll: false, limit: 10 },
				itemIndex,
			);
			const change = records.find((record) => record.external_id === externalId) ?? records[0];
			if (!change) {
				throw new NodeOperationError(
					context.getNode(),
					`TechWolf has no taxonomy change "${externalId}" of type ${operationType}`,
					{
						itemIndex,
					},
				);
			}
			return { ...output, resourceType, deleted: false, resource: change };
		}
	}
}

export const operations = {
	getResource: {
		label: 'Get Resource',
		action: 'Get the resource behind an event',
		description:
			'Fetch the current state behind a TechWolf webhook event: the employee, job or course skill profile, the skill (or its deletion), or the taxonomy change',
		fields: [
			{
				displayName: 'Event Type',
				name: 'eventType',
				type: 'string',
				default: '={{ $json.eventType }}',
				required: true,
				description:
					"The event's type, such as ai.techwolf.employee.skill_profile.updated.v1 or employee.skill_profile.updated. Mapped from the TechWolf Trigger by default.",
			},
			{
				displayName: 'External ID',
				name: 'externalId',
				type: 'string',
				default: '={{ $json.externalId }}',
				description: 'The employee, job, course, skill or change ID the event names',
			},
			{
				displayName: 'External Vendor',
				name: 'externalVendor',
				type: 'string',
				default: '={{ $json.externalVendor }}',
				description: 'For skill events: the vendor whose vocabulary the skill belongs to',
			},
			{
				displayName: 'Operation Type',
				name: 'operationType',
				type: 'string',
				default: '={{ $json.operationType }}',
				description: 'For Taxonomy Updated events: the kind of change',
			},
		] satisfies INodeProperties[],
		async execute(this: IExecuteFunctions, itemIndex: number) {
			return await resolve(this, itemIndex);
		},
	},
} satisfies Record<string, Operation>;

export const description = resourceDescription('event', operations, 'getResource');
