import { NodeOperationError, type IDataObject, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import { collection, inputLanguageField, readCollection, strictField } from '../../fields/options';
import { idField, locatorField, readId, readLocatedId } from '../../fields/ids';
import { readDay, readJsonObject } from '../../fields/values';
import { type Operation, success } from '../shared/operation';
import { techWolfApiRequest } from '../../transport';

/** TechWolf's 11 Skill Event types (API reference, Skill Events). */
export const EVENT_TYPES = [
	['Certificate', 'certificate'],
	['Education History', 'education_history'],
	['Feedback', 'feedback'],
	['Goal', 'goal'],
	['Learning', 'learning'],
	['Project', 'project'],
	['Resume Document', 'resume_document'],
	['Skill Notes', 'skill_notes'],
	['Skill Profile Feedback', 'skill_profile_feedback'],
	['Ticket', 'ticket'],
	['Working History', 'working_history'],
] as const;

interface ContentField {
	/** TechWolf's name in `content`. */
	apiName: string;
	/** The node parameter's name, where the one derived from apiName would be too generic. */
	name?: string;
	displayName: string;
	required?: boolean;
	placeholder?: string;
	description?: string;
	rows?: number;
}

const DATE_HINT = 'TechWolf does not show the format: an ISO 8601 date (YYYY-MM-DD) is presumed, TechWolf to confirm';

/**
 * The content fields TechWolf documents, per type: the Skill Events reference page and tutorial (working history,
 * education, learning) and the Skill Events technology page ("Setting the feedback text in the description field of
 * the content"); the other types' fields are not documented.
 */
const CONTENT_FIELDS: Record<string, ContentField[]> = {
	working_history: [
		{ apiName: 'job_title', displayName: 'Job Title', required: true, placeholder: 'e.g. Data Engineer' },
		{
			apiName: 'job_description',
			displayName: 'Job Description',
			rows: 4,
			description: 'TechWolf extracts skills from it',
		},
		{ apiName: 'company', displayName: 'Company' },
		{ apiName: 'start_date', displayName: 'Start Date', placeholder: 'e.g. 2021-03-01', description: DATE_HINT },
		{
			apiName: 'end_date',
			displayName: 'End Date',
			placeholder: 'e.g. 2023-06-30',
			description: `Empty for the current job. ${DATE_HINT}.`,
		},
	],
	education_history: [
		{ apiName: 'degree_name', displayName: 'Degree Name', required: true, placeholder: 'e.g. MSc Data Science' },
	],
	learning: [
		{ apiName: 'learning_title', displayName: 'Learning Title', required: true, placeholder: 'e.g. SQL for Analysts' },
		{ apiName: 'learning_description', displayName: 'Learning Description', rows: 4 },
	],
	feedback: [
		{
			apiName: 'description',
			name: 'feedbackText',
			displayName: 'Feedback',
			required: true,
			rows: 4,
			description: 'The feedback or assessment text; TechWolf extracts the skills it mentions in a positive context',
		},
	],
};

const fieldName = (apiName: string) => apiName.replace(/_([a-z])/g, (_match, letter: string) => letter.toUpperCase());

const OPEN_TYPES = EVENT_TYPES.map(([, value]) => value).filter((type) => !(type in CONTENT_FIELDS));

const contentProperties: INodeProperties[] = [
	...Object.entries(CONTENT_FIELDS).flatMap(([eventType, fields]) =>
		fields.map((field): INodeProperties => ({
			displayName: field.displayName,
			name: field.name ?? fieldName(field.apiName),
			type: 'string',
			default: '',
			...(field.required ? { required: true } : {}),
			...(field.placeholder ? { placeholder: field.placeholder } : {}),
			...(field.description ? { description: field.description } : {}),
			...(field.rows ? { typeOptions: { rows: field.rows } } : {}),
			displayOptions: { show: { skillEventType: [eventType] } },
		})),
	),
	{
		displayName: 'Additional Content (JSON)',
		name: 'additionalContent',
		type: 'json',
		default: '{}',
		required: true,
		hint: "TechWolf's reference does not list the content fields of this event type: enter them as TechWolf names them (TechWolf to confirm)",
		description: 'The event\'s content object, for example {"notes": "Led the migration to Kafka"}',
		displayOptions: { show: { skillEventType: OPEN_TYPES } },
	},
];

/** The event's `content`: the typed fields of its type, or the additional content (JSON) of an undocumented type. */
function readContent(context: IExecuteFunctions, eventType: string, itemIndex: number): IDataObject {
	const fields = CONTENT_FIELDS[eventType];
	if (!fields) {
		const content = readJsonObject(context, 'additionalContent', itemIndex, 'Additional Content (JSON)');
		if (Object.keys(content).length === 0) {
			throw new NodeOperationError(context.getNode(), 'Additional Content (JSON) is empty', {
				itemIndex,
				description: `Give the content of the ${eventType} event as TechWolf names its fields, for example {"notes": "..."}.`,
			});
		}
		return content;
	}
	const content: IDataObject = {};
	for (const field of fields) {
		const value = String(context.getNodeParameter(field.name ?? fieldName(field.apiName), itemIndex, '')).trim();
		if (value !== '') content[field.apiName] = value;
		else if (field.required) {
			throw new NodeOperationError(context.getNode(), `${field.displayName} is empty`, {
				itemIndex,
				description: `TechWolf needs the ${field.displayName} of a ${eventType} event.`,
			});
		}
	}
	return content;
}

export const addSkillEvent: Operation = {
	label: 'Add Skill Event',
	action: 'Add a skill event to an employee',
	description: "Send a job, degree, course or notes from which TechWolf infers the employee's skills",
	fields: [
		locatorField('employee', 'employeeId', 'The employee the Skill Event is about'),
		idField(
			'skillEventId',
			'Skill Event ID',
			'Your ID for this event. TechWolf refuses an ID it already has (409): a Skill Event cannot be updated.',
		),
		{
			displayName: 'Event Type',
			name: 'skillEventType',
			type: 'options',
			default: 'working_history',
			options: EVENT_TYPES.map(([name, value]) => ({ name, value })),
		},
		...contentProperties,
		inputLanguageField,
		collection('options', [
			{
				displayName: 'End Active Jobs',
				name: 'endActiveJobs',
				type: 'boolean',
				default: false,
				description: "Whether TechWolf should end the employee's current jobs (end_active_jobs)",
			},
			{ displayName: 'Source', name: 'source', type: 'string', default: 'n8n' },
			strictField,
			{
				displayName: 'Completion Date',
				name: 'timestamp',
				type: 'dateTime',
				default: '',
				description:
					'The day the event was completed: from then on the employee has its skills (TechWolf takes the day, YYYY-MM-DD). Today by default.',
			},
		]),
	],
	async execute(this: IExecuteFunctions, itemIndex: number) {
		const employeeId = readLocatedId(this, 'employeeId', itemIndex, 'Employee ID');
		const skillEventId = readId(this, 'skillEventId', itemIndex, 'Skill Event ID');
		const eventType = this.getNodeParameter('skillEventType', itemIndex, 'working_history') as string;
		const content = readContent(this, eventType, itemIndex);
		const options = readCollection(this, 'options', itemIndex);
		// Every example of TechWolf's Skill Events page and tutorial gives the completion date as a day (2025-05-02).
		const timestamp = readDay(this, options.timestamp || new Date().toISOString(), itemIndex, 'Completion Date');
		await techWolfApiRequest.call(this, {
			method: 'POST',
			path: `/employees/${employeeId}/skill_events`,
			qs: {
				language: this.getNodeParameter('language', itemIndex, 'auto'),
				...(options.strict ? { strict: true } : {}),
				...(options.endActiveJobs ? { end_active_jobs: true } : {}),
			},
			body: {
				external_id: skillEventId,
				event_type: eventType,
				timestamp,
				source: typeof options.source === 'string' && options.source.trim() ? options.source.trim() : 'n8n',
				content,
			},
			hints: {
				409: `TechWolf already has Skill Event "${skillEventId}" for this employee, and Skill Events cannot be updated: send it with a new Skill Event ID.`,
			},
			itemIndex,
		});
		return success({ externalId: employeeId, skillEventId });
	},
};
