import type { Resource } from '../operation';
import { get } from './get.operation';

export const vacancy: Resource = { label: 'Vacancy', defaultOperation: 'get', operations: { get } };
