import { NodeOperationError, type IExecuteFunctions } from 'n8n-workflow';

import { collection, idField } from '../../descriptions/fields';
import { readId } from '../../helpers/ids';
import { parseDate, readCollection, readJsonObject, success } from '../../helpers/parameters';
import { techWolfApiRequest } from '../../transport';
import type { Operation } from '../operation';

/** TechWolf's Skill Event types (API reference, Skill Events). */
export const EVENT_TYPES = [
	['Certificate', 'certificate'],
	['Education History', 'education_history'],
	['Feedback', 'feedback'],
	['Goal', 'goal'],
	['Learning', 'learning'],
	['Project', 'project'],
	['Resume Document', 'resume_document'],
	['Skill Notes', 'skill_notes'],
	['Ticket', 'ticket'],
	['Working History', 'working_history'],
] as const;

export const addSkillEvent: Operation = {
	label: 'Add Skill Event',
	action: 'Add a skill event to an employee',
	description: "Send free text (a project, notes, a certificate) from which TechWolf infers the employee's skills",
	fields: [
		idField('employeeId', 'Employee ID', 'The external ID of the employee'),
		idField('skillEventId', 'Skill Event ID', 'Your ID for this event, so that sending it again updates it'),
		{
			displayName: 'Event Type',
			name: 'eventType',
			type: 'options',
			default: 'project',
			options: EVENT_TYPES.map(([name, value]) => ({ name, value })),
		},
		{
			displayName: 'Text',
			name: 'text',
			type: 'string',
			typeOptions: { rows: 4 },
			default: '',
			required: true,
			description: 'Free text TechWolf infers skills from, such as a project description or notes',
		},
		{
			displayName: 'Language',
			name: 'language',
			type: 'options',
			default: 'auto',
			options: [
				{ name: 'Detect Automatically', value: 'auto' },
				{ name: 'Dutch', value: 'nl' },
				{ name: 'English', value: 'en' },
				{ name: 'French', value: 'fr' },
				{ name: 'German', value: 'de' },
			],
		},
		collection('options', [
			{
				displayName: 'More Content (JSON)',
				name: 'contentJson',
				type: 'json',
				default: '{}',
				description: 'Further content fields for this event type, merged next to the text',
			},
			{ displayName: 'Source', name: 'source', type: 'string', default: 'n8n' },
			{
				displayName: 'Strict',
				name: 'strict',
				type: 'boolean',
				default: false,
				description: 'Whether TechWolf should reject content it cannot fully process instead of ignoring parts of it',
			},
			{
				displayName: 'Timestamp',
				name: 'timestamp',
				type: 'dateTime',
				default: '',
				description: 'When the event happened; now by default',
			},
		]),
	],
	async execute(this: IExecuteFunctions, itemIndex: number) {
		const employeeId = readId(this, 'employeeId', itemIndex, 'Employee ID');
		const skillEventId = readId(this, 'skillEventId', itemIndex, 'Skill Event ID');
		const text = String(this.getNodeParameter('text', itemIndex, '')).trim();
		if (text === '') throw new NodeOperationError(this.getNode(), 'Text is empty', { itemIndex });
		const options = readCollection(this, 'options', itemIndex);
		const extraContent = options.contentJson
			? readJsonObject(this, 'options.contentJson', itemIndex, 'More Content (JSON)')
			: {};
		const timestamp = options.timestamp ? parseDate(this, options.timestamp, itemIndex, 'Timestamp') : new Date();
		await techWolfApiRequest.call(this, {
			method: 'POST',
			path: `/employees/${employeeId}/skill_events`,
			qs: {
				language: this.getNodeParameter('language', itemIndex, 'auto'),
				...(options.strict ? { strict: true } : {}),
			},
			body: {
				external_id: skillEventId,
				event_type: this.getNodeParameter('eventType', itemIndex, 'project') as string,
				timestamp: timestamp.toISOString(),
				source: typeof options.source === 'string' && options.source.trim() ? options.source.trim() : 'n8n',
				content: { ...extraContent, description: text },
			},
			itemIndex,
		});
		return success({ externalId: employeeId, skillEventId });
	},
};
