import { AddressRangeError, SourceAllowlist } from '../../nodes/TechWolfTrigger/sourceIp';

describe('source address allowlist', () => {
	test('TechWolf presets allow exactly their addresses, IPv4-mapped IPv6 included', () => {
		const eu = new SourceAllowlist(['techwolfEu'], '');
		expect(eu.allows('13.37.160.251')).toBe(true);
		expect(eu.allows('::ffff:13.36.99.139')).toBe(true);
		expect(eu.allows('::FFFF:52.47.130.99')).toBe(true);
		expect(eu.allows('52.23.123.55')).toBe(false); // a US address
		expect(eu.allows('13.37.160.250')).toBe(false);
		expect(eu.allows(undefined)).toBe(false);
		expect(eu.allows('not an address')).toBe(false);
	});

	test('custom IPv4 and IPv6 ranges', () => {
		const list = new SourceAllowlist([], '203.0.113.0/24, 2001:db8::/32 ; 198.51.100.7');
		expect(list.allows('203.0.113.200')).toBe(true);
		expect(list.allows('203.0.114.1')).toBe(false);
		expect(list.allows('2001:db8:1234::1')).toBe(true);
		expect(list.allows('2001:db9::1')).toBe(false);
		expect(list.allows('198.51.100.7')).toBe(true);
		expect(list.allows('198.51.100.8')).toBe(false);
		expect(new SourceAllowlist([], '::1').allows('::1')).toBe(true);
		expect(new SourceAllowlist([], '0.0.0.0/0').allows('192.0.2.1')).toBe(true);
	});

	test('an empty list is reported as empty (the trigger then skips the check)', () => {
		expect(new SourceAllowlist([], ' , ').isEmpty).toBe(true);
		expect(new SourceAllowlist(['techwolfUs'], '').isEmpty).toBe(false);
	});

	test.each(['10.0.0.0/33', '10.0.0/8', '300.1.1.1', '2001:db8::/129', '1.2.3.4/', 'fe80::1::2', '1.2.3.4/8/1', 'abc'])(
		'"%s" is refused with a message that names it',
		(entry) => {
			expect(() => new SourceAllowlist([], `127.0.0.1, ${entry}`)).toThrow(AddressRangeError);
			expect(() => new SourceAllowlist([], entry)).toThrow(`"${entry}" is not an IP address or CIDR range`);
		},
	);
});
