import { NodeOperationError, type IExecuteFunctions } from 'n8n-workflow';

import type { Take } from '../transport';

/** How many results the user asked for, from the Return All and Limit fields (descriptions/fields.ts). */
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
