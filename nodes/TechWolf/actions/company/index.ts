import { type Resource } from '../shared/operation';
import { getMatchingEmployees } from './getMatchingEmployees.operation';

/** TechWolf's External Companies: the companies vacancies belong to, matched with employees (External Company Matching). */
export const company: Resource = {
	label: 'External Company',
	defaultOperation: 'getMatchingEmployees',
	operations: { getMatchingEmployees },
};
