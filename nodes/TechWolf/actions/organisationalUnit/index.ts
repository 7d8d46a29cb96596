import { type Resource } from '../shared/operation';
import { get } from './get.operation';
import { getAll } from './getAll.operation';

export const organisationalUnit: Resource = {
	label: 'Organisational Unit',
	defaultOperation: 'getAll',
	operations: { get, getAll },
};
