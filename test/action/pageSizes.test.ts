/** The node's page sizes (`transport/pageSizes.ts`) are the contract's `limit` maximum of each paginated call. */
import { PAGE_SIZES } from '../../nodes/TechWolf/transport';
import { CONTRACT_OPERATIONS, contractDocument } from '../../sandbox/contract';

type Schema = { $ref?: string; maximum?: number; properties?: Record<string, Schema>; schema?: Schema };

function resolve(value: Schema | undefined): Schema | undefined {
	if (!value?.$ref) return value;
	const target = value.$ref
		.replace(/^#\//, '')
		.split('/')
		.reduce<unknown>((node, segment) => (node as Record<string, unknown>)[segment], contractDocument);
	return resolve(target as Schema);
}

/** The `limit` maximum of an operation: its query parameter's, or its JSON body's. */
function contractMaximum(call: string): number | undefined {
	const operation = CONTRACT_OPERATIONS.find((candidate) => `${candidate.method} ${candidate.path}` === call);
	if (!operation) throw new Error(`The contract has no ${call}`);
	const definition = operation.definition as {
		parameters?: Schema[];
		requestBody?: { content: { 'application/json': { schema: Schema } } };
	};
	const parameter = (definition.parameters ?? [])
		.map((entry) => resolve(entry) as Schema & { name?: string })
		.find((entry) => entry.name === 'limit');
	if (parameter) return resolve(parameter.schema)?.maximum;
	return resolve(resolve(definition.requestBody?.content['application/json'].schema)?.properties?.limit)?.maximum;
}

test.each(Object.entries(PAGE_SIZES))('%s: a page is at most %i, the contract’s limit maximum', (call, size) => {
	expect(contractMaximum(call)).toBe(size);
});
