/**
 * Skill profiles of employees, jobs and courses: one path and one set of query options per entity, used by each
 * resource's operations and by Event → Get Resource, so that both read the same endpoint the same way.
 */
import { NodeOperationError, type IDataObject, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import { techWolfApiRequest } from '../transport';
import {
	choiceOption,
	collection,
	externalVendorOption,
	idField,
	includeOption,
	readId,
	readQueryOptions,
	responseFormatOption,
	TECHWOLF_ID,
	vocabLanguageOption,
	type Operation,
} from './common';

export type ProfileEntity = 'employee' | 'job' | 'course';

/** The id parameter each entity's profile operations take. */
const PROFILE_ID: Record<ProfileEntity, { name: string; label: string; description: string }> = {
	employee: { name: 'employeeId', label: 'Employee ID', description: 'The external ID of the employee' },
	job: { name: 'jobId', label: 'Job ID', description: 'The external ID of the job in your job architecture' },
	course: { name: 'courseId', label: 'Course ID', description: 'The external ID of the course' },
};

type OperationText = Pick<Operation, 'label' | 'action' | 'description'>;

const PROFILE_PATH: Record<ProfileEntity | 'jobSuggestions', (id: string) => string> = {
	employee: (id) => `/employees/${id}/skill_profile`,
	job: (id) => `/job_architecture/jobs/${id}/skill_profile`,
	jobSuggestions: (id) => `/job_architecture/jobs/${id}/suggested_skill_profile`,
	course: (id) => `/courses/${id}/skill_profile`,
};

/** GET the skill profile of an employee, job or course, or the suggested profile of a job (`jobSuggestions`). */
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

/** The query options each entity's GET skill_profile accepts (TechWolf API reference). */
export const profileOptions: Record<ProfileEntity, INodeProperties[]> = {
	employee: [
		externalVendorOption,
		includeOption([
			['Low Data Availability Flag', 'low_data_availability_flag'],
			['Sources', 'sources'],
		]),
		responseFormatOption([
			['Domains', 'domains'],
			['Hierarchy', 'hierarchy'],
			['List', 'list'],
			['Skill Clusters', 'skill_clusters'],
		]),
		vocabLanguageOption,
	],
	job: [
		choiceOption(
			'Domain Namespace',
			'domainNamespace',
			[
				['Adaptive', 'adaptive'],
				['Taxonomy', 'taxonomy'],
				['TechWolf', 'techwolf'],
			],
			'techwolf',
		),
		externalVendorOption,
		includeOption([
			['Critical', 'critical'],
			['Low Data Availability Flag', 'low_data_availability_flag'],
			['Proficiency Float', 'proficiency_float'],
			['Proficiency Level', 'proficiency_level'],
			['Skill Validation State', 'skill_validation_state'],
		]),
		responseFormatOption([
			['Hierarchy', 'hierarchy'],
			['List', 'list'],
		]),
		vocabLanguageOption,
	],
	course: [vocabLanguageOption],
};

export function profileOptionsField(entity: ProfileEntity): INodeProperties {
	return collection('options', profileOptions[entity]);
}

/** Validate/reject feedback, for PATCH …/skill_profile of employees and jobs. */
function skillFeedbackFields(entity: 'employee' | 'job'): INodeProperties[] {
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

/** GET a skill profile (or a job's suggested profile) as an operation: the entity's id, its options, the fetch. */
export function getProfileOperation(
	profile: ProfileEntity | 'jobSuggestions',
	text: OperationText,
	options: INodeProperties,
): Operation {
	const id = PROFILE_ID[profile === 'jobSuggestions' ? 'job' : profile];
	return {
		...text,
		fields: [idField(id.name, id.label, id.description), options],
		async execute(this: IExecuteFunctions, itemIndex: number) {
			const externalId = readId(this, id.name, itemIndex, id.label);
			return await fetchSkillProfile(this, profile, externalId, readQueryOptions(this, itemIndex), itemIndex);
		},
	};
}

/** PATCH …/skill_profile with validate/reject feedback, as an operation of employees or jobs. */
export function updateProfileOperation(entity: 'employee' | 'job', text: OperationText): Operation {
	const id = PROFILE_ID[entity];
	return {
		...text,
		fields: [idField(id.name, id.label, id.description), ...skillFeedbackFields(entity)],
		async execute(this: IExecuteFunctions, itemIndex: number) {
			return await sendSkillFeedback(this, entity, readId(this, id.name, itemIndex, id.label), itemIndex);
		},
	};
}

/** `externalId` arrives checked (readId). */
async function sendSkillFeedback(
	context: IExecuteFunctions,
	entity: 'employee' | 'job',
	externalId: string,
	itemIndex: number,
): Promise<IDataObject> {
	const source = String(context.getNodeParameter('source', itemIndex, '')).trim();
	const rows = ((context.getNodeParameter('skills', itemIndex, {}) as IDataObject).skill ?? []) as IDataObject[];
	if (source === '') throw new NodeOperationError(context.getNode(), 'Source is empty', { itemIndex });
	if (rows.length === 0) {
		throw new NodeOperationError(context.getNode(), 'Add at least one skill to validate or reject', { itemIndex });
	}
	const skills = rows.map((row, position) => {
		const skillId = String(row.skillId ?? '').trim();
		if (!TECHWOLF_ID.test(skillId)) {
			throw new NodeOperationError(context.getNode(), `Skill ${position + 1}: Skill ID "${skillId}" is not valid`, {
				itemIndex,
				description: 'Use the skill_id from a skill profile or skill export.',
			});
		}
		const feedback: IDataObject = { skill_id: skillId, has_skill: row.decision !== 'reject' };
		if (typeof row.proficiencyLevel === 'number' && row.proficiencyLevel > 0)
			feedback.proficiency_level = row.proficiencyLevel;
		if (row.critical === true) feedback.critical = true;
		return feedback;
	});
	await techWolfApiRequest.call(context, {
		method: 'PATCH',
		path: PROFILE_PATH[entity](externalId),
		qs: { feedback_format: context.getNodeParameter('feedbackFormat', itemIndex, 'skills') },
		body: { source, skills },
		itemIndex,
	});
	return {
		success: true,
		externalId,
		validated: skills.filter((s) => s.has_skill).length,
		rejected: skills.filter((s) => !s.has_skill).length,
	};
}
