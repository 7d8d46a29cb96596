import type { INodeProperties, INodePropertyCollection, INodePropertyOptions } from 'n8n-workflow';

type PropertyOption = INodePropertyOptions | INodeProperties | INodePropertyCollection;

/**
 * The properties with every boolean, also inside collections, checked by n8n itself (`validateType`) when the node
 * reads it: an expression that yields "true", "false", 1 or 0 is read as that boolean, anything else stops the item
 * with n8n's "Invalid input for 'Active Employees Only'". Without it, a string reached TechWolf as it was, or was
 * taken for false (Require Access Token off).
 */
export function withBooleansValidated(properties: INodeProperties[]): INodeProperties[] {
	return properties.map(validated);
}

function validated(property: INodeProperties): INodeProperties {
	if (property.type === 'boolean') return { ...property, validateType: 'boolean' };
	if (!property.options) return property;
	return { ...property, options: property.options.map(validatedOption) };
}

function validatedOption(option: PropertyOption): PropertyOption {
	if ('values' in option) return { ...option, values: option.values.map(validated) };
	if ('type' in option) return validated(option);
	return option;
}
