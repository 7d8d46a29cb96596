/** Injected faults: a test makes the next matching requests fail (a 429 with Retry-After, a 503, ...). */
import type { JsonValue } from './data';

export interface SandboxFault {
	/** Any method when left out. */
	method?: string;
	/** Matches request paths that start with it, e.g. `/employees` or `/oauth/token`. */
	pathPrefix: string;
	status: number;
	/** How many matching requests fail; 1 by default. */
	times?: number;
	/** Sent as the Retry-After header: delay in seconds, or an HTTP-date string. */
	retryAfter?: number | string;
	/** Response body; TechWolf's error array (or an OAuth error for the token endpoint) by default. */
	body?: JsonValue;
}

/** Checks a fault from code or from the HTTP control endpoint; throws an Error that says what is wrong. */
export function validateFault(input: unknown): SandboxFault {
	if (typeof input !== 'object' || input === null || Array.isArray(input)) throw new Error('A fault must be an object');
	const fault = input as Record<string, unknown>;
	const known = ['method', 'pathPrefix', 'status', 'times', 'retryAfter', 'body'];
	const unknown = Object.keys(fault).filter((key) => !known.includes(key));
	if (unknown.length > 0) throw new Error(`Unknown fault field(s): ${unknown.join(', ')}`);
	if (typeof fault.pathPrefix !== 'string' || !fault.pathPrefix.startsWith('/')) {
		throw new Error('pathPrefix must be a path starting with "/"');
	}
	if (!Number.isInteger(fault.status) || (fault.status as number) < 100 || (fault.status as number) > 599) {
		throw new Error('status must be an HTTP status code (100-599)');
	}
	if (fault.times !== undefined && (!Number.isInteger(fault.times) || (fault.times as number) < 1)) {
		throw new Error('times must be a positive integer');
	}
	if (fault.method !== undefined && (typeof fault.method !== 'string' || fault.method === '')) {
		throw new Error('method must be an HTTP method such as GET');
	}
	const retryAfter = fault.retryAfter;
	if (
		retryAfter !== undefined &&
		!(typeof retryAfter === 'number' && Number.isInteger(retryAfter) && retryAfter >= 0) &&
		!(typeof retryAfter === 'string' && retryAfter.trim() !== '')
	) {
		throw new Error('retryAfter must be whole seconds (number) or an HTTP-date string');
	}
	return {
		pathPrefix: fault.pathPrefix,
		status: fault.status as number,
		...(fault.method !== undefined ? { method: (fault.method as string).toUpperCase() } : {}),
		...(fault.times !== undefined ? { times: fault.times as number } : {}),
		...(retryAfter !== undefined ? { retryAfter: retryAfter as number | string } : {}),
		...(fault.body !== undefined ? { body: fault.body as JsonValue } : {}),
	};
}

/** The faults still to serve, each with the failures it has left. */
export class FaultQueue {
	private faults: (SandboxFault & { remaining: number })[] = [];

	add(fault: unknown): void {
		const checked = validateFault(fault);
		this.faults.push({ ...checked, remaining: checked.times ?? 1 });
	}

	/** The fault this request meets, if any, counted as served. */
	take(method: string, path: string): SandboxFault | undefined {
		const fault = this.faults.find(
			(candidate) => path.startsWith(candidate.pathPrefix) && (!candidate.method || candidate.method === method),
		);
		if (!fault) return undefined;
		fault.remaining--;
		if (fault.remaining <= 0) this.faults = this.faults.filter((candidate) => candidate !== fault);
		return fault;
	}

	clear(): void {
		this.faults = [];
	}

	/** The pending faults, `times` being what each has left. */
	pending(): SandboxFault[] {
		return this.faults.map(({ remaining, ...fault }) => ({ ...fault, times: remaining }));
	}
}
