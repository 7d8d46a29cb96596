import type { IExecuteFunctions } from 'n8n-workflow';

import { readSimplify, simplifyProfile } from '../../helpers/simplify';
import { collection, simplifyFields } from '../../descriptions/fields';
import { vocabLanguageOption } from '../../descriptions/options';
import { profileIdField } from '../../descriptions/skillProfile';
import { readQueryOptions } from '../../helpers/parameters';
import { fetchSkillProfile, readProfileId } from '../../helpers/skillProfiles';
import type { Operation } from '../operation';

export const getSkillProfile: Operation = {
	label: 'Get Skill Profile',
	action: 'Get a course skill profile',
	description: 'Get the skills a course teaches, by external ID',
	fields: [profileIdField('course'), ...simplifyFields, collection('options', [vocabLanguageOption])],
	async execute(this: IExecuteFunctions, itemIndex: number) {
		const courseId = readProfileId(this, 'course', itemIndex);
		const profile = await fetchSkillProfile(this, 'course', courseId, readQueryOptions(this, itemIndex), itemIndex);
		return readSimplify(this, itemIndex) ? simplifyProfile(profile) : profile;
	},
};
