import { type Resource } from '../shared/operation';
import { createSkill } from './createSkill.operation';
import { exportChanges } from './exportChanges.operation';

export const taxonomy: Resource = {
	label: 'Taxonomy',
	defaultOperation: 'exportChanges',
	operations: { createSkill, exportChanges },
};
