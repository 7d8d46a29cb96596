/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports -- dev tooling, never shipped (README: Lint) */
/** The README's item examples are what the trigger really emits; its operation table is the contract's operations. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { EVENT_CATALOG } from '../../nodes/shared/events';
import { nodeNameToToolName } from 'n8n-workflow';

import { getSkillProfile } from '../../nodes/TechWolf/actions/employee/getSkillProfile.operation';
import { resources } from '../../nodes/TechWolf/actions/resources';
import { API_CONTRACT } from '../../sandbox/contract';
import { exampleBlock, exampleItem } from './exampleItems';

const readme = readFileSync(join(__dirname, '..', '..', 'README.md'), 'utf8');

describe('README', () => {
	test.each(EVENT_CATALOG.map((entry) => [entry.name, entry] as const))(
		'shows the item of %s as emitted',
		(name, entry) => {
			const match = new RegExp(
				`<!-- item:${name.replace(/\./g, '\\.')} -->\\s*\`\`\`json\\n([\\s\\S]*?)\\n\`\`\``,
			).exec(readme);
			if (!match) throw new Error(`README lacks the item of ${name}; add:\n${exampleBlock(entry)}`);
			expect(JSON.parse(match[1])).toEqual(JSON.parse(JSON.stringify(exampleItem(entry))));
		},
	);
});

describe('README, TechWolf node', () => {
	/** The operation table's rows as [resource label, operation cell, endpoint cell]; a blank resource continues one. */
	function operationRows(): [string, string, string][] {
		const start = readme.indexOf('| resource ');
		const lines = readme.slice(start).split('\n');
		const table = lines.slice(
			2,
			lines.findIndex((line) => !line.startsWith('|')),
		);
		let resource = '';
		return table.map((line) => {
			const [, first = '', operation = '', endpoint = ''] = line.split('|').map((cell) => cell.trim());
			if (first !== '') resource = first.replace(/\*/g, '');
			return [resource, operation, endpoint];
		});
	}

	test.each(Object.entries(resources).filter(([name]) => name !== 'event'))(
		'the %s rows list its operations, and every contract entry of it, by method and path',
		(name, resource) => {
			const operations = Object.values(resource.operations).map(({ label }) => label);
			// Longest label first, so that "Get Skill Profile" is not read as "Get".
			const labels = [...operations].sort((a, b) => b.length - a.length);
			const rows = operationRows().filter(([label]) => label === resource.label);
			const listed = rows.map(([, operation]) => labels.find((label) => operation.startsWith(label)) ?? operation);
			expect([...listed].sort()).toEqual([...operations].sort());
			const endpoints = rows.map(([, , endpoint]) => endpoint.replace(/ ¹$/, '').replace(/\?[^`]*/, ''));
			const contracted = API_CONTRACT.filter((endpoint) => endpoint.id.startsWith(`${name}.`));
			for (const endpoint of contracted) expect(endpoints).toContain(`\`${endpoint.method} ${endpoint.path}\``);
			const known = API_CONTRACT.map((endpoint) => `\`${endpoint.method} ${endpoint.path}\``);
			expect(endpoints.filter((endpoint) => !known.includes(endpoint))).toEqual([]);
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
