/**
 * The vocabulary the contract is written in: a small typed schema language (strings, numbers, objects, unions by a
 * discriminating field, and `unknown` where TechWolf's pages are silent), the shape of one endpoint entry, and the
 * validator the sandbox runs on every request and on every response it sends.
 *
 * Every schema may carry a `note`: where a fact comes from a page other than the endpoint's, or where the docs are
 * silent and a choice was made, the note says so. `unknown()` and `open` objects are the contract's way of saying
 * "TechWolf's reference does not show this": anything is accepted there, and the note says what is missing.
 */

export type Schema =
	StringSchema | NumberSchema | BooleanSchema | ArraySchema | ObjectSchema | UnionSchema | UnknownSchema;

interface SchemaBase {
	/** `null` is accepted as well as the type. */
	nullable?: boolean;
	note?: string;
}

export interface StringSchema extends SchemaBase {
	type: 'string';
	enum?: readonly string[];
	pattern?: RegExp;
	/** `date-time`: anything `Date.parse` reads (ISO 8601); `date`: `YYYY-MM-DD`. */
	format?: 'date-time' | 'date';
	minLength?: number;
	maxLength?: number;
}

export interface NumberSchema extends SchemaBase {
	type: 'integer' | 'number';
	minimum?: number;
	maximum?: number;
}

export interface BooleanSchema extends SchemaBase {
	type: 'boolean';
}

export interface ArraySchema extends SchemaBase {
	type: 'array';
	items: Schema;
	minItems?: number;
	maxItems?: number;
}

export interface Property {
	schema: Schema;
	required: boolean;
}

export interface ObjectSchema extends SchemaBase {
	type: 'object';
	properties: Record<string, Property>;
	/** Fields not listed are accepted; the string says why (the docs do not show them all). Refused when absent. */
	open?: string;
	/** Groups of fields of which exactly one must be present, e.g. `[['skill_id', 'skill']]`. */
	exactlyOneOf?: readonly (readonly string[])[];
}

/** One object shape per value of a discriminating string field, e.g. Skill Events by `event_type`. */
export interface UnionSchema extends SchemaBase {
	type: 'union';
	discriminator: string;
	variants: Record<string, ObjectSchema>;
}

/** The docs do not show this value: anything is accepted, and `note` says what is missing. */
export interface UnknownSchema extends SchemaBase {
	type: 'unknown';
	note: string;
}

// ---------------------------------------------------------------------------------------------------------------------
// Builders, so that entries read like the reference pages

export const string = (options: Omit<StringSchema, 'type'> = {}): StringSchema => ({ type: 'string', ...options });
export const oneOf = (values: readonly string[], options: Omit<StringSchema, 'type' | 'enum'> = {}): StringSchema => ({
	type: 'string',
	enum: values,
	...options,
});
export const integer = (options: Omit<NumberSchema, 'type'> = {}): NumberSchema => ({ type: 'integer', ...options });
export const number = (options: Omit<NumberSchema, 'type'> = {}): NumberSchema => ({ type: 'number', ...options });
export const boolean = (options: Omit<BooleanSchema, 'type'> = {}): BooleanSchema => ({ type: 'boolean', ...options });
export const array = (items: Schema, options: Omit<ArraySchema, 'type' | 'items'> = {}): ArraySchema => ({
	type: 'array',
	items,
	...options,
});
export const object = (
	properties: Record<string, Property>,
	options: Omit<ObjectSchema, 'type' | 'properties'> = {},
): ObjectSchema => ({ type: 'object', properties, ...options });
export const union = (
	discriminator: string,
	variants: Record<string, ObjectSchema>,
	options: SchemaBase = {},
): UnionSchema => ({ type: 'union', discriminator, variants, ...options });
export const unknown = (note: string): UnknownSchema => ({ type: 'unknown', note });

export const required = (schema: Schema): Property => ({ schema, required: true });
export const optional = (schema: Schema): Property => ({ schema, required: false });
export const nullable = <T extends Schema>(schema: T): T => ({ ...schema, nullable: true });

// ---------------------------------------------------------------------------------------------------------------------
// Endpoint entries

/** A page of developers.techwolf.ai, as a path relative to it (see `pages.ts`). */
export type Page = string;

export type HttpMethod = 'GET' | 'POST' | 'PATCH' | 'DELETE';

export interface QueryParameter {
	/** Query values arrive as text: `integer` and `boolean` schemas are read from their text form. */
	schema: StringSchema | NumberSchema | BooleanSchema;
	required: boolean;
	/** May be given more than once (`include=a&include=b`). */
	repeatable?: boolean;
	default?: string | number | boolean;
	note?: string;
}

