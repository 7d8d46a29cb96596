import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { readSimplify, simplifyProfile } from '../../helpers/simplify';
import { collection, idField, simplifyField } from '../../descriptions/fields';
import { domainNamespaceOption, externalVendorOption, vocabLanguageOption } from '../../descriptions/options';
import { readId } from '../../helpers/ids';
import { readQueryOptions } from '../../helpers/parameters';
import type { Operation } from '../operation';
import { techWolfApiRequest } from '../../transport';

export const getSkillProfile: Operation = {
	label: 'Get Skill Profile',
	action: 'Get the skills of a job family',
	description: 'Get the governed and suggested skills of a job family, told apart by their validation state',
	fields: [
		idField('jobFamilyId', 'Job Family ID', 'The external ID of the job family'),
		simplifyField,
		collection('options', [domainNamespaceOption, externalVendorOption, vocabLanguageOption]),
	],
	async execute(this: IExecuteFunctions, itemIndex: number) {
		const jobFamilyId = readId(this, 'jobFamilyId', itemIndex, 'Job Family ID');
		const profile = ((await techWolfApiRequest.call(this, {
			method: 'GET',
			path: `/job_architecture/job_families/${jobFamilyId}/skill_profile`,
			qs: readQueryOptions(this, itemIndex),
			itemIndex,
		})) ?? {}) as IDataObject;
		return readSimplify(this, itemIndex) ? simplifyProfile(profile) : profile;
	},
};
