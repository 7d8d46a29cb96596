/**
 * The match list operations (an employee's best jobs, vacancies or external companies; a job's or a company's best
 * employees): one entity's id, the list options where TechWolf documents them, filters and weights, one POST, and
 * one output item per match, best first.
 */
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { readLocatedId } from '../../fields/ids';
import { collection, readCollection } from '../../fields/options';
import { techWolfApiRequest } from '../../transport';
import {
	matchFiltersField,
	matchListOptions,
	matchListQuery,
	matchWeightsField,
	readMatchingBody,
	type MatchKind,
} from './matching';
import { type Operation } from './operation';

interface MatchList {
	label: string;
	action: string;
	description: string;
	kind: MatchKind;
	/** The matched entities, plural, for the filters' texts ("jobs"). */
	entities: string;
	/** The id field (a resource locator or a plain id field) and the name its errors give it. */
	idField: INodeProperties;
	idLabel: string;
	path: (externalId: string) => string;
	/** False where TechWolf's page shows no limit or minimum score (Employee → Get Matching Jobs). */
	listOptions?: boolean;
}

export function matchListOperation(list: MatchList): Operation {
	const { kind, entities, idField, idLabel, path, listOptions = true } = list;
	return {
		label: list.label,
		action: list.action,
		description: list.description,
		fields: [
			idField,
			...(listOptions ? [collection('options', matchListOptions)] : []),
			matchFiltersField(kind, entities),
			matchWeightsField(kind),
		],
		async execute(this: IExecuteFunctions, itemIndex: number) {
			const externalId = readLocatedId(this, idField.name, itemIndex, idLabel);
			const answer = (await techWolfApiRequest.call(this, {
				method: 'POST',
				path: path(externalId),
				qs: listOptions ? matchListQuery(readCollection(this, 'options', itemIndex)) : {},
				body: readMatchingBody(this, itemIndex),
				itemIndex,
			})) as IDataObject | IDataObject[];
			// Employee → jobs answers {results: [...]}; the other lists answer the bare list.
			return Array.isArray(answer) ? answer : ((answer.results ?? []) as IDataObject[]);
		},
	};
}