/** A body whose shape depends on a query parameter, e.g. skill profile feedback on `feedback_format`. */
export interface BodyByQuery {
	selectedBy: string;
	/** The variant used when the parameter is absent. */
	default: string;
	variants: Record<string, Schema>;
}

export interface ResponseSpec {
	description: string;
	/** Absent for bodiless answers (204) and for TechWolf's error array (see `ERROR_BODY` in `index.ts`). */
	schema?: Schema;
}

/** A constraint across parameters that a schema cannot say, in the words of the page it comes from. */
export interface Rule {
	rule: string;
	/** A problem text when the request breaks the rule. */
	check(request: ContractRequest): string | undefined;
}

export type Pagination = { style: 'none' } | { style: 'offset'; note: string } | { style: 'keyset'; note: string };

export interface Endpoint {
	/** `<resource>.<operation>`, as the action node's `actions/<resource>/` names them where it has them. */
	id: string;
	method: HttpMethod;
	/** With `{name}` segments, as TechWolf writes them. */
	path: string;
	summary: string;
	/** The pages every fact of this entry comes from, unless a note names another. */
	pages: readonly Page[];
	/** The token scope it needs: TechWolf names the scopes (read, write, read_reports), not which endpoint needs which. */
	scope: 'read' | 'write';
	pathParameters: Record<string, StringSchema>;
	query: Record<string, QueryParameter>;
	/** Absent: the endpoint takes no body. */
	body?: Schema | BodyByQuery;
	/** The body may be left out altogether; the string says why. */
	bodyOptional?: string;
	rules?: readonly Rule[];
	/** Every status the docs give; `ERROR_BODY` for 4xx unless a schema is given. */
	responses: Record<number, ResponseSpec>;
	pagination: Pagination;
	/** What the docs leave open here, and the choice made for it. */
	unknowns?: readonly string[];
}

export interface ContractRequest {
	pathParameters: Record<string, string>;
	query: URLSearchParams;
	/** Parsed JSON; undefined when the request had no body. */
	body: unknown;
}

// ---------------------------------------------------------------------------------------------------------------------
// Validation

