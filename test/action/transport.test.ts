/**
 * Authentication, retries and error mapping, over real HTTP to the sandbox through n8n-core's
 * httpRequestWithAuthentication.
 */
import { retryAfterMs } from '../../nodes/TechWolf/transport';
import { actionHarness, type ActionHarness } from './setup';
import { API_CREDENTIAL } from '../../nodes/TechWolf/connection';

let harness: ActionHarness;
beforeEach(async () => {
	harness = await actionHarness();
});
afterEach(async () => {
	await harness.sandbox.stop();
});

const getProfile = { resource: 'employee', operation: 'getSkillProfile', employeeId: 'E1' };

describe('OAuth2 client credentials', () => {
	test("the token request is TechWolf's JSON body with tenant and audience; the token is reused", async () => {
		await harness.json(getProfile);
		await harness.json(getProfile);
		const stats = harness.sandbox.stats();
		expect(stats.tokenRequests).toBe(1);
		expect(stats.tokenRequestBodies[0]).toMatchObject({
			contentType: expect.stringContaining('application/json'),
			status: 200,
			body: {
				client_id: harness.sandbox.credentials.clientId,
				client_secret: harness.sandbox.credentials.clientSecret,
				audience: harness.sandbox.credentials.audience,
				grant_type: 'client_credentials',
				tenant: harness.sandbox.credentials.tenant,
			},
		});
		expect(stats.requestsByRoute['GET /employees/E1/skill_profile']).toBe(2);
	});

	test('an expired token is renewed once on a 401 and the request succeeds', async () => {
		await harness.json(getProfile);
		harness.sandbox.expireTokens();
		const [profile] = await harness.json(getProfile);
		expect(profile.external_id).toBe('E1');
		expect(harness.sandbox.stats().tokenRequests).toBe(2);
		expect(harness.vault.preAuthenticationCalls).toEqual([
			{ type: API_CREDENTIAL.oAuth2, expired: false },
			{ type: API_CREDENTIAL.oAuth2, expired: true },
		]);
	});

	test('scopes are sent as TechWolf documents them (a JSON array)', async () => {
		harness.vault.set(API_CREDENTIAL.oAuth2, { ...harness.vault.get(API_CREDENTIAL.oAuth2), scopes: 'read  write' });
		await harness.json(getProfile);
		expect(harness.sandbox.stats().tokenRequestBodies[0].body).toMatchObject({ scopes: ['read', 'write'] });
	});

	test('wrong client credentials: a message about the token, naming what to check', async () => {
		harness.vault.set(API_CREDENTIAL.oAuth2, { ...harness.vault.get(API_CREDENTIAL.oAuth2), clientSecret: 'wrong' });
		await expect(harness.run(getProfile)).rejects.toMatchObject({
			message: expect.stringContaining('Could not get a TechWolf access token (401'),
			description: expect.stringContaining('Client ID, Client Secret'),
		});
		expect(harness.sandbox.stats().apiRequests).toBe(0);
	});
});

describe('access token credential', () => {
	const withToken = (token: string) => {
		harness.vault.set(API_CREDENTIAL.accessToken, {
			region: 'custom',
			tenant: 'acme',
			baseUrl: harness.sandbox.url,
			accessToken: token,
		});
	};

	test('a valid token works without any token request', async () => {
		await harness.json(getProfile); // obtains a token through the OAuth2 credential
		const token = harness.vault.get(API_CREDENTIAL.oAuth2).accessToken as string;
		withToken(token);
		const before = harness.sandbox.stats().tokenRequests;
		const [profile] = await harness.json({ authentication: 'accessToken', ...getProfile });
		expect(profile.external_id).toBe('E1');
		expect(harness.sandbox.stats().tokenRequests).toBe(before);
	});

	test('an invalid token gives a 401 the user can act on', async () => {
		withToken('not-a-token');
		await expect(harness.run({ authentication: 'accessToken', ...getProfile })).rejects.toMatchObject({
			message: expect.stringMatching(/^TechWolf answered 401 Unauthorized to GET \/employees\/E1\/skill_profile/),
			httpCode: '401',
			description: expect.stringContaining('rejected the credentials'),
		});
	});
});

