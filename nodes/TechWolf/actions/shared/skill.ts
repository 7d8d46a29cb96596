/** One skill of the taxonomy, read by Skill → Get and by Event → Get Resource for skill events. */
import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { skillPath } from '../../../shared/apiPaths';
import { techWolfApiRequest } from '../../transport';

/** GET /taxonomy/skills/{id}: the skill; with `nullIfNotFound`, null when TechWolf answers 404 (deleted). */
export async function fetchSkill(
	context: IExecuteFunctions,
	skillId: string,
	query: IDataObject,
	itemIndex: number,
	nullIfNotFound: boolean,
): Promise<IDataObject | null> {
	const skill = (await techWolfApiRequest.call(context, {
		method: 'GET',
		path: skillPath(skillId),
		qs: query,
		itemIndex,
		nullIfNotFound,
	})) as IDataObject | null | undefined;
	return skill ?? null;
}
