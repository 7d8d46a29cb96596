/**
 * The Get Skill Profile operation of employees, jobs, job families and courses, and the job's Get Suggested Skill
 * Profile: the same fields (the entity's id, Simplify, the options its endpoint takes) and the same read.
 */
import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { collection, simplifyField } from '../descriptions/fields';
import { profileIdField, type ProfileEntity } from '../descriptions/skillProfile';
import { readQueryOptions } from '../helpers/parameters';
import { readSimplify, simplifyProfile } from '../helpers/simplify';
import { fetchSkillProfile, readProfileId } from '../helpers/skillProfiles';
import type { Operation } from './operation';

interface SkillProfileTexts {
	/** 'Get Skill Profile' unless another name is given. */
	label?: string;
	action: string;
	description: string;
	/** The query options the entity's endpoint takes (descriptions/options.ts). */
	options: INodeProperties[];
}

/** The profile of the item's entity id, with its options as query parameters, shortened when Simplify is on. */
export function getSkillProfileOperation(
	entity: ProfileEntity | 'jobSuggestions',
	{ label = 'Get Skill Profile', action, description, options }: SkillProfileTexts,
): Operation {
	const idOf: ProfileEntity = entity === 'jobSuggestions' ? 'job' : entity;
	return {
		label,
		action,
		description,
		fields: [profileIdField(idOf), simplifyField, collection('options', options)],
		async execute(this: IExecuteFunctions, itemIndex: number) {
			const externalId = readProfileId(this, idOf, itemIndex);
			const profile = await fetchSkillProfile(this, entity, externalId, readQueryOptions(this, itemIndex), itemIndex);
			return readSimplify(this, itemIndex) ? simplifyProfile(profile) : profile;
		},
	};
}
