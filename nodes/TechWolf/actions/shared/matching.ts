/**
 * What TechWolf's Matchmaking calls share (sandbox/contract/READING.md, "Matchmaking"): how many matches and from
 * which score (query), and the body's filters, hard constraints, and weights, soft ones. Job matching takes only the
 * skills-match weight; vacancy and company matching add desired functions and distance.
 */
import { NodeOperationError, type IDataObject, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import { readIdList } from '../../fields/ids';
import { collection, readCollection, toQuery } from '../../fields/options';
import { readDay } from '../../fields/values';

/** Job matching, or vacancy and external company matching (which add distance and desired functions). */
export type MatchKind = 'job' | 'vacancy';

const numberField = (
	displayName: string,
	name: string,
	defaultValue: number,
	description: string,
	typeOptions: INodeProperties['typeOptions'],
): INodeProperties => ({ displayName, name, type: 'number', default: defaultValue, description, typeOptions });

/** `limit` and `score_min_threshold`, with the pages' ranges and examples. */
export const matchListOptions: INodeProperties[] = [
	numberField('Max Matches', 'maxMatches', 10, 'How many matches TechWolf returns, best first (1 to 100)', {
		minValue: 1,
		maxValue: 100,
	}),
	numberField(
		'Minimum Score',
		'minScore',
		0.7,
		'Only matches scoring at least this, between 0 and 1 (TechWolf may return a few slightly below it)',
		{ minValue: 0, maxValue: 1, numberPrecision: 2 },
	),
];

/** The query of a match list from its options. */
export function matchListQuery(options: IDataObject): IDataObject {
	return toQuery(options, { maxMatches: 'limit', minScore: 'score_min_threshold' });
}

const OPERATORS: Array<[string, string]> = [
	['Equals', 'eq'],
	['Greater Than', 'gt'],
	['Greater Than or Equal', 'gte'],
	['Less Than', 'lt'],
	['Less Than or Equal', 'lte'],
	['Not Equal', 'neq'],
];

/** The Filters collection: TechWolf applies every filter before it scores (hard constraints). */
export function matchFiltersField(kind: MatchKind, entities: string): INodeProperties {
	return collection('filters', [
		{
			displayName: 'Custom Property Conditions',
			name: 'customProperties',
			type: 'fixedCollection',
			typeOptions: { multipleValues: true },
			default: {},
			description: `Only ${entities} whose custom property compares so; those without the property are left out`,
			options: [
				{
					displayName: 'Condition',
					name: 'condition',
					values: [
						{ displayName: 'Property Name', name: 'propertyName', type: 'string', default: '' },
						{
							displayName: 'Operator',
							name: 'operator',
							type: 'options',
							default: 'eq',
							options: OPERATORS.map(([name, value]) => ({ name, value })),
						},
						{ displayName: 'Value', name: 'value', type: 'string', default: '' },
					],
				},
			],
		},
		...(kind === 'vacancy'
			? [
					numberField(
						'Max Distance (Km)',
						'maxDistance',
						50,
						'Only matches at most this far apart; TechWolf applies 50 km when this is not set',
						{ minValue: 0 },
					),
				]
			: []),
		{
			displayName: 'Only IDs',
			name: 'externalIds',
			type: 'string',
			default: '',
			placeholder: 'e.g. E1, E2',
			description: `Only these ${entities} (comma-separated external IDs)`,
		},
		{
			displayName: 'Updated Before',
			name: 'updatedBefore',
			type: 'dateTime',
			default: '',
			description: `Only ${entities} last updated before this day`,
		},
	]);
}

/** The Weights collection: how the score is made (soft constraints); TechWolf's defaults when none is set. */
export function matchWeightsField(kind: MatchKind): INodeProperties {
	const skillsMatch = numberField(
		'Skills Match',
		'skillsMatch',
		1,
		'How much the skills match counts (TechWolf: 1 by default)',
		{
			minValue: 0,
			numberPrecision: 2,
		},
	);
	const vacancyWeights = [
		numberField(
			'Desired Function Boost',
			'desiredFunctions',
			0.03,
			"Added to the score when a vacancy title resembles one of the employee's desired functions",
			{ minValue: 0, numberPrecision: 2 },
		),
		numberField('Distance Boost', 'distanceBoost', 0.1, 'Added to the score of matches close together', {
			minValue: 0,
			numberPrecision: 2,
		}),
		numberField('Full Boost Within (Km)', 'fullScoreDistance', 5, 'The whole Distance Boost up to this distance', {
			minValue: 0,
		}),
		numberField('No Boost Beyond (Km)', 'zeroScoreDistance', 50, 'No Distance Boost past this distance', {
			minValue: 0,
		}),
	];
	return {
		displayName: 'Weights',
		name: 'weights',
		type: 'collection',
		placeholder: 'Add Weight',
		default: {},
		options: kind === 'job' ? [skillsMatch] : [skillsMatch, ...vacancyWeights],
	};
}

function readFilters(context: IExecuteFunctions, itemIndex: number): IDataObject[] {
	const set = readCollection(context, 'filters', itemIndex);
	const filters: IDataObject[] = [];
	if (set.updatedBefore) {
		// The pages show last_updated with a day and the operator lt only.
		filters.push({
			filter: 'last_updated',
			value: readDay(context, set.updatedBefore, itemIndex, 'Updated Before'),
			operator: 'lt',
		});
	}
	const conditions = ((set.customProperties as IDataObject | undefined)?.condition ?? []) as IDataObject[];
	conditions.forEach(({ propertyName, operator, value }, position) => {
		const name = String(propertyName ?? '').trim();
		if (name === '') {
			throw new NodeOperationError(
				context.getNode(),
				`Custom Property Condition ${position + 1}: Property Name is empty`,
				{ itemIndex, description: 'Enter the name of the custom property to compare, or remove the condition.' },
			);
		}
		filters.push({ filter: 'custom_property', property_name: name, operator, property_value: value });
	});
	if (typeof set.maxDistance === 'number')
		filters.push({ filter: 'max_geo_distance', max_geo_distance: set.maxDistance });
	const ids = readIdList(context, set.externalIds ?? '', itemIndex, 'Only IDs');
	if (ids.length > 0) filters.push({ filter: 'external_id_is_in_list', external_ids: ids });
	return filters;
}

function readWeights(context: IExecuteFunctions, itemIndex: number): IDataObject[] {
	const set = context.getNodeParameter('weights', itemIndex, {}) as IDataObject;
	const weights: IDataObject[] = [];
	if (typeof set.skillsMatch === 'number') weights.push({ weight: 'skills_match', value: set.skillsMatch });
	if (typeof set.desiredFunctions === 'number')
		weights.push({ weight: 'desired_functions', value: set.desiredFunctions });
	if (typeof set.distanceBoost === 'number') {
		weights.push({
			weight: 'geo_distance',
			value: set.distanceBoost,
			full_score_distance: set.fullScoreDistance ?? 5,
			zero_score_distance: set.zeroScoreDistance ?? 50,
		});
	}
	return weights;
}

/** The body every matching call sends: `{"filters": [], "weights": []}` is TechWolf's default configuration. */
export function readMatchingBody(context: IExecuteFunctions, itemIndex: number): IDataObject {
	return { filters: readFilters(context, itemIndex), weights: readWeights(context, itemIndex) };
}
