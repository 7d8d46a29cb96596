import { idField } from '../../fields/ids';
import { matchListOperation } from '../shared/matchList';

export const getMatchingEmployees = matchListOperation({
	label: 'Get Matching Employees',
	action: 'Get the employees who best match a company, scored',
	description:
		"Get the employees who best match an external company: one item per employee with its score (the employee's best score with the company's vacancies) and the vacancies that made it",
	kind: 'vacancy',
	entities: 'employees',
	idField: {
		...idField('companyId', 'Company ID', 'The external ID of the external company'),
		placeholder: 'e.g. acme',
	},
	idLabel: 'Company ID',
	path: (companyId) => `/companies/${companyId}/matching_employees`,
});
