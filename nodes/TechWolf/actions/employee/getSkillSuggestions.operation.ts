import { NodeOperationError, type IDataObject, type IExecuteFunctions } from 'n8n-workflow';

import { readSimplify, simplifyField, simplifySuggestions } from '../../fields/simplify';
import {
	choiceOption,
	collection,
	externalVendorOption,
	includeOption,
	toQuery,
	VOCAB_LANGUAGES,
} from '../../fields/options';
import { readIdList } from '../../fields/ids';
import { readChoice } from '../../fields/values';
import { type Operation } from '../shared/operation';
import { techWolfApiRequest } from '../../transport';

/** "Maximum of 50 Employees" per request (the suggestions reference page). */
export const MAX_SUGGESTION_EMPLOYEES = 50;

const suggestionFormatField = choiceOption(
	'Response Format',
	'suggestionFormat',
	[
		['Skill Clusters', 'skill_clusters'],
		['Skill Profiles', 'skill_profiles'],
	],
	'skill_profiles',
);

export const getSkillSuggestions: Operation = {
	label: 'Get Skill Suggestions',
	action: 'Get skill suggestions for employees',
	description:
		'Get the skills TechWolf suggests each employee validates (and, if asked, those already validated or rejected), for a skill-assistant flow',
	fields: [
		{
			displayName: 'Employee IDs',
			name: 'employeeIds',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'e.g. E1, E2, E3',
			description: 'External IDs of up to 50 employees, separated by commas, or an expression giving a list',
		},
		simplifyField,
		suggestionFormatField,
		collection('options', [
			externalVendorOption,
			{
				...includeOption([
					['Job Critical Info', 'job_critical_info'],
					['Proficiency', 'proficiency'],
					['Rejected Skills', 'rejected_skills'],
					['Suggested Skills', 'suggested_skills'],
					['Validated Skills', 'validated_skills'],
				]),
				description: 'Which skills to return and which details; TechWolf returns only suggested skills when empty',
			},
			{
				displayName: 'Max Skills',
				name: 'maxSkills',
				type: 'number',
				default: 10,
				typeOptions: { minValue: 1 },
				description: 'The most suggested skills to return per employee',
			},
			choiceOption(
				'SAP Status',
				'sapStatus',
				[
					['Active', 'active'],
					['Inactive', 'inactive'],
				],
				'active',
			),
			{
				displayName: 'Vocabulary Languages',
				name: 'vocabLanguages',
				type: 'multiOptions',
				default: [],
				options: VOCAB_LANGUAGES,
				description: 'Languages to give skill names in; English (UK) when empty',
			},
		]),
	],
	async execute(this: IExecuteFunctions, itemIndex: number) {
		const employeeIds = readIdList(this, this.getNodeParameter('employeeIds', itemIndex, ''), itemIndex, 'Employee ID');
		if (employeeIds.length === 0 || employeeIds.length > MAX_SUGGESTION_EMPLOYEES) {
			throw new NodeOperationError(
				this.getNode(),
				`Employee IDs holds ${employeeIds.length} IDs; TechWolf takes 1 to ${MAX_SUGGESTION_EMPLOYEES} per request`,
				{ itemIndex, description: 'Split the employees over several items (Loop Over Items, batch size 50).' },
			);
		}
		const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
		const maxSkills = options.maxSkills;
		if (maxSkills !== undefined && (!Number.isInteger(maxSkills) || (maxSkills as number) < 1)) {
			throw new NodeOperationError(
				this.getNode(),
				`Max Skills must be a whole number of at least 1, not ${String(maxSkills)}`,
				{
					itemIndex,
				},
			);
		}
		const qs: IDataObject = toQuery(options, {
			externalVendor: 'external_vendor',
			include: 'include',
			maxSkills: 'max_skills',
			vocabLanguages: 'vocab_language',
		});
		if (options.sapStatus !== undefined) qs['properties[sap_status]'] = options.sapStatus;
		const response = ((await techWolfApiRequest.call(this, {
			method: 'POST',
			path: '/employees/suggestions/skills',
			qs,
			body: {
				employee_ids: employeeIds,
				response_format: readChoice(this, suggestionFormatField, itemIndex),
			},
			itemIndex,
		})) ?? {}) as IDataObject;
		return readSimplify(this, itemIndex) ? simplifySuggestions(response, employeeIds) : response;
	},
};
