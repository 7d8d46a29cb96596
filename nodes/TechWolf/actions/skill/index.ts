import type { Resource } from '../operation';
import { exportSkills } from './export.operation';
import { get } from './get.operation';

export const skill: Resource = {
	label: 'Skill',
	defaultOperation: 'get',
	operations: { get, export: exportSkills },
};
