/** Taxonomy routes (operations of `contract/techwolf.openapi.yaml`): the change log export. */
import { isoSeconds, type TaxonomyChange } from '../data';
import { badRequest, bodyOf, keysetPage, keysetParameters, ok, vocabularyOf, type Handler } from './shared';

type ChangeFilter =
	| { filter: 'operation_type_is_in_list'; operation_types: string[] }
	| { filter: 'external_id_is_in_list'; external_ids: string[] }
	| { filter: 'timestamp'; value: string; operator: 'gte' | 'lte' };

const changeSortKey = (change: TaxonomyChange) => `${change.timestamp}|${change.external_id}`;

/** Timestamps in filters may omit the zone (the docs' own example does); they are UTC then. */
function filterTime(value: string): string {
	return isoSeconds(new Date(Date.parse(/([zZ]|[+-]\d{2}:?\d{2})$/.test(value) ? value : `${value}Z`)));
}

function predicate(filter: ChangeFilter): (change: TaxonomyChange) => boolean {
	switch (filter.filter) {
		case 'operation_type_is_in_list':
			return (change) => filter.operation_types.includes(change.operation_type);
		case 'external_id_is_in_list':
			return (change) => filter.external_ids.includes(change.external_id);
		case 'timestamp': {
			// The contract shows the filter's fields without marking them required; a filter it cannot apply is a 400.
			if (Number.isNaN(Date.parse(filter.value)) || !['gte', 'lte'].includes(filter.operator)) {
				throw badRequest('A timestamp filter needs an ISO 8601 value and the operator gte or lte');
			}
			const bound = filterTime(filter.value);
			return filter.operator === 'gte' ? (change) => change.timestamp >= bound : (change) => change.timestamp <= bound;
		}
	}
}

/** The selected vocabulary's changes plus the vendor-independent ones (`vocabulary: null`), in time order. */
const exportTaxonomyChanges: Handler = (request, data) => {
	const vendor = vocabularyOf(request.query);
	const body = bodyOf<{ limit?: number; starting_after?: string | null; filters?: ChangeFilter[] }>(request);
	const { limit, startingAfter } = keysetParameters(body);
	const predicates = (body.filters ?? []).map(predicate);
	let cursorKey: string | undefined;
	if (startingAfter !== undefined) {
		const cursor = data.taxonomyChanges.find((change) => change.external_id === startingAfter);
		if (!cursor) throw badRequest(`starting_after "${startingAfter}" is not the external_id of a taxonomy change`);
		cursorKey = changeSortKey(cursor);
	}
	const changes = data.taxonomyChanges.filter(
		(change) =>
			(change.vocabulary === vendor || change.vocabulary === null) && predicates.every((matches) => matches(change)),
	);
	const page = keysetPage(changes, changeSortKey, (change) => change.external_id, cursorKey, limit);
	return ok({
		...page,
		records: page.records.map(({ external_id, operation_type, content, timestamp }) => ({
			external_id,
			operation_type,
			content,
			timestamp,
		})),
	});
};

export const taxonomyHandlers: Record<string, Handler> = { exportTaxonomyChanges };
