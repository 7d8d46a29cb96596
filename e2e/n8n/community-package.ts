/** Packs this package and installs the tarball into a real n8n's user folder the way n8n installs community packages. */
import * as fsp from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';

import { execFileAsync, readJson } from './helpers';
import { REPO_ROOT } from './install';

export interface InstalledPackage {
	name: string;
	version: string;
	dir: string;
}

interface PackageManifest {
	name: string;
	version: string;
	private?: boolean;
	dependencies?: Record<string, string>;
	devDependencies?: Record<string, string>;
	peerDependencies?: Record<string, string>;
	optionalDependencies?: Record<string, string>;
	[key: string]: unknown;
}

/**
 * Installs a packed community package the way n8n's CommunityPackagesService.downloadPackage does: untar into
 * `<userFolder>/.n8n/nodes/node_modules/<name>`, drop dev/peer/optional dependencies from its package.json, and
 * record it in `<userFolder>/.n8n/nodes/package.json`. No `npm install`: the package has no runtime dependencies
 * (n8n resolves `n8n-workflow` for it through NODE_PATH).
 */
export async function installCommunityPackage(userFolder: string, tarball: string): Promise<InstalledPackage> {
	const tarballPath = path.resolve(tarball);
	const nodesDir = path.join(userFolder, '.n8n', 'nodes');
	const staging = await fsp.mkdtemp(path.join(os.tmpdir(), 'n8n-e2e-pkg-'));
	try {
		await execFileAsync('tar', ['-xzf', tarballPath, '-C', staging, '--strip-components=1']);
		const manifest = JSON.parse(await fsp.readFile(path.join(staging, 'package.json'), 'utf8')) as PackageManifest;
		delete manifest.devDependencies;
		delete manifest.peerDependencies;
		delete manifest.optionalDependencies;
		// n8n only loads folders matching these names and skips others without a word.
		if (!/^(@[a-z0-9-~][a-z0-9-._~]*\/)?n8n-nodes-/.test(manifest.name)) {
			throw new Error(`${manifest.name}: n8n only loads community packages named n8n-nodes-* or @scope/n8n-nodes-*`);
		}
		await fsp.writeFile(path.join(staging, 'package.json'), JSON.stringify(manifest, null, 2));
		const dir = path.join(nodesDir, 'node_modules', ...manifest.name.split('/'));
		await fsp.rm(dir, { recursive: true, force: true });
		await fsp.mkdir(path.dirname(dir), { recursive: true });
		await fsp.cp(staging, dir, { recursive: true });

		const ledgerPath = path.join(nodesDir, 'package.json');
		const ledger = (await readJson<PackageManifest>(ledgerPath)) ?? {
			name: 'installed-nodes',
			private: true,
			dependencies: {},
		};
		ledger.dependencies = { ...ledger.dependencies, [manifest.name]: manifest.version };
		await fsp.writeFile(ledgerPath, JSON.stringify(ledger, null, 2));
		return { name: manifest.name, version: manifest.version, dir };
	} finally {
		await fsp.rm(staging, { recursive: true, force: true });
	}
}

export interface PackedPackage {
	/** Absolute path of the .tgz. */
	tarball: string;
	name: string;
	version: string;
	/** Paths inside the package, as `npm pack` lists them. */
	files: string[];
}

/**
 * `npm pack` of the package in `packageDir` (default: the repo) into `destination` (default: a new tmp folder),
 * then checks that every file listed in package.json `n8n.nodes` / `n8n.credentials` is in it: `files` decides
 * what ships, and n8n skips a missing node file at load time. Build (`dist/`) first; nothing is built here.
 */
export async function packPackage(opts: { packageDir?: string; destination?: string } = {}): Promise<PackedPackage> {
	const packageDir = path.resolve(opts.packageDir ?? REPO_ROOT);
	const destination = path.resolve(opts.destination ?? (await fsp.mkdtemp(path.join(os.tmpdir(), 'n8n-e2e-pack-'))));
	await fsp.mkdir(destination, { recursive: true });
	const stdout = await execFileAsync('npm', ['pack', '--json', '--pack-destination', destination], {
		cwd: packageDir,
	});
	// npm may print lifecycle noise before the JSON array.
	const [packed] = JSON.parse(stdout.slice(stdout.indexOf('['))) as Array<{
		filename: string;
		name: string;
		version: string;
		files: Array<{ path: string }>;
	}>;
	const files = packed.files.map((file) => file.path);
	const manifest = JSON.parse(await fsp.readFile(path.join(packageDir, 'package.json'), 'utf8')) as PackageManifest;
	const n8n = (manifest.n8n ?? {}) as { nodes?: string[]; credentials?: string[] };
	const missing = [...(n8n.nodes ?? []), ...(n8n.credentials ?? [])]
		.map((entry) => path.posix.normalize(entry))
		.filter((entry) => !files.includes(entry));
	if (missing.length > 0) {
		throw new Error(
			`${packed.filename} lacks files that package.json "n8n" lists (build first?): ${missing.join(', ')}`,
		);
	}
	return { tarball: path.join(destination, packed.filename), name: packed.name, version: packed.version, files };
}
