/** The sandbox's token endpoint (JSON body with tenant and audience) and the Bearer check in front of every route. */
import { expectTechWolfError, useSandbox } from './client';

const client = useSandbox();

describe('token endpoint', () => {
	test('issues a Bearer token for a JSON body with tenant and audience, and records that body', async () => {
		const response = await client.tokenRequest(client.validTokenBody());
		expect(response.status).toBe(200);
		expect(await response.json()).toEqual({
			access_token: expect.any(String),
			expires_in: 10800,
			scope: 'read write',
			token_type: 'Bearer',
		});
		expect(client.sandbox.stats().tokenRequestBodies).toEqual([
			{ contentType: 'application/json', body: client.validTokenBody(), status: 200 },
		]);
	});

	test('refuses a form-encoded body, a missing tenant, a wrong secret, audience or tenant', async () => {
		const form = new URLSearchParams(client.validTokenBody()).toString();
		const cases: [Record<string, unknown> | string, string | undefined, number, string][] = [
			[form, 'application/x-www-form-urlencoded', 400, 'invalid_request'],
			[{ ...client.validTokenBody(), tenant: undefined }, undefined, 400, 'invalid_request'],
			[{ ...client.validTokenBody(), client_secret: 'wrong' }, undefined, 401, 'access_denied'],
			[{ ...client.validTokenBody(), audience: 'us3.techwolf.ai' }, undefined, 403, 'access_denied'],
			[{ ...client.validTokenBody(), tenant: 'globex' }, undefined, 403, 'access_denied'],
		];
		for (const [body, contentType, status, error] of cases) {
			const response = await client.tokenRequest(body, contentType);
			expect({ status: response.status, body: await response.json() }).toEqual({
				status,
				body: { error, error_description: expect.any(String) },
			});
		}
	});
});

describe('API authentication', () => {
	test('no token and an expired token get 401 with TechWolf’s array body', async () => {
		expectTechWolfError(await client.call('/employees', { headers: { authorization: '' } }), 401);
		const shortLived = await client.newToken();
		expect((await client.call('/employees/E1', { headers: { authorization: `Bearer ${shortLived}` } })).status).toBe(
			200,
		);
		client.sandbox.expireTokens();
		const expired = await client.call('/employees/E1', { headers: { authorization: `Bearer ${shortLived}` } });
		expectTechWolfError(expired, 401);
		expect(JSON.stringify(expired.body)).toContain('expired');
		client.token = await client.newToken();
	});

	test('unknown route → 404, wrong method → 405 with Allow, malformed path id → 400', async () => {
		expectTechWolfError(await client.call('/no_such_resource/V1'), 404);
		const wrongMethod = await client.call('/employees/E1', { method: 'PUT' });
		expectTechWolfError(wrongMethod, 405);
		expect(wrongMethod.headers.get('allow')).toBe('GET, PATCH, DELETE');
		expectTechWolfError(await client.call('/employees/not%20valid/skill_profile'), 400);
	});
});
