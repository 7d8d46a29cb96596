import { type Resource } from '../shared/operation';
import { get } from './get.operation';
import { getSkillProfile } from './getSkillProfile.operation';

export const skillCluster: Resource = {
	label: 'Skill Cluster',
	defaultOperation: 'get',
	operations: { get, getSkillProfile },
};
