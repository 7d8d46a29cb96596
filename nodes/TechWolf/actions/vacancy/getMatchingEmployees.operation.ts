import { idField } from '../../fields/ids';
import { matchListOperation } from '../shared/matchList';

export const getMatchingEmployees = matchListOperation({
	label: 'Get Matching Employees',
	action: 'Get the employees whose skills best match a vacancy',
	description:
		'Get the employees who best match a vacancy, best first: one item per employee with its score (0 to 1), within 50 km unless Max Distance says otherwise',
	kind: 'vacancy',
	entities: 'employees',
	idField: { ...idField('vacancyId', 'Vacancy ID', 'The vacancy to find employees for'), placeholder: 'e.g. V1' },
	idLabel: 'Vacancy ID',
	path: (vacancyId) => `/vacancies/${vacancyId}/matching_employees`,
});
