/**
 * Optional source-address allowlist. TechWolf sends from fixed addresses per region (TechWolf docs, "Protocol and
 * delivery"); users can pick those presets and add their own ranges (for a proxy, or a new TechWolf address).
 *
 * n8n passes Express's `req.ip`: the socket peer unless N8N_PROXY_HOPS tells n8n how many proxies to trust, in which
 * case it is the client address from X-Forwarded-For. Behind a reverse proxy without that setting every request seems
 * to come from the proxy, so the README tells users to set it.
 */
import { splitList } from '../shared/list';

/** TechWolf's sender addresses per region: the presets of the Allowed Source IPs option, and what they allow. */
export const SOURCE_PRESETS = {
	techwolfEu: { label: 'TechWolf EU', addresses: ['13.37.160.251', '13.36.99.139', '52.47.130.99'] },
	techwolfUs: { label: 'TechWolf US', addresses: ['52.23.123.55', '18.214.28.250', '34.205.219.76'] },
} as const;

export type SourcePreset = keyof typeof SOURCE_PRESETS;

interface AddressRange {
	version: 4 | 6;
	network: bigint;
	prefixLength: number;
}

export class AddressRangeError extends Error {}

function parseIPv4(text: string): bigint | undefined {
	const parts = text.split('.');
	if (parts.length !== 4) return undefined;
	let value = BigInt(0);
	for (const part of parts) {
		if (!/^\d{1,3}$/.test(part) || Number(part) > 255) return undefined;
		value = (value << BigInt(8)) | BigInt(Number(part));
	}
	return value;
}

function parseIPv6(text: string): bigint | undefined {
	const halves = text.split('::');
	if (halves.length > 2) return undefined;
	const toGroups = (part: string): string[] => (part === '' ? [] : part.split(':'));
	let head = toGroups(halves[0]);
	let tail = halves.length === 2 ? toGroups(halves[1]) : [];
	// An embedded IPv4 tail (::ffff:192.0.2.1) counts as two groups.
	const lastGroups = tail.length > 0 ? tail : head;
	const last = lastGroups[lastGroups.length - 1] as string | undefined;
	let ipv4Tail: bigint | undefined;
	if (last?.includes('.')) {
		ipv4Tail = parseIPv4(last);
		if (ipv4Tail === undefined) return undefined;
		if (tail.length > 0) tail = tail.slice(0, -1);
		else head = head.slice(0, -1);
	}
	const groupsWanted = ipv4Tail === undefined ? 8 : 6;
	const missing = groupsWanted - head.length - tail.length;
	if (halves.length === 1 ? missing !== 0 : missing < 1) return undefined;
	const groups = [...head, ...Array<string>(halves.length === 2 ? missing : 0).fill('0'), ...tail];
	let value = BigInt(0);
	for (const group of groups) {
		if (!/^[0-9a-fA-F]{1,4}$/.test(group)) return undefined;
		value = (value << BigInt(16)) | BigInt(parseInt(group, 16));
	}
	return ipv4Tail === undefined ? value : (value << BigInt(32)) | ipv4Tail;
}

/** An address as version and value; IPv4-mapped IPv6 (::ffff:a.b.c.d, as Node reports IPv4 peers) becomes IPv4. */
function parseAddress(text: string): { version: 4 | 6; value: bigint } | undefined {
	const v4 = parseIPv4(text);
	if (v4 !== undefined) return { version: 4, value: v4 };
	const v6 = parseIPv6(text.replace(/%.*$/, ''));
	if (v6 === undefined) return undefined;
	if (v6 >> BigInt(32) === BigInt(0xffff)) return { version: 4, value: v6 & BigInt(0xffffffff) };
	return { version: 6, value: v6 };
}

function parseRange(text: string): AddressRange {
	const [addressText, prefixText, ...rest] = text.split('/');
	const address = parseAddress(addressText);
	const width = address?.version === 4 ? 32 : 128;
	const prefixLength = prefixText === undefined ? width : Number(prefixText);
	if (!address || rest.length > 0 || !/^\d{0,3}$/.test(prefixText ?? '') || prefixText === '' || prefixLength > width) {
		throw new AddressRangeError(
			`"${text}" is not an IP address or CIDR range (examples: 203.0.113.7, 203.0.113.0/24, 2001:db8::/32)`,
		);
	}
	const hostBits = BigInt(width - prefixLength);
	return { version: address.version, network: (address.value >> hostBits) << hostBits, prefixLength };
}

export class SourceAllowlist {
	private readonly ranges: AddressRange[];

	/** Throws AddressRangeError naming the first entry that is not an address or range. */
	constructor(presets: readonly SourcePreset[], customRanges: string) {
		const entries = [
			...presets.flatMap((preset) => SOURCE_PRESETS[preset]?.addresses ?? []),
			...splitList(customRanges),
		];
		this.ranges = entries.map(parseRange);
	}

	get isEmpty(): boolean {
		return this.ranges.length === 0;
	}

	allows(clientAddress: string | undefined): boolean {
		const address = clientAddress ? parseAddress(clientAddress) : undefined;
		if (!address) return false;
		return this.ranges.some((range) => {
			if (range.version !== address.version) return false;
			const hostBits = BigInt((range.version === 4 ? 32 : 128) - range.prefixLength);
			return (address.value >> hostBits) << hostBits === range.network;
		});
	}
}
