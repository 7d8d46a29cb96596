import { locatorField } from '../../fields/ids';
import { matchListOperation } from '../shared/matchList';

export const getMatchingVacancies = matchListOperation({
	label: 'Get Matching Vacancies',
	action: 'Get the vacancies that best match an employee, scored',
	description:
		'Get the vacancies that best match an employee, best first: one item per vacancy with its score (0 to 1), within 50 km unless Max Distance says otherwise',
	kind: 'vacancy',
	entities: 'vacancies',
	idField: locatorField('employee', 'employeeId', 'The employee to find vacancies for'),
	idLabel: 'Employee ID',
	path: (employeeId) => `/employees/${employeeId}/matching_vacancies`,
});
