/**
 * Update Skill Profile of employees and jobs: validate or reject skills (or, for employees, whole skill clusters),
 * sent as the body of the feedback format the user picked.
 */
import { NodeOperationError, type IDataObject, type IExecuteFunctions } from 'n8n-workflow';

import { SKILL_PROFILE_PATH } from '../../../../shared/apiPaths';
import { checkId } from '../../../fields/ids';
import { techWolfApiRequest } from '../../../transport';
import { success, type Operation } from '../operation';
import { profileIdField, readProfileId } from '../skillProfile';
import { skillFeedbackFields } from './fields';

type FeedbackFormat = 'skills' | 'external_vendor_skills' | 'skill_clusters';

/** The entries of one of the feedback lists (fields.ts), at least one. */
function feedbackRows(context: IExecuteFunctions, list: string, entry: string, itemIndex: number): IDataObject[] {
	const rows = ((context.getNodeParameter(list, itemIndex, {}) as IDataObject)[entry] ?? []) as IDataObject[];
	if (rows.length === 0) {
		throw new NodeOperationError(context.getNode(), 'Add at least one entry to give feedback on', { itemIndex });
	}
	return rows;
}

/** A job entry's proficiency and criticality: 0 means "leave as is"; critical may be true, false or null. */
function jobEntryFields(row: IDataObject): IDataObject {
	const fields: IDataObject = {};
	if (row.critical === 'true' || row.critical === 'false') fields.critical = row.critical === 'true';
	else if (row.critical === 'null') fields.critical = null;
	if (typeof row.proficiencyLevel === 'number' && row.proficiencyLevel > 0)
		fields.proficiency_level = row.proficiencyLevel;
	if (typeof row.proficiencyFloat === 'number' && row.proficiencyFloat > 0)
		fields.proficiency_float = row.proficiencyFloat;
	return fields;
}

/** The body of each feedback format: `skills` by ID, the vendor's skills by ID and name, or `skill_clusters`. */
function feedbackBody(
	context: IExecuteFunctions,
	entity: 'employee' | 'job',
	format: FeedbackFormat,
	itemIndex: number,
): IDataObject {
	if (format === 'skill_clusters') {
		const clusters = feedbackRows(context, 'skillClusters', 'cluster', itemIndex).map((row, position) => {
			const cluster = String(row.cluster ?? '').trim();
			if (cluster === '') {
				throw new NodeOperationError(context.getNode(), `Skill cluster ${position + 1} is empty`, { itemIndex });
			}
			return {
				[row.identifyBy === 'id' ? 'skill_cluster_id' : 'skill_cluster_name']: cluster,
				proficiency_level: Number(row.proficiencyLevel ?? 0),
			};
		});
		return { skill_clusters: clusters };
	}
	const vendor = format === 'external_vendor_skills';
	const skills = feedbackRows(context, vendor ? 'vendorSkills' : 'skills', 'skill', itemIndex).map((row, position) => {
		const feedback: IDataObject = {
			skill_id: checkId(context, row.skillId, itemIndex, `Skill ${position + 1}: Skill ID`),
		};
		if (vendor) {
			const name = String(row.skillName ?? '').trim();
			if (name === '') {
				throw new NodeOperationError(context.getNode(), `Skill ${position + 1}: Skill Name is empty`, {
					itemIndex,
					description: "Vendor feedback names each skill by the vendor's ID and name.",
				});
			}
			feedback.skill = name;
		}
		feedback.has_skill = row.decision !== 'reject';
		return entity === 'job' ? { ...feedback, ...jobEntryFields(row) } : feedback;
	});
	return { skills };
}

/** PATCH …/skill_profile with the feedback fields; `externalId` arrives checked. */
async function sendSkillFeedback(
	context: IExecuteFunctions,
	entity: 'employee' | 'job',
	externalId: string,
	itemIndex: number,
): Promise<IDataObject> {
	const source = String(context.getNodeParameter('source', itemIndex, '')).trim();
	if (source === '') throw new NodeOperationError(context.getNode(), 'Source is empty', { itemIndex });
	const format = context.getNodeParameter('feedbackFormat', itemIndex, 'skills') as FeedbackFormat;
	// TechWolf's feedback pages list the vendor under the body of external_vendor_skills, before source and skills.
	const body: IDataObject = {
		...(format === 'external_vendor_skills'
			? { external_vendor: context.getNodeParameter('externalVendor', itemIndex, 'workday') }
			: {}),
		source,
		...feedbackBody(context, entity, format, itemIndex),
	};
	await techWolfApiRequest.call(context, {
		method: 'PATCH',
		path: SKILL_PROFILE_PATH[entity](externalId),
		qs: { feedback_format: format },
		body,
		itemIndex,
	});
	const entries = (body.skills ?? body.skill_clusters ?? []) as IDataObject[];
	const rejected = entries.filter((entry) => entry.has_skill === false || entry.proficiency_level === 0).length;
	return success({ externalId, validated: entries.length - rejected, rejected });
}

/** The Update Skill Profile operation of `entity`: its id, then the feedback fields. */
export function updateSkillProfileOperation(
	entity: 'employee' | 'job',
	texts: Pick<Operation, 'action' | 'description'>,
): Operation {
	return {
		label: 'Update Skill Profile',
		...texts,
		fields: [profileIdField(entity), ...skillFeedbackFields(entity)],
		async execute(this: IExecuteFunctions, itemIndex: number) {
			return await sendSkillFeedback(this, entity, readProfileId(this, entity, itemIndex), itemIndex);
		},
	};
}
