/**
 * The REST calls n8n's Settings → Community Nodes screen makes (`/rest/community-packages`), typed as n8n 2.41.1
 * answers them.
 */
import type { N8nRestClient } from '../n8n/rest-client';

export interface InstalledNode {
	name: string;
	type: string;
	latestVersion: number;
}

export interface InstalledPackage {
	packageName: string;
	installedVersion: string;
	authorName?: string;
	authorEmail?: string;
	installedNodes: InstalledNode[];
	/** In the list only: the newer version `npm outdated` found. */
	updateAvailable?: string;
	/** In the list only: whether n8n failed to load the package's nodes. */
	failedLoading?: boolean;
}

export class CommunityPackagesApi {
	constructor(private readonly rest: N8nRestClient) {}

	/** The Install button: the name as typed (optionally `name@version`). */
	install(name: string): Promise<InstalledPackage> {
		return this.rest.request<InstalledPackage>('POST', '/community-packages', { name });
	}

	list(): Promise<InstalledPackage[]> {
		return this.rest.request<InstalledPackage[]>('GET', '/community-packages');
	}

	/** The Update button: to the registry's `latest`. */
	update(name: string): Promise<InstalledPackage> {
		return this.rest.request<InstalledPackage>('PATCH', '/community-packages', { name });
	}

	async uninstall(name: string): Promise<void> {
		await this.rest.request<unknown>('DELETE', `/community-packages?${new URLSearchParams({ name }).toString()}`);
	}
}
