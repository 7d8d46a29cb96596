import type { IExecuteFunctions } from 'n8n-workflow';

import { readSimplify, simplifyProfile } from '../../helpers/simplify';
import { collection, simplifyFields } from '../../descriptions/fields';
import { domainNamespaceOption, vocabLanguageOption } from '../../descriptions/options';
import { profileIdField } from '../../descriptions/skillProfile';
import { readQueryOptions } from '../../helpers/parameters';
import { fetchSkillProfile, readProfileId } from '../../helpers/skillProfiles';
import type { Operation } from '../operation';

export const getSuggestedSkillProfile: Operation = {
	label: 'Get Suggested Skill Profile',
	action: 'Get a job suggested skill profile',
	description: 'Get the skills TechWolf suggests for a job and that are not yet validated',
	fields: [
		profileIdField('job'),
		...simplifyFields,
		collection('options', [domainNamespaceOption, vocabLanguageOption]),
	],
	async execute(this: IExecuteFunctions, itemIndex: number) {
		const jobId = readProfileId(this, 'job', itemIndex);
		const profile = await fetchSkillProfile(
			this,
			'jobSuggestions',
			jobId,
			readQueryOptions(this, itemIndex),
			itemIndex,
		);
		return readSimplify(this, itemIndex) ? simplifyProfile(profile) : profile;
	},
};
