/** n8n's Return All and Limit pair, and how many results they ask for. */
import { NodeOperationError, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import type { Take } from '../transport';

/** n8n's Return All and Limit pair; readTake() reads them. */
export const returnAllFields: INodeProperties[] = [
	{
		displayName: 'Return All',
		name: 'returnAll',
		type: 'boolean',
		default: false,
		description: 'Whether to return all results or only up to a given limit',
	},
	{
		displayName: 'Limit',
		name: 'limit',
		type: 'number',
		default: 50,
		typeOptions: { minValue: 1 },
		description: 'Max number of results to return',
		displayOptions: { show: { returnAll: [false] } },
	},
];

/** How many results the user asked for, from the Return All and Limit fields. */
export function readTake(context: IExecuteFunctions, itemIndex: number): Take {
	if (context.getNodeParameter('returnAll', itemIndex, false) as boolean) return { returnAll: true };
	const limit = context.getNodeParameter('limit', itemIndex, 50) as number;
	if (!Number.isInteger(limit) || limit < 1) {
		throw new NodeOperationError(context.getNode(), `Limit must be a whole number of at least 1, not ${limit}`, {
			itemIndex,
		});
	}
	return { returnAll: false, limit };
}
