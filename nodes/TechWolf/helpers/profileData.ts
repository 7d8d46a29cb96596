/**
 * Profile data of jobs and job families (`POST …/profile_data`), the text TechWolf computes suggested skill profiles
 * from. One body for both, as the "Providing Profile Data" tutorial shows it: `{external_id, source, data_type, data:
 * {<data_type>: text}}`; only the path and the data types differ.
 */
import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { DATA_TYPE_FIELD, type ProfileDataOwner } from '../descriptions/profileData';
import { techWolfApiRequest } from '../transport';
import { readId } from './ids';
import { readChoice, readText } from './parameters';
import { success } from './noContent';

const PATH: Record<ProfileDataOwner, (id: string) => string> = {
	job: (id) => `/job_architecture/jobs/${id}/profile_data`,
	jobFamily: (id) => `/job_architecture/job_families/${id}/profile_data`,
};

/** No limit is documented for the text; this only stops a whole file being sent by mistake. */
const MAX_TEXT_LENGTH = 100_000;

/** Reads the fields of descriptions/profileData.ts and sends them for `ownerId` (arriving checked). */
export async function sendProfileData(
	context: IExecuteFunctions,
	owner: ProfileDataOwner,
	ownerId: string,
	itemIndex: number,
): Promise<IDataObject> {
	const profileDataId = readId(context, 'profileDataId', itemIndex, 'Profile Data ID');
	const dataType = readChoice(context, DATA_TYPE_FIELD[owner], itemIndex);
	const text = readText(context, 'text', itemIndex, 'Text', MAX_TEXT_LENGTH);
	const source = readText(context, 'source', itemIndex, 'Source', MAX_TEXT_LENGTH);
	await techWolfApiRequest.call(context, {
		method: 'POST',
		path: PATH[owner](ownerId),
		body: { external_id: profileDataId, source, data_type: dataType, data: { [dataType]: text } },
		itemIndex,
	});
	return success({ externalId: ownerId, profileDataId, dataType, added: true });
}
