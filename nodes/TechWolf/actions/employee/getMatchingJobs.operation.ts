import { locatorField } from '../../fields/ids';
import { matchListOperation } from '../shared/matchList';

export const getMatchingJobs = matchListOperation({
	label: 'Get Matching Jobs',
	action: "Get the jobs that best match an employee's skills",
	description:
		'Get the jobs whose skills best match an employee’s, best first: one item per job with its score (0 to 1)',
	kind: 'job',
	entities: 'jobs',
	idField: locatorField('employee', 'employeeId', 'The employee to find jobs for'),
	idLabel: 'Employee ID',
	path: (employeeId) => `/employees/${employeeId}/matching_jobs`,
	// TechWolf's page shows no query parameter for this call.
	listOptions: false,
});
