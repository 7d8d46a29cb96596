/** The TechWolf Trigger over real HTTP: what it rejects, with which status, and what it never lets through. */
import { vaultWithKeys } from './fixtures';
import { current, delivery, next, post, signRaw, stranger, TENANT, withTrigger } from './triggerRequests';
import { SIGNING_KEYS_CREDENTIAL } from '../../nodes/TechWolfTrigger/verification/signature';

describe('TechWolf Trigger: rejections', () => {
	const type = 'ai.techwolf.employee.skill_profile.updated.v1';
	const now = () => Math.floor(Date.now() / 1000);

	test.each([
		['a forged signature', () => ({ ...delivery(type), tamper: { 'x-signature-v1': 'ab'.repeat(64) } })],
		['a key that is not configured', () => delivery(type, { keys: [stranger] })],
		['a stale timestamp', () => delivery(type, { timestamp: now() - 301 })],
		// Beyond the 300 s tolerance with room to spare: on a loaded machine seconds pass before the trigger reads it.
		['a future timestamp', () => delivery(type, { timestamp: now() + 330 })],
		['a missing X-Signature-V1', () => ({ ...delivery(type), drop: 'x-signature-v1' })],
		['a missing X-Signature-Timestamp', () => ({ ...delivery(type), drop: 'x-signature-timestamp' })],
		['a missing X-Tenant', () => ({ ...delivery(type), drop: 'x-tenant' })],
		['a missing X-Event-Id', () => ({ ...delivery(type), drop: 'x-event-id' })],
	])('%s → 401, nothing emitted, nothing remembered', async (_name, make) => {
		await withTrigger({}, async (server) => {
			const request = make() as ReturnType<typeof delivery> & { tamper?: Record<string, string>; drop?: string };
			const headers: Record<string, string> = { ...request.headers, ...request.tamper };
			if (request.drop) delete headers[request.drop];
			const reply = await post(server, request.body, headers);
			expect(reply.status).toBe(401);
			expect(reply.body.status).toBe('rejected');
			expect(reply.body.message).not.toMatch(/[0-9a-f]{64}/);
			expect(server.emitted).toHaveLength(0);
			expect(server.storedStaticData()['node:TechWolf Trigger']).toBeUndefined();
		});
	});

	// Node would join the lines with ", " (an X-Signature-V1 list that verifies, a malformed tenant); the trigger reads
	// the lines as sent.
	test.each(['x-signature-v1', 'x-signature-timestamp', 'x-tenant', 'x-event-id'])(
		'%s sent on two lines, even with the same value → 401 repeated_header',
		async (name) => {
			await withTrigger({}, async (server) => {
				const signed = delivery(type);
				const value = signed.headers[name] as string;
				const reply = await post(server, signed.body, { ...signed.headers, [name]: [value, value] });
				expect(reply).toEqual({
					status: 401,
					body: {
						status: 'rejected',
						reason: 'repeated_header',
						message: `Header ${name} is sent more than once: send it on one line`,
					},
				});
				expect(server.emitted).toHaveLength(0);
				// The same delivery on one line each is accepted: only the repeat was refused.
				expect((await post(server, signed.body, signed.headers)).status).toBe(200);
			});
		},
	);

	test('a body changed by one byte, or only in whitespace, or re-encoded → 401', async () => {
		await withTrigger({}, async (server) => {
			const signed = delivery(type);
			const oneByte = Buffer.from(signed.body);
			oneByte[oneByte.length - 3] ^= 1;
			const whitespace = Buffer.from(JSON.stringify(JSON.parse(signed.body.toString('utf8')), null, 2));
			for (const body of [oneByte, whitespace, Buffer.concat([signed.body, Buffer.from('\n')])]) {
				expect((await post(server, body, signed.headers)).status).toBe(401);
			}
			expect(server.emitted).toHaveLength(0);
		});
	});

	test('a missing raw body is a rejection, never a pass', async () => {
		await withTrigger({}, async (server) => {
			const signed = delivery(type);
			server.dropRawBodyOnce();
			expect(await post(server, signed.body, signed.headers)).toMatchObject({
				status: 401,
				body: { reason: 'missing_body' },
			});
			expect(server.emitted).toHaveLength(0);
		});
	});

	test.each([
		['not JSON', '{"specversion":"1.0",', 'The body is not JSON'],
		['a JSON array', '[1,2]', 'The body is not a JSON object'],
		['without specversion', { type, id: 'evt-raw-1', time: 't', data: {} }, 'specversion must be "1.0"'],
		['without type', { specversion: '1.0', id: 'evt-raw-1', time: 't', data: {} }, 'type is missing or not a string'],
		['without time', { specversion: '1.0', type, id: 'evt-raw-1', data: {} }, 'time is missing or not a string'],
		['without data', { specversion: '1.0', type, id: 'evt-raw-1', time: 't' }, 'data is missing or not an object'],
		[
			'with another id than X-Event-Id',
			{ specversion: '1.0', type, id: 'other', time: 't', data: {} },
			'differs from X-Event-Id',
		],
		[
			'with another tenant than X-Tenant',
			{ specversion: '1.0', type, id: 'evt-raw-1', time: 't', data: { tenant_name: 'globex', external_id: 'E1' } },
			'differs from X-Tenant',
		],
		[
			'of a known type without its external_id',
			{ specversion: '1.0', type, id: 'evt-raw-1', time: 't', data: { tenant_name: TENANT } },
			'data.external_id is missing',
		],
	])('a validly signed body %s → 400 saying what is wrong', async (_name, body, message) => {
		await withTrigger({}, async (server) => {
			const bytes = Buffer.from(typeof body === 'string' ? body : JSON.stringify(body));
			const reply = await post(server, bytes, signRaw(bytes));
			expect(reply.status).toBe(400);
			expect(reply.body).toMatchObject({ status: 'rejected', reason: 'invalid_cloudevent' });
			expect(reply.body.message).toContain(message);
			expect(server.emitted).toHaveLength(0);
		});
	});

	test('a validly signed non-UTF-8 body → 400; the same body with any signature change → 401', async () => {
		await withTrigger({}, async (server) => {
			const bytes = Buffer.from([0x7b, 0x22, 0xff, 0x22, 0x7d]);
			const headers = signRaw(bytes);
			expect(await post(server, bytes, headers)).toMatchObject({
				status: 400,
				body: { message: 'The body is not valid UTF-8' },
			});
			expect((await post(server, bytes, { ...headers, 'x-event-id': 'evt-raw-2' })).status).toBe(401);
		});
	});

	test('a changed credential is read again after at most 60 s; until then requests reuse its keys', async () => {
		const vault = vaultWithKeys(current.publicKeyHex);
		const now = Date.now();
		const clock = jest.spyOn(Date, 'now').mockReturnValue(now);
		try {
			await withTrigger(
				{},
				async (server) => {
					const byCurrent = () => delivery(type);
					const byNext = () => delivery(type, { keys: [next] });
					const status = async (signed: ReturnType<typeof delivery>) =>
						(await post(server, signed.body, signed.headers)).status;
					expect(await status(byCurrent())).toBe(200);
					vault.set(SIGNING_KEYS_CREDENTIAL, { publicKeys: next.publicKeyHex }); // the old key removed
					clock.mockReturnValue(now + 59_000);
					expect(await status(byCurrent())).toBe(200);
					expect(await status(byNext())).toBe(401);
					clock.mockReturnValue(now + 60_000);
					expect(await status(byCurrent())).toBe(401);
					expect(await status(byNext())).toBe(200);
				},
				current.publicKeyHex,
				vault,
			);
		} finally {
			clock.mockRestore();
		}
	});

	test('unusable signing keys: 500 without details to the sender (TechWolf retries later)', async () => {
		await withTrigger(
			{},
			async (server) => {
				const signed = delivery(type);
				expect(await post(server, signed.body, signed.headers)).toEqual({
					status: 500,
					body: { status: 'rejected', reason: 'misconfigured', message: 'The receiving workflow is misconfigured' },
				});
				expect(server.emitted).toHaveLength(0);
			},
			'0'.repeat(64),
		);
	});
});
