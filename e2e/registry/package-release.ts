/**
 * Later versions of the packed package for the update tests: the same files with only `version` raised, repacked in a
 * temp folder. The checkout's package.json is never touched, so no test run can leave a version change behind.
 */
import * as fsp from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';

import { execFileAsync } from '../n8n/helpers';

/** `version` with its patch number raised by `steps`; a prerelease or build suffix is refused, not dropped. */
export function patchBump(version: string, steps = 1): string {
	const match = /^(\d+)\.(\d+)\.(\d+)$/.exec(version);
	if (!match) throw new Error(`${version} is not a plain major.minor.patch version`);
	const [, major, minor, patch] = match;
	return `${major}.${minor}.${Number(patch) + steps}`;
}

/** Repacks `tarball` as `version` into a new temp folder and returns the new tarball's path. */
export async function repackAsVersion(tarball: string, version: string): Promise<string> {
	const folder = await fsp.mkdtemp(path.join(os.tmpdir(), 'n8n-e2e-release-'));
	const packageDir = path.join(folder, 'package');
	await fsp.mkdir(packageDir);
	await execFileAsync('tar', ['-xzf', path.resolve(tarball), '-C', packageDir, '--strip-components=1']);
	const manifestPath = path.join(packageDir, 'package.json');
	const manifest = JSON.parse(await fsp.readFile(manifestPath, 'utf8')) as Record<string, unknown>;
	await fsp.writeFile(manifestPath, `${JSON.stringify({ ...manifest, version }, null, 2)}\n`);
	// --ignore-scripts: packing runs the package's own lifecycle scripts otherwise; none may run for a test copy.
	const stdout = await execFileAsync('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', folder], {
		cwd: packageDir,
	});
	const [packed] = JSON.parse(stdout.slice(stdout.indexOf('['))) as Array<{ filename: string }>;
	if (!packed) throw new Error(`npm pack of ${packageDir} reported no tarball`);
	return path.join(folder, packed.filename);
}
