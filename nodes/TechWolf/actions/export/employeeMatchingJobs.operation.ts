import { matchingExportOperation } from './matchingExportOperation';

export const employeeMatchingJobs = matchingExportOperation({
	label: 'Employee Matching Jobs',
	action: 'Export the best matching jobs of every employee',
	description:
		'Export, for every employee, the jobs that best match their skills with a score (0 to 1) each, page by page: one item per employee',
	entities: 'jobs',
	path: '/export/employees/matching_jobs',
});
