import type { IExecuteFunctions } from 'n8n-workflow';

import { locatorField, readLocatedId } from '../../fields/ids';
import { profileDataFields, sendProfileData } from '../shared/profileData';
import { type Operation } from '../shared/operation';

export const addProfileData: Operation = {
	label: 'Add Profile Data',
	action: 'Add profile data to a job',
	description:
		'Send a job description, title, vacancy or skill notes, from which TechWolf infers the job’s suggested skill profile',
	fields: [locatorField('job', 'jobId', 'The job the profile data describes'), ...profileDataFields('job')],
	async execute(this: IExecuteFunctions, itemIndex: number) {
		const jobId = readLocatedId(this, 'jobId', itemIndex, 'Job ID');
		return await sendProfileData(this, 'job', jobId, itemIndex);
	},
};
