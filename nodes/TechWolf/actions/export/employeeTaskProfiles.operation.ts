import type { IExecuteFunctions } from 'n8n-workflow';

import { collection, includeOption } from '../../fields/options';
import { returnAllFields } from '../../fields/paging';
import { type Operation } from '../shared/operation';
import { activeEmployeesOption, employeeFilters, exportBody, exportRecords } from './request';

export const employeeTaskProfiles: Operation = {
	label: 'Employee Task Profiles',
	action: 'Export tasks and AI impact of all employees',
	description:
		'Export, for every employee, the tasks they do with weekly hours and linked skills (optionally the AI impact on each task and its source events), page by page',
	fields: [
		...returnAllFields,
		collection('options', [
			activeEmployeesOption,
			includeOption([
				['AI Impact', 'ai_impact'],
				['Source Events', 'source_events'],
			]),
		]),
	],
	async execute(this: IExecuteFunctions, itemIndex: number) {
		return await exportRecords(this, itemIndex, '/export/employees/task_profiles', (options) =>
			exportBody(employeeFilters(options), options.include),
		);
	},
};