function isRecord(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function describe(value: unknown): string {
	const text = JSON.stringify(value);
	return text === undefined ? String(value) : text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

/** Every way `value` breaks `schema`, each naming where (`skills[0].skill_id`). Empty when it conforms. */
export function check(schema: Schema, value: unknown, where: string): string[] {
	if (value === null) return schema.nullable || schema.type === 'unknown' ? [] : [`${where} must not be null`];
	switch (schema.type) {
		case 'unknown':
			return [];
		case 'string': {
			if (typeof value !== 'string') return [`${where} must be a string (got ${describe(value)})`];
			if (schema.enum && !schema.enum.includes(value)) {
				return [`${where} must be one of ${schema.enum.join(', ')} (got ${describe(value)})`];
			}
			if (schema.minLength !== undefined && value.length < schema.minLength) {
				return [`${where} must be at least ${schema.minLength} character(s) long`];
			}
			if (schema.maxLength !== undefined && value.length > schema.maxLength) {
				return [`${where} must be at most ${schema.maxLength} characters long`];
			}
			if (schema.pattern && !schema.pattern.test(value)) {
				return [`${where} must match ${String(schema.pattern)} (got ${describe(value)})`];
			}
			if (schema.format === 'date-time' && Number.isNaN(Date.parse(value))) {
				return [`${where} must be an ISO 8601 date-time (got ${describe(value)})`];
			}
			if (schema.format === 'date' && !/^\d{4}-\d{2}-\d{2}$/.test(value)) {
				return [`${where} must be a date as YYYY-MM-DD (got ${describe(value)})`];
			}
			return [];
		}
		case 'integer':
		case 'number': {
			if (
				typeof value !== 'number' ||
				!Number.isFinite(value) ||
				(schema.type === 'integer' && !Number.isInteger(value))
			) {
				return [`${where} must be ${schema.type === 'integer' ? 'an integer' : 'a number'} (got ${describe(value)})`];
			}
			if (
				(schema.minimum !== undefined && value < schema.minimum) ||
				(schema.maximum !== undefined && value > schema.maximum)
			) {
				return [`${where} must be from ${schema.minimum ?? '-∞'} to ${schema.maximum ?? '∞'} (got ${value})`];
			}
			return [];
		}
		case 'boolean':
			return typeof value === 'boolean' ? [] : [`${where} must be true or false (got ${describe(value)})`];
		case 'array': {
			if (!Array.isArray(value)) return [`${where} must be an array (got ${describe(value)})`];
			if (schema.minItems !== undefined && value.length < schema.minItems) {
				return [`${where} must have at least ${schema.minItems} item(s)`];
			}
			if (schema.maxItems !== undefined && value.length > schema.maxItems) {
				return [`${where} must have at most ${schema.maxItems} items`];
			}
			return value.flatMap((item, index) => check(schema.items, item, `${where}[${index}]`));
		}
		case 'object':
			return checkObject(schema, value, where);
		case 'union': {
			if (!isRecord(value)) return [`${where} must be an object (got ${describe(value)})`];
			const tag = value[schema.discriminator];
			const variant = typeof tag === 'string' ? schema.variants[tag] : undefined;
			if (!variant) {
				return [
					`${where}.${schema.discriminator} must be one of ${Object.keys(schema.variants).join(', ')} (got ${describe(tag)})`,
				];
			}
			return checkObject(variant, value, where);
		}
	}
}

function checkObject(schema: ObjectSchema, value: unknown, where: string): string[] {
	if (!isRecord(value)) return [`${where} must be an object (got ${describe(value)})`];
	const problems: string[] = [];
	const unknownFields = schema.open ? [] : Object.keys(value).filter((key) => !(key in schema.properties));
	if (unknownFields.length > 0) {
		problems.push(
			`${where} has unknown field(s) ${unknownFields.map((key) => `"${key}"`).join(', ')}; allowed: ${Object.keys(schema.properties).join(', ') || 'none'}`,
		);
	}
	for (const [key, property] of Object.entries(schema.properties)) {
		if (value[key] === undefined) {
			if (property.required) problems.push(`${where}.${key} is required`);
			continue;
		}
		problems.push(...check(property.schema, value[key], `${where}.${key}`));
	}
	for (const group of schema.exactlyOneOf ?? []) {
		const present = group.filter((key) => value[key] !== undefined);
		if (present.length !== 1) problems.push(`${where} must have exactly one of ${group.join(', ')}`);
	}
	return problems;
}

/** Reads one query value as its schema's type, or says why it cannot be read. */
function readQueryValue(parameter: QueryParameter, text: string): unknown {
	switch (parameter.schema.type) {
		case 'boolean':
			return text === 'true' ? true : text === 'false' ? false : text;
		case 'integer':
		case 'number':
			return /^-?\d+(\.\d+)?$/.test(text) ? Number(text) : text;
		default:
			return text;
	}
}

/** The body schema a request is held to: fixed, or chosen by a query parameter. */
export function bodySchemaFor(endpoint: Endpoint, query: URLSearchParams): Schema | undefined {
	const body = endpoint.body;
	if (body === undefined || !('selectedBy' in body)) return body;
	return body.variants[query.get(body.selectedBy) ?? body.default];
}

/** Every way a request breaks the endpoint's entry (query, path, body, rules). Empty when TechWolf would take it. */
export function checkRequest(endpoint: Endpoint, request: ContractRequest): string[] {
	const problems: string[] = [];
	for (const [name, schema] of Object.entries(endpoint.pathParameters)) {
		problems.push(...check(schema, request.pathParameters[name], `path parameter ${name}`));
	}
	for (const name of new Set(request.query.keys())) {
		if (!(name in endpoint.query)) {
			problems.push(
				`unknown query parameter "${name}"; allowed: ${Object.keys(endpoint.query).join(', ') || 'none'}` +
					(name.includes('[') ? ' (repeat the parameter, include=a&include=b, instead of brackets)' : ''),
			);
		}
	}
	for (const [name, parameter] of Object.entries(endpoint.query)) {
		const values = request.query.getAll(name);
		if (values.length === 0) {
			if (parameter.required) problems.push(`query parameter ${name} is required`);
			continue;
		}
		if (values.length > 1 && !parameter.repeatable) problems.push(`query parameter ${name} may be given only once`);
		for (const text of values)
			problems.push(...check(parameter.schema, readQueryValue(parameter, text), `query parameter ${name}`));
	}
	const bodySchema = bodySchemaFor(endpoint, request.query);
	if (endpoint.body === undefined) {
		if (request.body !== undefined) problems.push('this endpoint takes no request body');
	} else if (bodySchema === undefined) {
		// An invalid selector (say feedback_format=foo) was reported with the query parameters above.
	} else if (request.body === undefined) {
		if (!endpoint.bodyOptional) problems.push('the request body is required');
	} else {
		problems.push(...check(bodySchema, request.body, 'body'));
	}
	for (const rule of endpoint.rules ?? []) {
		const problem = rule.check(request);
		if (problem) problems.push(problem);
	}
	return problems;
}
