import type { IDataObject } from 'n8n-workflow';

/** What an item shows for TechWolf's 204 No Content answers. */
export function success(fields: IDataObject): IDataObject {
	return { success: true, ...fields };
}
