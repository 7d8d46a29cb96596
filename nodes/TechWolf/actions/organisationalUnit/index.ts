import type { Resource } from '../operation';
import { get } from './get.operation';
import { getAll } from './getAll.operation';

export const organisationalUnit: Resource = {
	label: 'Organisational Unit',
	defaultOperation: 'getAll',
	operations: { get, getAll },
};
