/** The job fields Create and Update share, and the limits TechWolf documents for them. */
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { checkId } from '../../fields/ids';

/** "Required string length: 1 - 255" for names across the job architecture pages (job family: job_family_name). */
export const NAME_MAX_LENGTH = 255;

export const jobFamilyIdField: INodeProperties = {
	displayName: 'Job Family ID',
	name: 'jobFamilyId',
	type: 'string',
	default: '',
	placeholder: 'e.g. 101',
	description: 'External ID of the job family the job belongs to; the job family must exist in TechWolf',
};

/** `job_family_id` from an optional field, checked like every TechWolf id; nothing when left empty. */
export function readJobFamilyId(context: IExecuteFunctions, fields: IDataObject, itemIndex: number): IDataObject {
	const value = fields.jobFamilyId;
	if (value === undefined || String(value).trim() === '') return {};
	return { job_family_id: checkId(context, value, itemIndex, 'Job Family ID') };
}
