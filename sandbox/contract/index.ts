/**
 * The contract the sandbox speaks: `techwolf.openapi.yaml` beside this file (OpenAPI 3.1, linted by
 * `npm run lint:contract`), read once. Routing is by its path templates, and every request and every answer is
 * validated with Ajv's JSON Schema 2020-12 validator, the dialect OpenAPI 3.1 schemas are written in.
 *
 * Query and path values arrive as text: they are read into their schema's type (Ajv's `coerceTypes: 'array'`, as
 * OpenAPI's form style does: `include=a&include=b` is an array, `limit=5` an integer). Unknown query parameters and
 * body-less operations given a body are refused, as TechWolf's 400 shows for a request it cannot read.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import Ajv2020, { type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { parse } from 'yaml';

/**
 * Beside this file. Deno (`npm run test:deno`) loads it as an ES module, without `__dirname`, from the repository
 * root, where npm runs every script.
 */
const CONTRACT_DIRECTORY = typeof __dirname === 'string' ? __dirname : join(process.cwd(), 'sandbox', 'contract');
export const CONTRACT_FILE = join(CONTRACT_DIRECTORY, 'techwolf.openapi.yaml');

type JsonObject = Record<string, unknown>;

const HTTP_METHODS = ['get', 'post', 'patch', 'put', 'delete'] as const;

interface ParameterObject {
	name: string;
	in: 'path' | 'query' | 'header' | 'cookie';
	required?: boolean;
	schema?: JsonObject;
}

/** One operation of the document, with what the sandbox needs to route and validate it. */
export interface ContractOperation {
	operationId: string;
	/** Upper case, e.g. `GET`. */
	method: string;
	/** The document's path template, e.g. `/employees/{external_id}`. */
	path: string;
	/** False where the reading found no TechWolf page (`x-documented: false`). */
	documented: boolean;
	/** `externalDocs.url`: the TechWolf page the operation was read from (or its expected address). */
	docsUrl: string;
	/** What the pages leave open (`x-unknown`), if anything. */
	unknown: string | undefined;
	/** The raw operation object, for tests that read it. */
	definition: JsonObject;
}

export const contractDocument: JsonObject = parse(readFileSync(CONTRACT_FILE, 'utf8')) as JsonObject;

const DOCUMENT_ID = 'techwolf.openapi.yaml';

/** A JSON pointer into the document, as Ajv's `$ref` takes it. */
const pointer = (...segments: string[]): string =>
	`${DOCUMENT_ID}#/${segments.map((segment) => segment.replace(/~/g, '~0').replace(/\//g, '~1')).join('/')}`;

function newAjv(coerceTypes: false | 'array'): Ajv2020 {
	// strict: false, because OpenAPI schemas carry keywords Ajv does not know (example, x-unknown, ...).
	const ajv = new Ajv2020({ allErrors: true, strict: false, coerceTypes });
	addFormats(ajv);
	ajv.addSchema(contractDocument, DOCUMENT_ID);
	return ajv;
}

const bodyAjv = newAjv(false);
const parameterAjv = newAjv('array');

/** A value of the document and where it is (its JSON pointer's segments), following `$ref`s. */
interface Located {
	value: JsonObject;
	at: string[];
}