describe('retryAfterMs', () => {
	const now = Date.parse('2026-12-01T10:00:00Z');

	test('reads delay-seconds, surrounding spaces allowed', () => {
		expect(retryAfterMs('0', now)).toBe(0);
		expect(retryAfterMs('7', now)).toBe(7000);
		expect(retryAfterMs(' 120 ', now)).toBe(120_000);
	});

	test('reads an HTTP-date as the time left until it, never negative', () => {
		expect(retryAfterMs('Tue, 01 Dec 2026 10:00:30 GMT', now)).toBe(30_000);
		expect(retryAfterMs('Tue, 01 Dec 2026 09:59:00 GMT', now)).toBe(0);
	});

	test('is undefined when the header is absent, empty or unreadable', () => {
		// '-5', '1.5' and '2026-12-01' are neither delay-seconds nor an HTTP-date (RFC 9110 §10.2.3), though Date.parse
		// reads the first and last as dates.
		for (const value of [undefined, '', '   ', 'soon', 'Tuesday', 12, ['3'], '-5', '1.5', '2026-12-01']) {
			expect(retryAfterMs(value, now)).toBeUndefined();
		}
	});
});

describe('retries and errors', () => {
	test('a 429 with Retry-After is retried after the delay and succeeds', async () => {
		harness.sandbox.injectFault({ pathPrefix: '/employees/E1', status: 429, times: 1, retryAfter: 1 });
		const started = Date.now();
		const [profile] = await harness.json(getProfile);
		expect(profile.external_id).toBe('E1');
		expect(Date.now() - started).toBeGreaterThanOrEqual(950);
		expect(harness.sandbox.stats().requestsByRoute['GET /employees/E1/skill_profile']).toBe(2);
	});

	test('5xx answers are retried a bounded number of times', async () => {
		harness.sandbox.injectFault({ pathPrefix: '/employees/E1', status: 503, times: 2 });
		expect((await harness.json(getProfile))[0].external_id).toBe('E1');
		harness.sandbox.injectFault({ pathPrefix: '/employees/E1', status: 502, times: 3 });
		await expect(harness.run(getProfile)).rejects.toMatchObject({ httpCode: '502' });
		expect(harness.sandbox.stats().requestsByRoute['GET /employees/E1/skill_profile']).toBe(6);
	});

	test('a Retry-After beyond 30 s is not waited for: the error says so at once', async () => {
		harness.sandbox.injectFault({ pathPrefix: '/employees/E1', status: 429, times: 1, retryAfter: 120 });
		await expect(harness.run(getProfile)).rejects.toMatchObject({ httpCode: '429' });
		expect(harness.sandbox.stats().requestsByRoute['GET /employees/E1/skill_profile']).toBe(1);
	});

	test("TechWolf's error body becomes the message: 404, 400, 409", async () => {
		await expect(harness.run({ ...getProfile, employeeId: 'NOPE' })).rejects.toMatchObject({
			message: expect.stringMatching(/^TechWolf answered 404 Not Found to GET \/employees\/NOPE\/skill_profile: /),
			httpCode: '404',
		});
		await expect(
			harness.run({ resource: 'employee', operation: 'create', employeeId: 'E1', employeeJson: '{}' }),
		).rejects.toMatchObject({ httpCode: '409', description: expect.stringContaining('Update instead of Create') });
		await expect(
			harness.run({
				resource: 'taxonomy',
				operation: 'exportChanges',
				returnAll: false,
				limit: 500,
				filters: {},
			}),
		).resolves.toBeDefined(); // limits above 200 are paged, never sent as is
	});

	test('bad input is refused before any request, naming the field', async () => {
		for (const [employeeId, message] of [
			['', 'Employee ID is empty'],
			['E 1', 'Employee ID "E 1" is not a valid TechWolf ID'],
			['../admin', 'Employee ID "../admin" is not a valid TechWolf ID'],
			['x'.repeat(101), 'is not a valid TechWolf ID'],
		]) {
			await expect(harness.run({ ...getProfile, employeeId })).rejects.toMatchObject({
				message: expect.stringContaining(message),
			});
		}
		await expect(
			harness.run({ resource: 'employee', operation: 'create', employeeId: 'E900', employeeJson: '[1]' }),
		).rejects.toMatchObject({ message: 'More Fields (JSON) must be a JSON object' });
		await expect(
			harness.run({ resource: 'skill', operation: 'export', returnAll: true, filters: { skillIds: 'a,b c,d;e' } }),
		).rejects.toMatchObject({ message: 'Skill IDs "d;e" is not a valid TechWolf ID' });
		expect(harness.sandbox.stats().apiRequests).toBe(0);
	});

	test('Continue On Fail: each failing item becomes an error item paired with its input', async () => {
		const output = await harness.run(
			{ resource: 'employee', operation: 'getSkillProfile', employeeId: '={{ $json.id }}' },
			[{ json: { id: 'E1' } }, { json: { id: 'NOPE' } }, { json: { id: 'bad id' } }],
			{ continueOnFail: true },
		);
		expect(output.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
		expect(output[0].json.external_id).toBe('E1');
		expect(output[1].json).toMatchObject({ httpCode: '404', error: expect.stringContaining('404 Not Found') });
		expect(output[2].json.error).toContain('is not a valid TechWolf ID');
	});
});
