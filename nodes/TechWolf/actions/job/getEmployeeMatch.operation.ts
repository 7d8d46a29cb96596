import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { collection, externalVendorOption, readQueryOptions, vocabLanguageOption } from '../../fields/options';
import { locatorField, readLocatedId } from '../../fields/ids';
import { type Operation } from '../shared/operation';
import { techWolfApiRequest } from '../../transport';

/** TechWolf's Job Matching page: the simple match result, `{job_id, employee_id, score}` (the explained one is not shown). */
export const getEmployeeMatch: Operation = {
	label: 'Get Employee Match',
	action: 'Get how well an employee matches a job',
	description: "Get the match score, between 0 and 1, of an employee's skills for a job",
	fields: [
		locatorField('job', 'jobId', 'The job to match the employee against'),
		locatorField('employee', 'employeeId', 'The employee to score for the job'),
		collection('options', [externalVendorOption, vocabLanguageOption]),
	],
	async execute(this: IExecuteFunctions, itemIndex: number) {
		const jobId = readLocatedId(this, 'jobId', itemIndex, 'Job ID');
		const employeeId = readLocatedId(this, 'employeeId', itemIndex, 'Employee ID');
		return (await techWolfApiRequest.call(this, {
			method: 'GET',
			path: `/employees/${employeeId}/jobs/${jobId}/match`,
			qs: readQueryOptions(this, itemIndex),
			itemIndex,
		})) as IDataObject;
	},
};
