/**
 * The items README.md and docs/events.md show are what the trigger really emits, and docs/events.md's table is the
 * event catalog; the README's operation table is the contract's operations, each saying whether TechWolf documents it
 * or the package chose it.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { EVENT_CATALOG } from '../../nodes/shared/events';
import { nodeNameToToolName } from 'n8n-workflow';

import { getSkillProfile } from '../../nodes/TechWolf/actions/employee/getSkillProfile.operation';
import { resources } from '../../nodes/TechWolf/actions/resources';
import { CONTRACT_OPERATIONS } from '../../sandbox/contract';
import { NODE_OPERATIONS } from '../action/nodeOperations';
import { exampleBlock, exampleItem } from './exampleItems';

const ROOT = join(__dirname, '..', '..');
const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
const events = readFileSync(join(ROOT, 'docs', 'events.md'), 'utf8');

/** The JSON of each `<!-- item:<name> -->` block of a page, by event name. */
function itemBlocks(page: string): Map<string, string> {
	const blocks = page.matchAll(/<!-- item:([\w.]+) -->\s*```json\n([\s\S]*?)\n```/g);
	return new Map([...blocks].map(([, name, json]) => [name, json]));
}

describe('docs/events.md', () => {
	test.each(EVENT_CATALOG.map((entry) => [entry.name, entry] as const))(
		'shows the item of %s as emitted',
		(name, entry) => {
			const json = itemBlocks(events).get(name);
			if (json === undefined) throw new Error(`docs/events.md lacks the item of ${name}; add:\n${exampleBlock(entry)}`);
			expect(JSON.parse(json)).toEqual(JSON.parse(JSON.stringify(exampleItem(entry))));
		},
	);

	test('its table lists every event type with its documented call and the operation Get Resource uses', () => {
		const start = events.indexOf('| event ');
		const lines = events.slice(start).split('\n');
		const rows = lines
			.slice(
				2,
				lines.findIndex((line) => !line.startsWith('|')),
			)
			.map((line) =>
				line
					.split('|')
					.slice(1, -1)
					.map((cell) => cell.trim()),
			);
		expect(rows).toEqual(
			EVENT_CATALOG.map(({ label, type, apiCall, resolvedBy }) => [
				label,
				`\`${type}\``,
				apiCall,
				resolvedBy.resource === 'none' ? '—' : `${resolvedBy.resource} → ${resolvedBy.operation}`,
			]),
		);
	});
});

test('README shows one item, as emitted, and links to docs/events.md for the others', () => {
	const blocks = itemBlocks(readme);
	expect(blocks.size).toBe(1);
	for (const [name, json] of blocks) {
		const entry = EVENT_CATALOG.find((candidate) => candidate.name === name);
		expect(entry).toBeDefined();
		if (entry) expect(JSON.parse(json)).toEqual(JSON.parse(JSON.stringify(exampleItem(entry))));
	}
	expect(readme).toContain('](docs/events.md)');
});

describe('README, TechWolf node', () => {
	/** The operation table's rows as [resource label, operation, endpoint, documented]; a blank resource continues one. */
	function operationRows(): [string, string, string, string][] {
		const start = readme.indexOf('| resource ');
		const lines = readme.slice(start).split('\n');
		const table = lines.slice(
			2,
			lines.findIndex((line) => !line.startsWith('|')),
		);
		let resource = '';
		return table.map((line) => {
			const [, first = '', operation = '', endpoint = '', documented = ''] = line.split('|').map((cell) => cell.trim());
			if (first !== '') resource = first.replace(/\*/g, '');
			return [resource, operation, endpoint, documented];
		});
	}

	test.each(Object.entries(resources).filter(([name]) => name !== 'event'))(
		'the %s rows list its operations, each with its contract operation and who documents it',
		(name, resource) => {
			const labels = Object.entries(resource.operations)
				// Longest label first, so that "Get Skill Profile" is not read as "Get".
				.sort(([, a], [, b]) => b.label.length - a.label.length);
			const rows = operationRows().filter(([label]) => label === resource.label);
			const listed = rows.map(([, operation, endpoint, documented]) => {
				const [key] = labels.find(([, { label }]) => operation.startsWith(label)) ?? [operation];
				return { key, endpoint: endpoint.replace(/\?[^`]*/, ''), documented };
			});
			expect(listed.map(({ key }) => key).sort()).toEqual(Object.keys(resource.operations).sort());
			for (const { key, endpoint, documented } of listed) {
				const operation = CONTRACT_OPERATIONS.find(
					(candidate) => candidate.operationId === NODE_OPERATIONS[`${name}.${key}`],
				);
				expect({ key, endpoint }).toEqual({ key, endpoint: `\`${operation?.method} ${operation?.path}\`` });
				expect({ key, documented: documented.split(/[ :;]/)[0] }).toEqual({
					key,
					documented: operation?.documented ? 'TechWolf' : 'package',
				});
			}
		},
	);
});

test('README: the AI Agent tool example shows the name and description n8n gives Get Skill Profile as a tool', () => {
	const description = `${getSkillProfile.action} in TechWolf`;
	const section = readme
		.slice(readme.indexOf('### Use it as an AI Agent tool'), readme.indexOf('## Example workflows'))
		.replace(/\s+/g, ' ');
	expect(section).toContain(`\`${nodeNameToToolName(description)}\``);
	expect(section).toContain(`_${description}_`);
});
