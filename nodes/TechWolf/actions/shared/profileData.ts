/**
 * Profile data of jobs and job families (`POST …/profile_data`), the text TechWolf computes suggested skill profiles
 * from. One body for both, as the "Providing Profile Data" tutorial shows it: `{external_id, source, data_type, data:
 * {<data_type>: text}}`; only the path and the data types differ.
 */
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { idField, readId } from '../../fields/ids';
import { readChoice, readText } from '../../fields/values';
import { techWolfApiRequest } from '../../transport';
import { success } from './operation';

export type ProfileDataOwner = 'job' | 'jobFamily';

/** The Data Type field of each owner, with the types the tutorial lists for it. */
const DATA_TYPE_FIELD: Record<ProfileDataOwner, INodeProperties> = {
	job: {
		displayName: 'Data Type',
		name: 'dataType',
		type: 'options',
		default: 'job_description',
		options: [
			{ name: 'Job Description', value: 'job_description', description: 'The full description of the job' },
			{ name: 'Job Title', value: 'job_title', description: 'An alternative or local title of the job' },
			{ name: 'Skill Notes', value: 'skill_notes', description: 'Notes about the skills the job needs' },
			{ name: 'Vacancy', value: 'vacancy', description: 'The text of a vacancy for this job' },
		],
	},
	jobFamily: {
		displayName: 'Data Type',
		name: 'dataType',
		type: 'options',
		default: 'job_family_description',
		options: [
			{
				name: 'Job Family Description',
				value: 'job_family_description',
				description: 'The description of the job family',
			},
		],
	},
};

/** Everything after the owner's id: the profile data's own id, its type, the text and the source. */
export function profileDataFields(owner: ProfileDataOwner): INodeProperties[] {
	return [
		idField(
			'profileDataId',
			'Profile Data ID',
			'Your ID for this piece of profile data, e.g. job-1-desc-1; TechWolf answers 409 if it already exists',
		),
		DATA_TYPE_FIELD[owner],
		{
			displayName: 'Text',
			name: 'text',
			type: 'string',
			typeOptions: { rows: 6 },
			default: '',
			required: true,
			description: 'The text TechWolf reads the skills from, such as the job description',
		},
		{
			displayName: 'Source',
			name: 'source',
			type: 'string',
			default: 'n8n',
			required: true,
			description: 'Which system the text comes from, as TechWolf records it (e.g. Workday)',
		},
	];
}

const PATH: Record<ProfileDataOwner, (id: string) => string> = {
	job: (id) => `/job_architecture/jobs/${id}/profile_data`,
	jobFamily: (id) => `/job_architecture/job_families/${id}/profile_data`,
};

/** No limit is documented for the text; this only stops a whole file being sent by mistake. */
const MAX_TEXT_LENGTH = 100_000;

/** Reads the fields above and sends them for `ownerId` (arriving checked). */
export async function sendProfileData(
	context: IExecuteFunctions,
	owner: ProfileDataOwner,
	ownerId: string,
	itemIndex: number,
): Promise<IDataObject> {
	const profileDataId = readId(context, 'profileDataId', itemIndex, 'Profile Data ID');
	const dataType = readChoice(context, DATA_TYPE_FIELD[owner], itemIndex);
	const text = readText(context, 'text', itemIndex, 'Text', MAX_TEXT_LENGTH);
	const source = readText(context, 'source', itemIndex, 'Source', MAX_TEXT_LENGTH);
	await techWolfApiRequest.call(context, {
		method: 'POST',
		path: PATH[owner](ownerId),
		body: { external_id: profileDataId, source, data_type: dataType, data: { [dataType]: text } },
		itemIndex,
	});
	return success({ externalId: ownerId, profileDataId, dataType, added: true });
}
