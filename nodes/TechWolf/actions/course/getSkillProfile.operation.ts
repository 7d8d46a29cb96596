import type { IExecuteFunctions } from 'n8n-workflow';

import { collection, simplifyField } from '../../descriptions/fields';
import { vocabLanguageOption } from '../../descriptions/options';
import { profileIdField } from '../../descriptions/skillProfile';
import { skillProfileOf } from '../../helpers/skillProfiles';
import type { Operation } from '../operation';

export const getSkillProfile: Operation = {
	label: 'Get Skill Profile',
	action: 'Get the skills a course teaches',
	description: 'Get the skills a course teaches, by external ID',
	fields: [profileIdField('course'), simplifyField, collection('options', [vocabLanguageOption])],
	async execute(this: IExecuteFunctions, itemIndex: number) {
		return skillProfileOf(this, 'course', itemIndex);
	},
};
