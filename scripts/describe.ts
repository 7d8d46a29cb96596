/**
 * `tsx scripts/describe.ts [checkout]`: what n8n reads from the built package, as stable JSON, to diff two builds.
 * It loads every node and credential that `<checkout>/package.json` lists (under `n8n`, from its built `dist/`) and
 * prints each one's fields (a node's `description`, a credential's properties, authenticate, test, …) and its class's
 * methods by name. Functions print as their names and `undefined` as "[undefined]", since JSON would drop a key n8n
 * still sees; key order is kept, because n8n reads some objects in order (a field's displayOptions rules).
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';

interface PackageJson {
	n8n: { nodes: string[]; credentials: string[] };
}

type Constructor = new () => object;

/** The built files are CommonJS and named at run time. */
const requireBuilt = createRequire(__filename);

/** The one class a built node or credential file exports. */
function loadClass(file: string): Constructor {
	const exported = Object.values(requireBuilt(file) as Record<string, unknown>);
	const classes = exported.filter((value): value is Constructor => typeof value === 'function');
	if (classes.length !== 1) throw new Error(`${file} exports ${classes.length} classes, not one`);
	return classes[0];
}

function stable(key: string, value: unknown): unknown {
	if (value === undefined && key !== '') return '[undefined]';
	if (typeof value === 'function') return `[function ${value.name || 'anonymous'}]`;
	return value;
}

/** An instance's own fields, then the methods of its class (execute, webhook, preAuthentication), by name. */
function fieldsAndMethods(instance: object): Record<string, unknown> {
	const methods = Object.getOwnPropertyNames(Object.getPrototypeOf(instance)).filter((name) => name !== 'constructor');
	return { ...instance, ...Object.fromEntries(methods.map((name) => [name, `[method ${name}]`])) };
}

function describe(checkout: string): Record<string, unknown> {
	const { n8n } = JSON.parse(readFileSync(join(checkout, 'package.json'), 'utf8')) as PackageJson;
	const load = (files: string[], nameOf: (instance: Record<string, unknown>) => unknown) =>
		Object.fromEntries(
			files.map((file) => {
				const instance = fieldsAndMethods(new (loadClass(join(checkout, file)))());
				return [String(nameOf(instance)), instance];
			}),
		);
	return {
		nodes: load(n8n.nodes, (node) => (node.description as { name: string }).name),
		credentials: load(n8n.credentials, (credential) => credential.name),
	};
}

process.stdout.write(`${JSON.stringify(describe(resolve(process.argv[2] ?? '.')), stable, 2)}\n`);
