/**
 * The Get Skill Profile operation of employees, jobs, job families and courses, and the job's Get Suggested Skill
 * Profile: the same fields (the entity's id, Simplify, the options its endpoint takes) and the same read, which
 * Event → Get Resource uses too.
 */
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { SKILL_PROFILE_PATH } from '../../../shared/apiPaths';
import { idField, locatorField, readLocatedId } from '../../fields/ids';
import { collection, readQueryOptions } from '../../fields/options';
import { readSimplify, simplifyField, simplifyProfile } from '../../fields/simplify';
import { techWolfApiRequest } from '../../transport';
import type { Operation } from './operation';

export type ProfileEntity = 'employee' | 'job' | 'jobFamily' | 'course';

/** The id parameter each entity's profile operations take. */
const PROFILE_ID: Record<ProfileEntity, { name: string; label: string; description: string }> = {
	employee: { name: 'employeeId', label: 'Employee ID', description: 'The external ID of the employee' },
	job: { name: 'jobId', label: 'Job ID', description: 'The external ID of the job in your job architecture' },
	jobFamily: { name: 'jobFamilyId', label: 'Job Family ID', description: 'The external ID of the job family' },
	course: { name: 'courseId', label: 'Course ID', description: 'The external ID of the course' },
};

/** Employees and jobs are picked with a resource locator (fields/ids.ts); job families and courses by ID. */
export function profileIdField(entity: ProfileEntity): INodeProperties {
	const id = PROFILE_ID[entity];
	return entity === 'employee' || entity === 'job'
		? locatorField(entity, id.name, id.description)
		: idField(id.name, id.label, id.description);
}

/** Where each profile is read: the paths the event catalog names too, and the job family's, which no event names. */
const PROFILE_PATH: Record<ProfileEntity | 'jobSuggestions', (id: string) => string> = {
	...SKILL_PROFILE_PATH,
	jobFamily: (id) => `/job_architecture/job_families/${id}/skill_profile`,
};

/** The entity's id parameter (a locator, or a plain id), checked. */
export function readProfileId(context: IExecuteFunctions, entity: ProfileEntity, itemIndex: number): string {
	const id = PROFILE_ID[entity];
	return readLocatedId(context, id.name, itemIndex, id.label);
}

/** GET the skill profile of an employee, job, job family or course, or the suggested one of a job (`jobSuggestions`). */
export async function fetchSkillProfile(
	context: IExecuteFunctions,
	entity: ProfileEntity | 'jobSuggestions',
	externalId: string,
	query: IDataObject,
	itemIndex: number,
): Promise<IDataObject> {
	return (
		((await techWolfApiRequest.call(context, {
			method: 'GET',
			path: PROFILE_PATH[entity](externalId),
			qs: query,
			itemIndex,
		})) as IDataObject | undefined) ?? {}
	);
}

interface SkillProfileTexts {
	/** 'Get Skill Profile' unless another name is given. */
	label?: string;
	action: string;
	description: string;
	/** The query options the entity's endpoint takes (fields/options.ts). */
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
