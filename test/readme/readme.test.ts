/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports -- dev tooling, never shipped (README: Lint) */
/** The README's item examples are what the trigger really emits. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { EVENT_CATALOG } from '../../nodes/shared/events';
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
