import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { splitList } from '../../../shared/list';
import { collection, readCollection } from '../../fields/options';
import { locatorField, readIdList, readLocatedId } from '../../fields/ids';
import { techWolfApiRequest } from '../../transport';
import { type Operation } from '../shared/operation';

export const preview: Operation = {
	label: 'Preview',
	action: 'Generate a job description preview for a job',
	description:
		'Ask TechWolf to write a job description for a job; returns the change_id, with which Job Change → Get reads the generated description once it is ready',
	fields: [
		locatorField('job', 'jobId', 'The job to write a description for'),
		{
			displayName: 'Instructions',
			name: 'instructions',
			type: 'string',
			typeOptions: { rows: 3 },
			default: '',
			placeholder: 'e.g. Use inclusive language and highlight remote work opportunities',
			description: 'What TechWolf should keep in mind when writing',
		},
		collection('options', [
			{
				displayName: 'Reference Job IDs',
				name: 'referenceJobIds',
				type: 'string',
				default: '',
				placeholder: 'e.g. J2, J7',
				description: 'Jobs whose descriptions TechWolf may take as examples (comma-separated external IDs)',
			},
			{
				displayName: 'Sections to Include',
				name: 'sections',
				type: 'string',
				default: '',
				placeholder: 'e.g. Summary, Responsibilities',
				description: 'The sections the description should have (comma-separated)',
			},
			{
				displayName: 'Use Internal Job Data',
				name: 'useInternalJobData',
				type: 'boolean',
				default: true,
				description: "Whether TechWolf may use the job's profile data and skill profile",
			},
		]),
	],
	async execute(this: IExecuteFunctions, itemIndex: number) {
		const jobId = readLocatedId(this, 'jobId', itemIndex, 'Job ID');
		const instructions = String(this.getNodeParameter('instructions', itemIndex, '')).trim();
		const options = readCollection(this, 'options', itemIndex);
		const context: IDataObject = {};
		if (instructions !== '') context.instructions = instructions;
		const referenceJobIds = readIdList(this, options.referenceJobIds ?? '', itemIndex, 'Reference Job ID');
		if (referenceJobIds.length > 0) context.reference_job_ids = referenceJobIds;
		const sections = splitList(String(options.sections ?? ''), /,/);
		if (sections.length > 0) context.sections_to_include = sections;
		if (typeof options.useInternalJobData === 'boolean') context.use_internal_job_data = options.useInternalJobData;
		const answer = (await techWolfApiRequest.call(this, {
			method: 'POST',
			path: '/job_architecture/changes/preview',
			body: { change_type: 'add_job_description', context, job_id: jobId },
			itemIndex,
		})) as IDataObject | undefined;
		return { ...answer, job_id: jobId };
	},
};
