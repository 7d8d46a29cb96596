import type { IExecuteFunctions } from 'n8n-workflow';

import { collection, includeOption } from '../../fields/options';
import { returnAllFields } from '../../fields/paging';
import { type Operation } from '../shared/operation';
import { activeEmployeesOption, employeeFilters, exportBody, exportRecords } from './request';

export const employeeSkillClusters: Operation = {
	label: 'Employee Skill Clusters',
	action: 'Export skill clusters and levels of all employees',
	description:
		'Export, for every employee, the skill clusters they have with a proficiency level and validation state (optionally the skills behind each cluster), page by page',
	fields: [
		...returnAllFields,
		collection('options', [
			activeEmployeesOption,
			includeOption([
				['Current Skills', 'current_skills'],
				['Related Skills', 'related_skills'],
				['Rejected Skills', 'rejected_skills'],
				['Sources', 'sources'],
			]),
		]),
	],
	async execute(this: IExecuteFunctions, itemIndex: number) {
		return await exportRecords(this, itemIndex, '/export/employees/skill_clusters', (options) =>
			exportBody(employeeFilters(options), options.include),
		);
	},
};
