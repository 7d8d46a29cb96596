/**
 * The project's pages hold together: the README keeps the two set-up commands and points to CONTRIBUTING.md, whose
 * table names every check .ci/run runs; every npm command a page names is a script of package.json; every link
 * between the pages reaches a file, and a heading where it names one; the README's table cells stay short enough to
 * read.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';

const ROOT = join(__dirname, '..', '..');
const PAGES = [
	'README.md',
	'CONTRIBUTING.md',
	'docs/events.md',
	'docs/delivery.md',
	'docs/security.md',
	'bench/README.md',
];
const read = (file: string): string => readFileSync(join(ROOT, file), 'utf8');
const withoutCode = (page: string): string => page.replace(/^```[\s\S]*?^```$/gm, '');

/** The anchors GitHub gives a page's headings: lower case, punctuation dropped, spaces as hyphens, repeats numbered. */
function anchors(page: string): Set<string> {
	const seen = new Map<string, number>();
	const result = new Set<string>();
	for (const [, heading] of withoutCode(page).matchAll(/^#{1,6} (.+)$/gm)) {
		const slug = heading
			.trim()
			.toLowerCase()
			.replace(/[^\p{L}\p{N}\s_-]/gu, '')
			.replace(/\s/g, '-');
		const count = seen.get(slug) ?? 0;
		seen.set(slug, count + 1);
		result.add(count === 0 ? slug : `${slug}-${count}`);
	}
	return result;
}

/** The npm commands of a text: `npm test`, `npm start`, `npm run <script>`. */
function npmScripts(text: string): string[] {
	return [...text.matchAll(/\bnpm (?:run ([\w:-]+)|(test|start)\b)/g)].map(([, script, builtin]) => script ?? builtin);
}

test('the README keeps the set-up commands and points to CONTRIBUTING.md for the rest', () => {
	const readme = read('README.md');
	const setUp = /```bash\n([\s\S]*?)```/.exec(readme.slice(readme.indexOf('## Develop')))?.[1] ?? '';
	expect(setUp).toMatch(/^npm install\b/);
	expect(setUp).toMatch(/^npm start\b/m);
	expect(setUp).toMatch(/^npm test\b/m);
	expect(readme).toContain('](CONTRIBUTING.md)');
});

test("CONTRIBUTING.md's command table names every check and suite .ci/run runs", () => {
	const contributing = read('CONTRIBUTING.md');
	const lines = contributing.slice(contributing.indexOf('| command ')).split('\n');
	const table = lines.slice(
		2,
		lines.findIndex((line) => !line.startsWith('|')),
	);
	const listed = table.flatMap((line) => npmScripts(line.split('|')[1]));
	const run = read('.ci/run')
		.split('\n')
		.filter((line) => !/^\s*(#|step )/.test(line))
		.join('\n');
	const ran = npmScripts(run);
	expect(ran.length).toBeGreaterThan(8);
	expect(ran.filter((script) => !listed.includes(script))).toEqual([]);
});

test('every npm command the pages name is a script of package.json', () => {
	const manifest = JSON.parse(read('package.json')) as { scripts: Record<string, string> };
	const named = PAGES.flatMap((file) => npmScripts(read(file)).map((script) => `${file}: ${script}`));
	expect(named.length).toBeGreaterThan(10);
	expect(named.filter((entry) => !(entry.split(': ')[1] in manifest.scripts))).toEqual([]);
});

test.each(PAGES)('every link of %s reaches a file of the repository, and the heading it names', (file) => {
	const page = read(file);
	const links = [...withoutCode(page).matchAll(/\]\(([^)\s]+)\)/g)]
		.map(([, target]) => target)
		.filter((target) => !/^[a-z]+:/.test(target));
	expect(links.length).toBeGreaterThan(0);
	const broken = links.filter((target) => {
		const [path, anchor] = target.split('#');
		const linked = path === '' ? file : relative(ROOT, join(ROOT, dirname(file), path));
		if (!existsSync(join(ROOT, linked))) return true;
		return anchor !== undefined && !anchors(read(linked)).has(anchor);
	});
	expect(broken).toEqual([]);
});

test('no table cell of the README or CONTRIBUTING.md runs over 200 characters', () => {
	const cells = ['README.md', 'CONTRIBUTING.md'].flatMap((file) =>
		withoutCode(read(file))
			.split('\n')
			.filter((line) => line.startsWith('|'))
			.flatMap((line) => line.split('|').slice(1, -1))
			.map((cell) => ({ file, cell: cell.trim() })),
	);
	expect(cells.length).toBeGreaterThan(100);
	expect(cells.filter(({ cell }) => cell.length > 200)).toEqual([]);
});
