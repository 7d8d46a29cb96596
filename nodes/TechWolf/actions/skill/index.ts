import { type Resource } from '../shared/operation';
import { exportSkills } from './export.operation';
import { get } from './get.operation';

export const skill: Resource = {
	label: 'Skill',
	defaultOperation: 'get',
	operations: { get, export: exportSkills },
};
