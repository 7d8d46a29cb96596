/** What the skill profiles of employees, jobs and the bulk export share: states, proficiencies, feedback bodies. */
import {
	boolean,
	integer,
	nullable,
	number,
	object,
	optional,
	required,
	string,
	type ObjectSchema,
	type Property,
	type Rule,
} from './schema';

/** Seen: suggested, validated (employees), initially_validated (jobs); rejected is implied. The full enum is UNKNOWN. */
export const VALIDATION_STATE = string({
	minLength: 1,
	note: 'UNKNOWN enum: suggested, validated, initially_validated seen; rejected implied',
});

/** An employee skill's proficiencies; the example pairs level 2 ↔ 0.4, 3 ↔ 0.6, 5 ↔ 1.0 (the scale is not explained). */
export const EMPLOYEE_PROFICIENCY: Record<string, Property> = {
	self_rated_proficiency_level: optional(nullable(integer({ minimum: 0, maximum: 5 }))),
	self_rated_proficiency_float: optional(nullable(number({ minimum: 0, maximum: 1 }))),
	inferred_proficiency_level: optional(nullable(integer({ minimum: 0, maximum: 5 }))),
	inferred_proficiency_float: optional(nullable(number({ minimum: 0, maximum: 1 }))),
};

/** One feedback entry: a skill by `skill_id` or by name (`skill`), not both. */
const skillFeedbackEntry = (extra: Record<string, Property>): ObjectSchema =>
	object(
		{
			skill_id: optional(string({ minLength: 1 })),
			skill: optional(string({ minLength: 1 })),
			has_skill: required(boolean()),
			...extra,
		},
		{ exactlyOneOf: [['skill_id', 'skill']] },
	);

/** With `external_vendor_skills`, entries carry both the vendor skill's `skill_id` and its `skill` name. */
const vendorFeedbackEntry = (extra: Record<string, Property>): ObjectSchema =>
	object({
		skill_id: required(string({ minLength: 1 })),
		skill: required(string({ minLength: 1 })),
		has_skill: required(boolean()),
		...extra,
	});

/**
 * The `skills` and `external_vendor_skills` bodies of skill profile feedback, `{source, skills: [...]}`; `extra` is
 * what a job's entries take beyond an employee's (proficiency, critical).
 */
export function feedbackVariants(extra: Record<string, Property> = {}): Record<string, ObjectSchema> {
	return {
		skills: object({
			source: required(string({ minLength: 1 })),
			skills: required({ type: 'array', items: skillFeedbackEntry(extra), minItems: 1 }),
		}),
		external_vendor_skills: object({
			source: required(string({ minLength: 1 })),
			skills: required({ type: 'array', items: vendorFeedbackEntry(extra), minItems: 1 }),
		}),
	};
}

export const FEEDBACK_VENDORS = ['workday', 'sap_attribute_library'] as const;

/** `feedback_format=external_vendor_skills` reads the vendor from `external_vendor` (the job feedback page). */
export const vendorFeedbackRule: Rule = {
	rule: 'feedback_format=external_vendor_skills needs the external_vendor query parameter',
	check: ({ query }) =>
		query.get('feedback_format') === 'external_vendor_skills' && !query.has('external_vendor')
			? 'feedback_format=external_vendor_skills needs the external_vendor query parameter (workday or sap_attribute_library)'
			: undefined,
};
