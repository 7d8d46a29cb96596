/**
 * The matching exports (every employee's best jobs or vacancies, every job's best employees): Return All and Limit
 * count the source entities, each output item holds one entity's matches; filters and weights as the match lists take
 * them.
 */
import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { collection } from '../../fields/options';
import { returnAllFields } from '../../fields/paging';
import {
	matchFiltersField,
	matchListOptions,
	matchWeightsField,
	readMatchingBody,
	type MatchKind,
} from '../shared/matching';
import { type Operation } from '../shared/operation';
import { exportRecords, type ExportPath } from './request';

interface MatchingExport {
	label: string;
	action: string;
	description: string;
	/** Job matching unless said (the vacancy export takes distance and desired functions too). */
	kind?: MatchKind;
	/** The matched entities, plural, for the filters' texts. */
	entities: string;
	path: ExportPath;
}

/** Max Matches and Minimum Score go into the body here (match_limit_per_entity, score_min_threshold). */
function matchingExportBody(options: IDataObject): IDataObject {
	return {
		...(typeof options.maxMatches === 'number' ? { match_limit_per_entity: options.maxMatches } : {}),
		...(typeof options.minScore === 'number' ? { score_min_threshold: options.minScore } : {}),
	};
}

export function matchingExportOperation(matchingExport: MatchingExport): Operation {
	const { label, action, description, kind = 'job', entities, path } = matchingExport;
	return {
		label,
		action,
		description,
		fields: [
			...returnAllFields,
			collection('options', matchListOptions),
			matchFiltersField(kind, entities),
			matchWeightsField(kind),
		],
		async execute(this: IExecuteFunctions, itemIndex: number) {
			return await exportRecords(this, itemIndex, path, (options) => ({
				...matchingExportBody(options),
				...readMatchingBody(this, itemIndex),
			}));
		},
	};
}
