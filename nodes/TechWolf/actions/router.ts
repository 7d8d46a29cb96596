/**
 * The router: resource and operation select one Operation (resources.ts), which runs per input item. Every output item is
 * paired with its input; with Continue On Fail an item's error becomes an output item instead of stopping the run.
 */
import {
	NodeApiError,
	NodeOperationError,
	type IDataObject,
	type IExecuteFunctions,
	type INodeExecutionData,
} from 'n8n-workflow';

import { type Operation } from './shared/operation';
import { resources } from './resources';

function operationFor(context: IExecuteFunctions, itemIndex: number): Operation {
	const resource = context.getNodeParameter('resource', itemIndex) as string;
	const operation = context.getNodeParameter('operation', itemIndex) as string;
	const found = resources[resource]?.operations[operation];
	if (!found) {
		throw new NodeOperationError(context.getNode(), `The operation "${operation}" of "${resource}" is not supported`, {
			itemIndex,
		});
	}
	return found;
}

/** n8n shows NodeApiError and NodeOperationError with their details; anything else is wrapped into one. */
function asNodeError(context: IExecuteFunctions, error: unknown, itemIndex: number): NodeApiError | NodeOperationError {
	if (error instanceof NodeApiError || error instanceof NodeOperationError) return error;
	return new NodeOperationError(context.getNode(), error as Error, { itemIndex });
}

export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const items = this.getInputData();
	const output: INodeExecutionData[] = [];
	for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
		try {
			const result = await operationFor(this, itemIndex).execute.call(this, itemIndex);
			const results: IDataObject[] = Array.isArray(result) ? result : [result];
			for (const json of results) output.push({ json, pairedItem: { item: itemIndex } });
		} catch (error) {
			if (!this.continueOnFail()) throw asNodeError(this, error, itemIndex);
			const failure = error as { message?: string; description?: string; httpCode?: string };
			output.push({
				json: {
					error: failure.message ?? String(error),
					...(failure.description ? { errorDescription: failure.description } : {}),
					...(failure.httpCode ? { httpCode: failure.httpCode } : {}),
				},
				pairedItem: { item: itemIndex },
			});
		}
	}
	return [output];
}
