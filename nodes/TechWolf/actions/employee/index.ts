import { resourceDescription, type Operation } from '../common';
import { addSkillEvent } from './addSkillEvent.operation';
import { create } from './create.operation';
import { get } from './get.operation';
import { getAll } from './getAll.operation';
import { getSkillProfile } from './getSkillProfile.operation';
import { update } from './update.operation';
import { updateSkillProfile } from './updateSkillProfile.operation';

export const operations = {
	addSkillEvent,
	create,
	get,
	getAll,
	getSkillProfile,
	update,
	updateSkillProfile,
} satisfies Record<string, Operation>;

export const description = resourceDescription('employee', operations, 'getSkillProfile');
