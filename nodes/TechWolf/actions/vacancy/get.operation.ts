import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { customPropertiesField, readCustomPropertiesQuery } from '../../fields/options';
import { idField, readId } from '../../fields/ids';
import { techWolfApiRequest } from '../../transport';
import { type Operation } from '../shared/operation';

export const get: Operation = {
	label: 'Get',
	action: "Get a vacancy's title, description and languages",
	description:
		'Get one vacancy by external ID: job title, job description, required languages with levels, company, location and whether it is open',
	fields: [
		{ ...idField('vacancyId', 'Vacancy ID', 'The external ID of the vacancy'), placeholder: 'e.g. V1' },
		customPropertiesField('vacancy'),
	],
	async execute(this: IExecuteFunctions, itemIndex: number) {
		const vacancyId = readId(this, 'vacancyId', itemIndex, 'Vacancy ID');
		return (await techWolfApiRequest.call(this, {
			method: 'GET',
			path: `/vacancies/${vacancyId}`,
			qs: readCustomPropertiesQuery(this, itemIndex),
			itemIndex,
		})) as IDataObject;
	},
};
