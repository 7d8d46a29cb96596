import { matchingExportOperation } from './matchingExportOperation';

export const employeeMatchingVacancies = matchingExportOperation({
	label: 'Employee Matching Vacancies',
	action: 'Export the best matching vacancies of every employee',
	description:
		'Export, for every employee, the vacancies that best match their skills with a score (0 to 1) each, page by page: one item per employee',
	kind: 'vacancy',
	entities: 'vacancies',
	path: '/export/employees/matching_vacancies',
});
