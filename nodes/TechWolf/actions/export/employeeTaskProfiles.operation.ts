import type { IExecuteFunctions } from 'n8n-workflow';

import { collection, returnAllFields } from '../../descriptions/fields';
import { includeOption } from '../../descriptions/options';
import { readTake } from '../../helpers/paging';
import { readCollection } from '../../helpers/parameters';
import { PAGE_SIZES, techWolfKeysetPaginated } from '../../transport';
import type { Operation } from '../operation';
import { activeEmployeesOption, employeeFilters, exportBody } from './filters';

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
		const options = readCollection(this, 'options', itemIndex);
		return await techWolfKeysetPaginated.call(
			this,
			{
				method: 'POST',
				path: '/export/employees/task_profiles',
				body: exportBody(employeeFilters(options), options.include),
				pageSize: PAGE_SIZES['POST /export/employees/task_profiles'],
				itemIndex,
			},
			readTake(this, itemIndex),
		);
	},
};
