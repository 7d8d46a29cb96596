import { type Resource } from '../shared/operation';
import { get } from './get.operation';
import { getMatchingEmployees } from './getMatchingEmployees.operation';

export const vacancy: Resource = {
	label: 'Vacancy',
	defaultOperation: 'get',
	operations: { get, getMatchingEmployees },
};
