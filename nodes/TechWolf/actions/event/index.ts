import { type Resource } from '../shared/operation';
import { getResource } from './getResource.operation';

export const event: Resource = {
	label: 'Event',
	description: 'Resolve a TechWolf webhook event to its data',
	defaultOperation: 'getResource',
	operations: { getResource },
};
