/**
 * The API credentials' Test button: the call TechWolf's Authentication page suggests to check a token, GET /version,
 * against the sandbox over HTTP: 200 with a token the sandbox issued, TechWolf's 401 without one.
 */
import { TechWolfApi } from '../../credentials/TechWolfApi.credentials';
import { TechWolfOAuth2Api } from '../../credentials/TechWolfOAuth2Api.credentials';
import { operationById } from '../../sandbox/contract';
import { expectTechWolfError, useSandbox } from '../sandbox/client';

const client = useSandbox();

const testRequests = {
	'TechWolf API': new TechWolfApi().test.request,
	'TechWolf OAuth2 API': new TechWolfOAuth2Api().test.request,
};

describe.each(Object.entries(testRequests))('%s credential', (_name, request) => {
	test('tests with GET /version, the documented token check', () => {
		expect(request).toEqual({ method: 'GET', url: '/version' });
		const operation = operationById('getVersion');
		expect(operation.documented).toBe(true);
		expect(operation.definition.description).toContain('To verify if your token works');
	});

	test('the sandbox answers it 200 with a valid token and 401 with a wrong one', async () => {
		const valid = await client.call(request.url ?? '', { method: request.method });
		expect(valid.status).toBe(200);
		expect(valid.body).toEqual({ version: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/) });
		expectTechWolfError(
			await client.call(request.url ?? '', {
				method: request.method,
				headers: { authorization: 'Bearer not-a-token' },
			}),
			401,
		);
	});
});
