import { locatorField } from '../../fields/ids';
import { matchListOperation } from '../shared/matchList';

export const getMatchingEmployees = matchListOperation({
	label: 'Get Matching Employees',
	action: 'Get the employees whose skills best match a job',
	description:
		'Get the active employees who best match a job, best first, leaving out those who hold it: one item per employee with its score (0 to 1)',
	kind: 'job',
	entities: 'employees',
	idField: locatorField('job', 'jobId', 'The job to find employees for'),
	idLabel: 'Job ID',
	path: (jobId) => `/job_architecture/jobs/${jobId}/matching_employees`,
});
