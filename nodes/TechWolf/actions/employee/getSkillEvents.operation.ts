import { NodeOperationError, type IDataObject, type IExecuteFunctions } from 'n8n-workflow';

import { collection } from '../../fields/options';
import { readTake, returnAllFields } from '../../fields/paging';
import { locatorField, readIdList, readLocatedId } from '../../fields/ids';
import { type Operation } from '../shared/operation';
import { PAGE_SIZES, techWolfOffsetPaginated } from '../../transport';
import { EVENT_TYPES } from './addSkillEvent.operation';

const ALLOWED_TYPES: readonly string[] = EVENT_TYPES.map(([, value]) => value);

export const getSkillEvents: Operation = {
	label: 'Get Skill Events',
	action: 'Get skill events of an employee',
	description: "List the skill events (work history, learning, projects, …) behind an employee's skills",
	fields: [
		locatorField('employee', 'employeeId', 'The employee whose skill events to list'),
		...returnAllFields,
		collection('filters', [
			{
				displayName: 'Event Types',
				name: 'eventTypes',
				type: 'multiOptions',
				default: [],
				options: EVENT_TYPES.map(([name, value]) => ({ name, value })),
				description: 'Only events of these types; all types when empty',
			},
		]),
	],
	async execute(this: IExecuteFunctions, itemIndex: number) {
		const employeeId = readLocatedId(this, 'employeeId', itemIndex, 'Employee ID');
		const filters = this.getNodeParameter('filters', itemIndex, {}) as IDataObject;
		const eventTypes = readIdList(this, filters.eventTypes ?? [], itemIndex, 'Event Type');
		const unknown = eventTypes.filter((type) => !ALLOWED_TYPES.includes(type));
		if (unknown.length > 0) {
			throw new NodeOperationError(this.getNode(), `Event Types: "${unknown.join('", "')}" is not a skill event type`, {
				itemIndex,
				description: `Use one of: ${ALLOWED_TYPES.join(', ')}.`,
			});
		}
		return await techWolfOffsetPaginated.call(
			this,
			{
				method: 'GET',
				path: `/employees/${employeeId}/skill_events`,
				qs: eventTypes.length > 0 ? { event_type: eventTypes } : {},
				pageSize: PAGE_SIZES['GET /employees/{employee_external_id}/skill_events'],
				itemIndex,
			},
			readTake(this, itemIndex),
		);
	},
};
