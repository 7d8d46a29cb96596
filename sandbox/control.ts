/**
 * Drives a sandbox running in another process (e2e, `npm start`) over its `/__sandbox/...` endpoints: the same
 * controls as the in-process `Sandbox` handle, asynchronous.
 */
import type { SandboxCredentials, SandboxFault, SandboxStats } from './server';

export interface SandboxInfo {
	url: string;
	tokenUrl: string;
	credentials: SandboxCredentials;
}

export class SandboxControlClient {
	private readonly controlUrl: string;

	/** @param sandboxUrl the sandbox's API base URL, e.g. `http://127.0.0.1:5699` */
	constructor(sandboxUrl: string) {
		this.controlUrl = `${sandboxUrl.replace(/\/+$/, '')}/__sandbox`;
	}

	info(): Promise<SandboxInfo> {
		return this.call<SandboxInfo>('GET', '/info');
	}

	stats(): Promise<SandboxStats> {
		return this.call<SandboxStats>('GET', '/stats');
	}

	async injectFault(fault: SandboxFault): Promise<void> {
		await this.call('POST', '/faults', fault);
	}

	async clearFaults(): Promise<void> {
		await this.call('DELETE', '/faults');
	}

	async expireTokens(): Promise<void> {
		await this.call('POST', '/expire-tokens');
	}

	async reset(): Promise<void> {
		await this.call('POST', '/reset');
	}

	private async call<T>(method: string, path: string, body?: unknown): Promise<T> {
		const response = await fetch(`${this.controlUrl}${path}`, {
			method,
			...(body === undefined ? {} : { headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }),
		});
		const text = await response.text();
		if (!response.ok) throw new Error(`Sandbox control ${method} ${path} → ${response.status}: ${text}`);
		return (text === '' ? undefined : JSON.parse(text)) as T;
	}
}
