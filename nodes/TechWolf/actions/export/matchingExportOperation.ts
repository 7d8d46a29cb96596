/**
 * The two matching exports (every employee's best jobs, every job's best employees): Return All and Limit count the
 * source entities, each output item holds one entity's matches; filters and weights as the match lists take them.
 */
import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { collection } from '../../fields/options';
import { returnAllFields } from '../../fields/paging';
import { matchFiltersField, matchListOptions, matchWeightsField, readMatchingBody } from '../shared/matching';
import { type Operation } from '../shared/operation';
import { exportRecords, type ExportPath } from './request';

interface MatchingExport {
	label: string;
	action: string;
	description: string;
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

export function matchingExportOperation({ label, action, description, entities, path }: MatchingExport): Operation {
	return {
		label,
		action,
		description,
		fields: [
			...returnAllFields,
			collection('options', matchListOptions),
			matchFiltersField('job', entities),
			matchWeightsField('job'),
		],
		async execute(this: IExecuteFunctions, itemIndex: number) {
			return await exportRecords(this, itemIndex, path, (options) => ({
				...matchingExportBody(options),
				...readMatchingBody(this, itemIndex),
			}));
		},
	};
}
