import type { IExecuteFunctions } from 'n8n-workflow';

import { idField, readId } from '../../fields/ids';
import { profileDataFields, sendProfileData } from '../shared/profileData';
import { type Operation } from '../shared/operation';

export const addProfileData: Operation = {
	label: 'Add Profile Data',
	action: 'Add profile data to a job family',
	description: 'Send a job family description, from which TechWolf infers the skills its jobs share',
	fields: [
		idField('jobFamilyId', 'Job Family ID', 'The external ID of the job family the profile data describes'),
		...profileDataFields('jobFamily'),
	],
	async execute(this: IExecuteFunctions, itemIndex: number) {
		const jobFamilyId = readId(this, 'jobFamilyId', itemIndex, 'Job Family ID');
		return await sendProfileData(this, 'jobFamily', jobFamilyId, itemIndex);
	},
};
