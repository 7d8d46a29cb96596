import { type Resource } from '../shared/operation';
import { get } from './get.operation';
import { preview } from './preview.operation';

export const jobChange: Resource = {
	label: 'Job Change',
	description: 'Job descriptions TechWolf writes for your jobs',
	defaultOperation: 'preview',
	operations: { get, preview },
};
