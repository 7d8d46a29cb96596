/**
 * Event → Get Resource: turns a thin TechWolf event into the authoritative state behind it, in one step. Which call
 * to make comes from the shared event catalog (`resolvedBy`); the calls themselves are the ones the Employee, Job,
 * Course, Skill and Taxonomy operations make (actions/shared/).
 */
import { NodeOperationError, type IDataObject, type IExecuteFunctions } from 'n8n-workflow';

import { EVENT_CATALOG, findEvent, type CatalogEntry, type ResolvedBy } from '../../../shared/events';
import { checkId } from '../../fields/ids';
import { fetchSkillProfile } from '../shared/skillProfile';
import { fetchSkill } from '../shared/skill';
import { exportTaxonomyChanges } from '../shared/taxonomyChanges';
import { type Operation } from '../shared/operation';

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

function text(context: IExecuteFunctions, name: string, itemIndex: number): string {
	const value = context.getNodeParameter(name, itemIndex, '') as unknown;
	return value === null || value === undefined ? '' : String(value).trim();
}

/** Validate: the catalog entry of the Event Type field, or an error that lists the types this node knows. */
function catalogEntry(context: IExecuteFunctions, itemIndex: number): CatalogEntry {
	const typeOrName = text(context, 'eventType', itemIndex);
	const entry = findEvent(typeOrName);
	if (entry) return entry;
	throw new NodeOperationError(
		context.getNode(),
		`Event Type "${typeOrName.slice(0, 120)}" is not a TechWolf event this node knows`,
		{
			itemIndex,
			description: `Map {{ $json.eventType }} from the TechWolf Trigger, or use one of: ${EVENT_CATALOG.map((e) => e.name).join(', ')}.`,
		},
	);
}

interface Resolved {
	resourceType: string;
	deleted: boolean;
	resource: IDataObject | null;
}

type Resolver = (
	context: IExecuteFunctions,
	externalId: string,
	itemIndex: number,
	entry: CatalogEntry,
) => Promise<Resolved>;

function skillProfileOf(entity: 'employee' | 'job' | 'course'): Resolver {
	return async (context, externalId, itemIndex, entry) => ({
		resourceType: `${entity}SkillProfile`,
		deleted: false,
		resource: await fetchSkillProfile(
			context,
			entity,
			externalId,
			{ ...('query' in entry.resolvedBy ? entry.resolvedBy.query : {}) },
			itemIndex,
		),
	});
}

async function skill(context: IExecuteFunctions, externalId: string, itemIndex: number): Promise<Resolved> {
	const vendor = text(context, 'externalVendor', itemIndex);
	// TechWolf documents a 404 as the confirmation of a deletion; for any skill event it is the current state.
	const found = await fetchSkill(context, externalId, vendor ? { external_vendor: vendor } : {}, itemIndex, true);
	return { resourceType: 'skill', deleted: found === null, resource: found };
}

async function taxonomyChange(context: IExecuteFunctions, externalId: string, itemIndex: number): Promise<Resolved> {
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
	// Only the change the event names: another one TechWolf answered with would be the wrong state.
	const change = records.find((record) => record.external_id === externalId);
	if (!change) {
		throw new NodeOperationError(
			context.getNode(),
			`TechWolf has no taxonomy change "${externalId}" of type ${operationType}`,
			{ itemIndex },
		);
	}
	return { resourceType: 'taxonomyChange', deleted: false, resource: change };
}

/** Dispatch: one resolver per `resolvedBy` resource of the catalog. */
const RESOLVERS: Record<Exclude<ResolvedBy['resource'], 'none'>, Resolver> = {
	employee: skillProfileOf('employee'),
	job: skillProfileOf('job'),
	course: skillProfileOf('course'),
	skill,
	taxonomy: taxonomyChange,
};

/** Shape: the event's identity (from the catalog and the trigger item), then what was resolved. */
function eventContext(input: IDataObject, entry: CatalogEntry, externalId: string): IDataObject {
	const context: IDataObject = { eventType: entry.type, eventName: entry.name, entity: entry.entity, externalId };
	for (const field of EVENT_FIELDS) if (input[field] !== undefined) context[field] = input[field];
	return context;
}

export const getResource: Operation = {
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
	],
	async execute(this: IExecuteFunctions, itemIndex: number) {
		const entry = catalogEntry(this, itemIndex);
		const input = this.getInputData()[itemIndex]?.json ?? {};
		if (entry.resolvedBy.resource === 'none') return { ...input, resourceType: 'none', deleted: false, resource: null };
		const externalId = checkId(this, text(this, 'externalId', itemIndex), itemIndex, 'External ID');
		const resolved = await RESOLVERS[entry.resolvedBy.resource](this, externalId, itemIndex, entry);
		return { ...eventContext(input, entry, externalId), ...resolved };
	},
};