function follow(value: unknown, at: string[]): Located {
	let current: Located = { value: value as JsonObject, at };
	while (typeof current.value.$ref === 'string') {
		const target = current.value.$ref
			.replace(/^#\//, '')
			.split('/')
			.map((segment) => segment.replace(/~1/g, '/').replace(/~0/g, '~'));
		current = {
			value: target.reduce<unknown>((node, segment) => (node as JsonObject)[segment], contractDocument) as JsonObject,
			at: target,
		};
	}
	return current;
}

const resolve = (value: unknown): JsonObject => follow(value, []).value;

const paths = contractDocument.paths as Record<string, JsonObject>;

export const CONTRACT_OPERATIONS: readonly ContractOperation[] = Object.entries(paths).flatMap(([path, item]) =>
	HTTP_METHODS.filter((method) => item[method] !== undefined).map((method): ContractOperation => {
		const definition = item[method] as JsonObject;
		return {
			operationId: String(definition.operationId),
			method: method.toUpperCase(),
			path,
			documented: definition['x-documented'] !== false,
			docsUrl: String((definition.externalDocs as JsonObject | undefined)?.url ?? ''),
			unknown: typeof definition['x-unknown'] === 'string' ? definition['x-unknown'] : undefined,
			definition,
		};
	}),
);

export function operationById(operationId: string): ContractOperation {
	const operation = CONTRACT_OPERATIONS.find((candidate) => candidate.operationId === operationId);
	if (!operation) throw new Error(`The contract has no operation ${operationId}`);
	return operation;
}

interface LocatedParameter {
	parameter: ParameterObject;
	/** Where its schema is, for Ajv's `$ref` into the document. */
	schemaAt: string[];
}

/** The parameters of an operation: the path item's, overridden by the operation's own (OpenAPI 3.1 §4.8.9). */
function parametersOf(operation: ContractOperation): LocatedParameter[] {
	const method = operation.method.toLowerCase();
	const located = (list: unknown, at: string[]) =>
		((list as unknown[] | undefined) ?? []).map((entry, index) => {
			const { value, at: where } = follow(entry, [...at, String(index)]);
			return { parameter: value as unknown as ParameterObject, schemaAt: [...where, 'schema'] };
		});
	const byKey = new Map<string, LocatedParameter>();
	for (const entry of [
		...located(paths[operation.path]?.parameters, ['paths', operation.path, 'parameters']),
		...located(operation.definition.parameters, ['paths', operation.path, method, 'parameters']),
	]) {
		byKey.set(`${entry.parameter.in}:${entry.parameter.name}`, entry);
	}
	return [...byKey.values()];
}

/** One JSON Schema object over the parameters of one location, unknown names refused. */
function parameterSchema(parameters: LocatedParameter[], location: 'path' | 'query'): JsonObject {
	const here = parameters.filter(({ parameter }) => parameter.in === location);
	return {
		type: 'object',
		properties: Object.fromEntries(
			here.map(({ parameter, schemaAt }) => [parameter.name, parameter.schema ? { $ref: pointer(...schemaAt) } : {}]),
		),
		required: here.filter(({ parameter }) => parameter.required === true).map(({ parameter }) => parameter.name),
		additionalProperties: false,
	};
}

interface Validators {
	path: ValidateFunction;
	query: ValidateFunction;
	body: { required: boolean; validate: ValidateFunction } | undefined;
	/** By status key as the document writes it (`200`, `2XX`); undefined where the response has no JSON body. */
	responses: Record<string, ValidateFunction | undefined>;
}

const validators = new Map<string, Validators>();

function validatorsOf(operation: ContractOperation): Validators {
	const cached = validators.get(operation.operationId);
	if (cached) return cached;
	const parameters = parametersOf(operation);
	const method = operation.method.toLowerCase();
	const requestBody = operation.definition.requestBody ? resolve(operation.definition.requestBody) : undefined;
	const jsonBody = (requestBody?.content as JsonObject | undefined)?.['application/json'] as JsonObject | undefined;
	const responses = operation.definition.responses as Record<string, unknown>;
	const built: Validators = {
		path: parameterAjv.compile(parameterSchema(parameters, 'path')),
		query: parameterAjv.compile(parameterSchema(parameters, 'query')),
		body: jsonBody
			? {
					required: requestBody?.required === true,
					validate: bodyAjv.compile({
						$ref: pointer('paths', operation.path, method, 'requestBody', 'content', 'application/json', 'schema'),
					}),
				}
			: undefined,
		responses: Object.fromEntries(
			Object.entries(responses).map(([status, response]) => {
				const json = (resolve(response).content as JsonObject | undefined)?.['application/json'] as
					JsonObject | undefined;
				return [
					status,
					json?.schema
						? bodyAjv.compile({
								$ref: pointer(
									'paths',
									operation.path,
									method,
									'responses',
									status,
									'content',
									'application/json',
									'schema',
								),
							})
						: undefined,
				];
			}),
		),
	};
	validators.set(operation.operationId, built);
	return built;
}

/** TechWolf's error body, `[{title, description}]` (components.schemas.ErrorList). */
export const validateErrorBody: ValidateFunction = bodyAjv.compile({
	$ref: pointer('components', 'schemas', 'ErrorList'),
});

/** Ajv's errors as sentences naming where: `body/languages/0 must be object`. */
export function describeErrors(where: string, errors: ErrorObject[] | null | undefined): string[] {
	return (errors ?? []).map((error) => {
		const at = `${where}${error.instancePath}`;
		if (error.keyword === 'additionalProperties') {
			const name = String((error.params as { additionalProperty: string }).additionalProperty);
			return where === 'query'
				? `unknown query parameter "${name}"` +
						(name.includes('[') && !name.includes('properties[')
							? ' (repeat the parameter, include=a&include=b, instead of brackets)'
							: '')
				: `${at} has unknown field "${name}"`;
		}
		if (error.keyword === 'enum') {
			return `${at} must be one of ${(error.params as { allowedValues: unknown[] }).allowedValues.join(', ')}`;
		}
		if (error.keyword === 'required') {
			const name = String((error.params as { missingProperty: string }).missingProperty);
			return where === 'query' ? `query parameter ${name} is required` : `${at}/${name} is required`;
		}
		return `${at} ${error.message ?? 'is invalid'}`;
	});
}

function queryObject(query: URLSearchParams): Record<string, string | string[]> {
	const object: Record<string, string | string[]> = {};
	for (const name of new Set(query.keys())) {
		const values = query.getAll(name);
		object[name] = values.length === 1 ? (values[0] as string) : values;
	}
	return object;
}

export interface ContractRequest {
	pathParameters: Record<string, string>;
	query: URLSearchParams;
	/** Parsed JSON; undefined when the request had no body. */
	body: unknown;
}

/** Every way a request breaks its operation (path, query, body). Empty when the contract takes it. */
export function checkRequest(operation: ContractOperation, request: ContractRequest): string[] {
	const validate = validatorsOf(operation);
	const problems: string[] = [];
	if (!validate.path({ ...request.pathParameters })) problems.push(...describeErrors('path', validate.path.errors));
	if (!validate.query(queryObject(request.query))) problems.push(...describeErrors('query', validate.query.errors));
	if (validate.body === undefined) {
		if (request.body !== undefined) problems.push('this endpoint takes no request body');
	} else if (request.body === undefined) {
		if (validate.body.required) problems.push('the request body is required');
	} else if (!validate.body.validate(request.body)) {
		problems.push(...describeErrors('body', validate.body.validate.errors));
	}
	return problems;
}

/** The document's response key for a status: the status itself, else its range (`2XX`). */
function responseKey(operation: ContractOperation, status: number): string | undefined {
	const responses = operation.definition.responses as JsonObject;
	const range = `${Math.floor(status / 100)}XX`;
	return [String(status), range].find((key) => key in responses);
}

/**
 * Every way an answer breaks its operation. A success status must be one the document lists (or its range) and its
 * body must fit; an error is TechWolf's `[{title, description}]` unless the document gives that status a schema.
 */
export function checkAnswer(operation: ContractOperation, status: number, body: unknown): string[] {
	const key = responseKey(operation, status);
	const validate = key === undefined ? undefined : validatorsOf(operation).responses[key];
	if (status < 400) {
		if (key === undefined) {
			const listed = Object.keys(operation.definition.responses as JsonObject).join(', ');
			return [`status ${status} is not among the responses of ${operation.operationId} (${listed})`];
		}
		if (status === 204) return body === undefined ? [] : ['a 204 answer has no body'];
		if (validate && !validate(body)) return describeErrors('answer', validate.errors);
		return [];
	}
	const check = validate ?? validateErrorBody;
	return check(body) ? [] : describeErrors('answer', check.errors);
}

export type OperationMatch =
	| { kind: 'found'; operation: ContractOperation; params: Record<string, string> }
	| { kind: 'methodNotAllowed'; allowed: string[] }
	| { kind: 'notFound' };

interface Template {
	operation: ContractOperation;
	pattern: RegExp;
	names: string[];
	/** Literal characters: `/employees/suggestions/skills` wins over `/employees/{external_id}/...` shapes. */
	literalLength: number;
}

const TEMPLATES: readonly Template[] = CONTRACT_OPERATIONS.map((operation) => {
	const names: string[] = [];
	const source = operation.path
		.split(/(\{[^}]+\})/)
		.map((part) => {
			if (part.startsWith('{')) {
				names.push(part.slice(1, -1));
				return '([^/]+)';
			}
			return part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
		})
		.join('');
	return {
		operation,
		pattern: new RegExp(`^${source}$`),
		names,
		literalLength: operation.path.replace(/\{[^}]+\}/g, '').length,
	};
}).sort((a, b) => b.literalLength - a.literalLength);

