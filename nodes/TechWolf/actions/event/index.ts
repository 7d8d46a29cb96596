import type { Resource } from '../operation';
import { getResource } from './getResource.operation';

export const event: Resource = {
	label: 'Event',
	description: 'Resolve a TechWolf webhook event to its data',
	defaultOperation: 'getResource',
	operations: { getResource },
};
