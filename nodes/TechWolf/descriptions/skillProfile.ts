/** The fields of the skill-profile operations of employees, jobs and courses: the entity's id, and skill feedback. */
import type { INodeProperties } from 'n8n-workflow';

import { idField } from './fields';
import { locatorField } from './locators';

export type ProfileEntity = 'employee' | 'job' | 'course';

/** The id parameter each entity's profile operations take. */
export const PROFILE_ID: Record<ProfileEntity, { name: string; label: string; description: string }> = {
	employee: { name: 'employeeId', label: 'Employee ID', description: 'The external ID of the employee' },
	job: { name: 'jobId', label: 'Job ID', description: 'The external ID of the job in your job architecture' },
	course: { name: 'courseId', label: 'Course ID', description: 'The external ID of the course' },
};

/** Employees and jobs are picked with a resource locator (descriptions/locators.ts); courses by ID. */
export function profileIdField(entity: ProfileEntity): INodeProperties {
	const id = PROFILE_ID[entity];
	return entity === 'course'
		? idField(id.name, id.label, id.description)
		: locatorField(entity, id.name, id.description);
}

/** Validate/reject feedback, for PATCH …/skill_profile of employees and jobs (helpers/skillProfiles.ts sends it). */
export function skillFeedbackFields(entity: 'employee' | 'job'): INodeProperties[] {
	const jobOnly: INodeProperties[] =
		entity === 'job'
			? [
					{
						displayName: 'Proficiency Level',
						name: 'proficiencyLevel',
						type: 'number',
						default: 0,
						typeOptions: { minValue: 0, maxValue: 5 },
						description: '0 leaves the proficiency as it is',
					},
					{ displayName: 'Critical', name: 'critical', type: 'boolean', default: false },
				]
			: [];
	return [
		{
			displayName: 'Source',
			name: 'source',
			type: 'string',
			default: 'n8n',
			required: true,
			description: 'Which system gives the feedback, as TechWolf records it',
		},
		{
			displayName: 'Skills',
			name: 'skills',
			type: 'fixedCollection',
			typeOptions: { multipleValues: true },
			default: {},
			placeholder: 'Add Skill',
			options: [
				{
					displayName: 'Skill',
					name: 'skill',
					values: [
						{
							displayName: 'Skill ID',
							name: 'skillId',
							type: 'string',
							default: '',
							description: 'TechWolf skill ID (UUID), as in skill profiles',
						},
						{
							displayName: 'Decision',
							name: 'decision',
							type: 'options',
							default: 'validate',
							options: [
								{ name: 'Validate', value: 'validate', description: 'The skill is correct (has_skill: true)' },
								{ name: 'Reject', value: 'reject', description: 'The skill is wrong (has_skill: false)' },
							],
						},
						...jobOnly,
					],
				},
			],
		},
		{
			displayName: 'Feedback Format',
			name: 'feedbackFormat',
			type: 'options',
			default: 'skills',
			options: [
				{ name: 'Skills', value: 'skills' },
				{ name: 'External Vendor Skills', value: 'external_vendor_skills' },
				...(entity === 'employee' ? [{ name: 'Skill Clusters', value: 'skill_clusters' }] : []),
			],
		},
	];
}