/** The operation for a request line; a path segment that is not valid percent-encoding throws a URIError. */
export function matchOperation(method: string, pathname: string): OperationMatch {
	const candidates = TEMPLATES.map((template) => ({ template, match: template.pattern.exec(pathname) })).filter(
		(candidate) => candidate.match !== null,
	);
	if (candidates.length === 0) return { kind: 'notFound' };
	const found = candidates.find(({ template }) => template.operation.method === method);
	if (!found?.match) {
		return {
			kind: 'methodNotAllowed',
			allowed: [...new Set(candidates.map(({ template }) => template.operation.method))],
		};
	}
	const params: Record<string, string> = {};
	found.template.names.forEach((name, index) => {
		params[name] = decodeURIComponent(found.match?.[index + 1] ?? '');
	});
	return { kind: 'found', operation: found.template.operation, params };
}

const componentValidators = new Map<string, ValidateFunction>();

/** Every way a value breaks a schema of the document's components (`SkillsFeedback`, ...). */
export function checkSchema(name: string, value: unknown, where: string): string[] {
	let validate = componentValidators.get(name);
	if (!validate) {
		validate = bodyAjv.compile({ $ref: pointer('components', 'schemas', name) });
		componentValidators.set(name, validate);
	}
	return validate(value) ? [] : describeErrors(where, validate.errors);
}
