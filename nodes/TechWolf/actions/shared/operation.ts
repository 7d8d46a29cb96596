/**
 * What an operation and a resource are, and how the node description is derived from them: an operation is one
 * object (its list entry, fields and execute()), and its resource adds the Operation list and the displayOptions.
 */
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

export interface Operation {
	/** The operation's name in the Operation list, and the action and description n8n and AI agents show for it. */
	label: string;
	action: string;
	description: string;
	/** The operation's fields, without displayOptions: the resource adds them. */
	fields: INodeProperties[];
	execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject | IDataObject[]>;
}

export interface Resource {
	/** The resource's name in the Resource list, and its description there, if any. */
	label: string;
	description?: string;
	defaultOperation: string;
	operations: Record<string, Operation>;
}

/**
 * Shows `fields` only for one resource and operation (n8n's displayOptions, added once, here). Resource and operation
 * come first: n8n checks the rules in order and shows a field as soon as a rule's parameter holds an expression, so
 * a rule on a field another operation fills with an expression must not be checked before them.
 */
function showFor(resource: string, operation: string, fields: INodeProperties[]): INodeProperties[] {
	return fields.map((field) => ({
		...field,
		displayOptions: {
			...field.displayOptions,
			show: { resource: [resource], operation: [operation], ...field.displayOptions?.show },
		},
	}));
}

/** A resource's part of the node description: its Operation list, derived from the operations, then their fields. */
export function resourceProperties(name: string, { defaultOperation, operations }: Resource): INodeProperties[] {
	return [
		{
			displayName: 'Operation',
			name: 'operation',
			type: 'options',
			noDataExpression: true,
			displayOptions: { show: { resource: [name] } },
			default: defaultOperation,
			options: Object.entries(operations)
				.map(([value, operation]) => ({
					name: operation.label,
					value,
					action: operation.action,
					description: operation.description,
				}))
				.sort((a, b) => a.name.localeCompare(b.name)),
		},
		...Object.entries(operations).flatMap(([operation, { fields }]) => showFor(name, operation, fields)),
	];
}

/** What an item shows for TechWolf's 204 No Content answers. */
export function success(fields: IDataObject): IDataObject {
	return { success: true, ...fields };
}
