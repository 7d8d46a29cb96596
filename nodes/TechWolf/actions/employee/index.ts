import type { Resource } from '../operation';
import { addSkillEvent } from './addSkillEvent.operation';
import { create } from './create.operation';
import { get } from './get.operation';
import { getAll } from './getAll.operation';
import { getSkillProfile } from './getSkillProfile.operation';
import { update } from './update.operation';
import { updateSkillProfile } from './updateSkillProfile.operation';

export const employee: Resource = {
	label: 'Employee',
	defaultOperation: 'getSkillProfile',
	operations: { addSkillEvent, create, get, getAll, getSkillProfile, update, updateSkillProfile },
};
