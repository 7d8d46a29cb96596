import type { IExecuteFunctions } from 'n8n-workflow';

import { collection } from '../../descriptions/fields';
import { vocabLanguageOption } from '../../descriptions/options';
import { profileIdField } from '../../descriptions/skillProfile';
import { readQueryOptions } from '../../helpers/parameters';
import { fetchSkillProfile, readProfileId } from '../../helpers/skillProfiles';
import type { Operation } from '../operation';

export const getSuggestedSkillProfile: Operation = {
	label: 'Get Suggested Skill Profile',
	action: 'Get a job suggested skill profile',
	description: 'Get the skills TechWolf suggests for a job and that are not yet validated',
	fields: [profileIdField('job'), collection('options', [vocabLanguageOption])],
	async execute(this: IExecuteFunctions, itemIndex: number) {
		const jobId = readProfileId(this, 'job', itemIndex);
		return await fetchSkillProfile(this, 'jobSuggestions', jobId, readQueryOptions(this, itemIndex), itemIndex);
	},
};
