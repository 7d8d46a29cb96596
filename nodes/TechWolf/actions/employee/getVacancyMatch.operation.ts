import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { idField, locatorField, readId, readLocatedId } from '../../fields/ids';
import { techWolfApiRequest } from '../../transport';
import { type Operation } from '../shared/operation';

/** TechWolf's Vacancy Matching page: the simple match result (its newest example names the score `match_score`). */
export const getVacancyMatch: Operation = {
	label: 'Get Vacancy Match',
	action: 'Get how well an employee matches a vacancy',
	description: "Get the match score, between 0 and 1, of an employee's skills for one vacancy",
	fields: [
		locatorField('employee', 'employeeId', 'The employee to score for the vacancy'),
		{ ...idField('vacancyId', 'Vacancy ID', 'The external ID of the vacancy'), placeholder: 'e.g. V1' },
	],
	async execute(this: IExecuteFunctions, itemIndex: number) {
		const employeeId = readLocatedId(this, 'employeeId', itemIndex, 'Employee ID');
		const vacancyId = readId(this, 'vacancyId', itemIndex, 'Vacancy ID');
		return (await techWolfApiRequest.call(this, {
			method: 'GET',
			path: `/employees/${employeeId}/vacancies/${vacancyId}/match`,
			itemIndex,
		})) as IDataObject;
	},
};
