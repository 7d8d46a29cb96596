import { locatorField } from '../../fields/ids';
import { matchListOperation } from '../shared/matchList';

export const getMatchingCompanies = matchListOperation({
	label: 'Get Matching Companies',
	action: 'Get the companies that best match an employee, scored',
	description:
		"Get the external companies whose vacancies best match an employee: one item per company with its score (the employee's best vacancy score) and the vacancies that made it",
	kind: 'vacancy',
	entities: 'companies',
	idField: locatorField('employee', 'employeeId', 'The employee to find external companies for'),
	idLabel: 'Employee ID',
	path: (employeeId) => `/employees/${employeeId}/matching_companies`,
});
