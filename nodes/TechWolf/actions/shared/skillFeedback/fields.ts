/**
 * The fields of skill feedback (Update Skill Profile of employees and jobs): one list of entries per feedback format,
 * since each has its own body (`skills` by ID, the vendor's `skills` with names, `skill_clusters`); index.ts reads them.
 */
import type { INodeProperties } from 'n8n-workflow';

const DECISION: INodeProperties = {
	displayName: 'Decision',
	name: 'decision',
	type: 'options',
	default: 'validate',
	options: [
		{ name: 'Validate', value: 'validate', description: 'The skill is correct (has_skill: true)' },
		{ name: 'Reject', value: 'reject', description: 'The skill is wrong (has_skill: false)' },
	],
};

/** What a job's feedback entries carry beyond an employee's: proficiency and criticality. */
const JOB_ENTRY_FIELDS: INodeProperties[] = [
	{
		displayName: 'Proficiency Level',
		name: 'proficiencyLevel',
		type: 'number',
		default: 0,
		typeOptions: { minValue: 0, maxValue: 5 },
		description: '0 leaves the proficiency level as it is',
	},
	{
		displayName: 'Proficiency Float',
		name: 'proficiencyFloat',
		type: 'number',
		default: 0,
		typeOptions: { minValue: 0, maxValue: 1, numberPrecision: 2 },
		description: 'From 0 to 1 (TechWolf pairs level 2 with 0.66); 0 leaves it as it is',
	},
	{
		displayName: 'Critical',
		name: 'critical',
		type: 'options',
		default: 'keep',
		options: [
			{ name: 'Keep As Is', value: 'keep', description: 'Critical is not sent' },
			{ name: 'Critical', value: 'true', description: 'Sends critical: true' },
			{ name: 'Not Critical', value: 'false', description: 'Sends critical: false' },
			{ name: 'Unset', value: 'null', description: 'Sends critical: null (TechWolf takes null)' },
		],
	},
];

function entries(name: string, displayName: string, values: INodeProperties[], format: string): INodeProperties {
	return {
		displayName,
		name,
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		default: {},
		placeholder: `Add ${displayName.replace(/s$/, '')}`,
		options: [
			{ displayName: displayName.replace(/s$/, ''), name: name === 'skillClusters' ? 'cluster' : 'skill', values },
		],
		displayOptions: { show: { feedbackFormat: [format] } },
	};
}

const SKILL_ID: INodeProperties = {
	displayName: 'Skill ID',
	name: 'skillId',
	type: 'string',
	default: '',
	description: 'TechWolf skill ID (UUID), as in skill profiles',
};

/** The feedback fields of employees and jobs: the format, the source, the vendor, and one list of entries per format. */
export function skillFeedbackFields(entity: 'employee' | 'job'): INodeProperties[] {
	const extra = entity === 'job' ? JOB_ENTRY_FIELDS : [];
	return [
		{
			displayName: 'Feedback Format',
			name: 'feedbackFormat',
			type: 'options',
			default: 'skills',
			options: [
				{ name: 'Skills', value: 'skills', description: 'TechWolf skills by ID' },
				{
					name: 'External Vendor Skills',
					value: 'external_vendor_skills',
					description: "A vendor's skills, by their ID and name",
				},
				...(entity === 'employee'
					? [{ name: 'Skill Clusters', value: 'skill_clusters', description: 'Whole skill clusters, with a level' }]
					: []),
			],
		},
		{
			displayName: 'Source',
			name: 'source',
			type: 'string',
			default: 'n8n',
			required: true,
			description: 'Which system gives the feedback, as TechWolf records it',
		},
		{
			displayName: 'External Vendor',
			name: 'externalVendor',
			type: 'options',
			default: 'workday',
			// The feedback pages name Workday as the only vendor of external_vendor_skills.
			options: [{ name: 'Workday', value: 'workday' }],
			description: 'Whose skills the feedback names (the vendor must be active on your tenant)',
			displayOptions: { show: { feedbackFormat: ['external_vendor_skills'] } },
		},
		entries('skills', 'Skills', [SKILL_ID, DECISION, ...extra], 'skills'),
		entries(
			'vendorSkills',
			'Vendor Skills',
			[
				{ ...SKILL_ID, description: "The vendor's skill ID" },
				{
					displayName: 'Skill Name',
					name: 'skillName',
					type: 'string',
					default: '',
					description: "The vendor's name of the skill",
				},
				DECISION,
				...extra,
			],
			'external_vendor_skills',
		),
		...(entity === 'employee'
			? [
					entries(
						'skillClusters',
						'Skill Clusters',
						[
							{
								displayName: 'Identify By',
								name: 'identifyBy',
								type: 'options',
								default: 'name',
								options: [
									{ name: 'Name', value: 'name' },
									{ name: 'ID', value: 'id' },
								],
							},
							{
								displayName: 'Skill Cluster',
								name: 'cluster',
								type: 'string',
								default: '',
								placeholder: 'e.g. Programming Languages',
								description: "The cluster's name or ID, as Identify By says",
							},
							{
								displayName: 'Proficiency Level',
								name: 'proficiencyLevel',
								type: 'number',
								default: 3,
								typeOptions: { minValue: 0, maxValue: 5 },
								description: '0 removes the cluster from the profile',
							},
						],
						'skill_clusters',
					),
				]
			: []),
	];
}
