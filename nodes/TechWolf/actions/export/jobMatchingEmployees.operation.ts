import { matchingExportOperation } from './matchingExportOperation';

export const jobMatchingEmployees = matchingExportOperation({
	label: 'Job Matching Employees',
	action: 'Export the best matching employees of every job',
	description:
		'Export, for every job, the employees whose skills best match it with a score (0 to 1) each, page by page: one item per job',
	entities: 'employees',
	path: '/job_architecture/export/jobs/matching_employees',
});
