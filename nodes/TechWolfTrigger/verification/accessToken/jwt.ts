/** The parts of a JWS in compact serialisation (RFC 7515), read strictly: one spelling of each, JSON objects only. */
const BASE64URL = /^[A-Za-z0-9_-]+$/;
const decoder = new TextDecoder('utf-8', { fatal: true });
const encoder = new TextEncoder();

/** Strict base64url (RFC 7515 §2): no padding, no other characters, and the one canonical spelling of the bytes. */
export function decodeSegment(segment: string): Uint8Array | undefined {
	if (!BASE64URL.test(segment) || segment.length % 4 === 1) return undefined;
	const bytes = Buffer.from(segment, 'base64url');
	return bytes.toString('base64url') === segment ? new Uint8Array(bytes) : undefined;
}

export function decodeJsonObject(segment: string): Record<string, unknown> | undefined {
	const bytes = decodeSegment(segment);
	if (!bytes) return undefined;
	try {
		const value: unknown = JSON.parse(decoder.decode(bytes));
		return typeof value === 'object' && value !== null && !Array.isArray(value)
			? (value as Record<string, unknown>)
			: undefined;
	} catch {
		return undefined;
	}
}

export function isFiniteNumber(value: unknown): value is number {
	return typeof value === 'number' && Number.isFinite(value);
}

/** `scope` (RFC 8693, RFC 9068: space-separated) or `scp` (Entra ID, Okta: a string or an array). */
export function tokenScopes(claims: Record<string, unknown>): string[] {
	const scopes: string[] = [];
	for (const value of [claims.scope, claims.scp]) {
		if (typeof value === 'string') scopes.push(...value.split(' ').filter((scope) => scope !== ''));
		else if (Array.isArray(value)) scopes.push(...value.filter((scope): scope is string => typeof scope === 'string'));
	}
	return scopes;
}

/** The bytes a JWS signature covers: `header.payload`, as sent. */
export function signingInput(headerSegment: string, payloadSegment: string): Uint8Array {
	return encoder.encode(`${headerSegment}.${payloadSegment}`);
}
