/**
 * Skill profiles of employees, jobs and courses: one path per entity, read by each entity's Get Skill Profile and by
 * Event → Get Resource, and written with validate/reject feedback by Update Skill Profile.
 */
import { NodeOperationError, type IDataObject, type IExecuteFunctions } from 'n8n-workflow';

import { SKILL_PROFILE_PATH } from '../../shared/apiPaths';
import { PROFILE_ID, type ProfileEntity } from '../descriptions/skillProfile';
import { techWolfApiRequest } from '../transport';
import { checkId, readLocatedId } from './ids';

/** The entity's id parameter (descriptions/skillProfile.ts: a locator, or a plain id for courses), checked. */
export function readProfileId(context: IExecuteFunctions, entity: ProfileEntity, itemIndex: number): string {
	const id = PROFILE_ID[entity];
	return readLocatedId(context, id.name, itemIndex, id.label);
}

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
			path: SKILL_PROFILE_PATH[entity](externalId),
			qs: query,
			itemIndex,
		})) as IDataObject | undefined) ?? {}
	);
}

/** PATCH …/skill_profile with the feedback fields of descriptions/skillProfile.ts; `externalId` arrives checked. */
export async function sendSkillFeedback(
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
		const skillId = checkId(context, row.skillId, itemIndex, `Skill ${position + 1}: Skill ID`);
		const feedback: IDataObject = { skill_id: skillId, has_skill: row.decision !== 'reject' };
		if (typeof row.proficiencyLevel === 'number' && row.proficiencyLevel > 0)
			feedback.proficiency_level = row.proficiencyLevel;
		if (row.critical === true) feedback.critical = true;
		return feedback;
	});
	await techWolfApiRequest.call(context, {
		method: 'PATCH',
		path: SKILL_PROFILE_PATH[entity](externalId),
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
