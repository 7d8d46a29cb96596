/**
 * The credentials inside n8n: the action node gets and renews its token through n8n's own credential handling
 * (the credential's preAuthentication and n8n's expirable token), and every credential's Test button, called the way
 * the editor calls it (POST /rest/credentials/test), tells a working credential from a broken one.
 */
import * as assert from 'node:assert/strict';

import { findEvent, type CatalogEntry } from '../nodes/shared/events';
import { oauth2CredentialData } from '../sandbox/server';
import type { N8nCredentialTestResult } from './n8n/rest-types';
import type { TestCase } from './test-case';
import { tokenRequestsByN8n } from './sandbox-client';
import { restOf, type SuiteContext } from './suite-context';
import { deliverAndCheckRun } from './event-run';
import { SIGNING_KEYS_CREDENTIAL } from '../nodes/TechWolfTrigger/verification/signature';
import { API_CREDENTIAL } from '../nodes/TechWolf/connection';

const EMPLOYEE_EVENT = findEvent('employee.skill_profile.updated') as CatalogEntry;
const ALL_ZERO_KEY = '0'.repeat(64);

function assertTokenRequestAsDocumented(context: SuiteContext, body: unknown): void {
	const { credentials } = context.playground.sandbox;
	assert.deepEqual(
		body,
		{
			client_id: credentials.clientId,
			client_secret: credentials.clientSecret,
			audience: credentials.audience,
			grant_type: 'client_credentials',
			tenant: credentials.tenant,
		},
		'the token request body is not the JSON TechWolf documents',
	);
}

function assertTestResult(result: N8nCredentialTestResult, status: 'OK' | 'Error', messagePart?: string): void {
	assert.equal(result.status, status, `the Test button said ${result.status}: ${result.message}`);
	if (messagePart)
		assert.ok(result.message.includes(messagePart), `the message lacks "${messagePart}": ${result.message}`);
}

/** Creates a credential for one test, runs the Test button on it, and deletes it again (it is not the suite's). */
async function testTemporaryCredential(
	context: SuiteContext,
	type: string,
	name: string,
	data: Record<string, unknown>,
): Promise<N8nCredentialTestResult> {
	const rest = restOf(context);
	const credential = await rest.createCredential(type, `e2e: ${name}`, data);
	try {
		return await rest.testCredential(credential.id);
	} finally {
		await rest.request('DELETE', `/credentials/${encodeURIComponent(credential.id)}`);
	}
}

/** Run these before anything else that calls the sandbox through n8n: the first test sees n8n's first token request. */
export function credentialHandlingTests(context: SuiteContext): TestCase[] {
	return [
		{
			name: "Get Resource authenticates through n8n's credential handling: a JSON token request with tenant and audience",
			run: async () => {
				const { sandbox } = context.playground;
				const before = tokenRequestsByN8n(sandbox).length;
				await deliverAndCheckRun(context, EMPLOYEE_EVENT);
				const requests = tokenRequestsByN8n(sandbox);
				assert.ok(requests.length > 0, 'n8n made no token request, yet the API accepted its calls');
				assert.ok(requests.length - before <= 1, `one event caused ${requests.length - before} token requests`);
				for (const request of requests) {
					assert.equal(request.contentType, 'application/json', 'the token request is not JSON');
					assert.equal(request.status, 200, `the sandbox refused a token request: ${JSON.stringify(request.body)}`);
					assertTokenRequestAsDocumented(context, request.body);
				}
			},
		},
		{
			name: 'after the sandbox expires every token, the next event still resolves: n8n renews the token once',
			run: async () => {
				const { sandbox } = context.playground;
				let tokenRequestsBefore = 0;
				let apiRequestsBefore = 0;
				// Counted at the moment of expiry: the suite's own sandbox calls before it are not n8n's.
				await deliverAndCheckRun(context, EMPLOYEE_EVENT, () => {
					tokenRequestsBefore = tokenRequestsByN8n(sandbox).length;
					apiRequestsBefore = sandbox.stats().recentRequests.length;
					// The sandbox keeps the last 1000 requests only; slicing by index needs all of them.
					assert.ok(apiRequestsBefore < 900, 'run this test before the sandbox has seen 900 requests');
					sandbox.expireTokens();
				});
				const renewals = tokenRequestsByN8n(sandbox).slice(tokenRequestsBefore);
				assert.equal(renewals.length, 1, `expected one new token request, n8n made ${renewals.length}`);
				assert.equal(renewals[0]?.status, 200);
				assertTokenRequestAsDocumented(context, renewals[0]?.body);
				// The expired token was tried first and refused; the renewed one then succeeded.
				const profileCalls = sandbox
					.stats()
					.recentRequests.slice(apiRequestsBefore)
					.filter((request) => request.path === '/employees/E1/skill_profile')
					.map((request) => request.status);
				assert.deepEqual(profileCalls, [401, 200], `the API saw ${JSON.stringify(profileCalls)}`);
			},
		},
	];
}

export function credentialTestButtonTests(context: SuiteContext): TestCase[] {
	const accessTokenData = (accessToken: string): Record<string, string> => {
		const { sandbox } = context.playground;
		return { region: 'custom', tenant: sandbox.credentials.tenant, baseUrl: sandbox.url, accessToken };
	};
	return [
		{
			name: 'Test button: TechWolf OAuth2 API credential → OK',
			run: async () =>
				assertTestResult(await restOf(context).testCredential(context.playground.credentialIds.oauth2), 'OK'),
		},
		{
			name: 'Test button: TechWolf OAuth2 API credential with a wrong client secret → Error',
			run: async () =>
				assertTestResult(
					await testTemporaryCredential(context, API_CREDENTIAL.oAuth2, 'OAuth2 with a wrong client secret', {
						...oauth2CredentialData(context.playground.sandbox),
						clientSecret: 'not-the-client-secret',
					}),
					'Error',
				),
		},
		{
			name: 'Test button: TechWolf API credential with a token from the sandbox → OK',
			run: async () =>
				assertTestResult(
					await testTemporaryCredential(
						context,
						API_CREDENTIAL.accessToken,
						'access token from the sandbox',
						accessTokenData(await context.sandboxClient.fetchToken()),
					),
					'OK',
				),
		},
		{
			name: 'Test button: TechWolf API credential with a bogus token → Error',
			run: async () =>
				assertTestResult(
					await testTemporaryCredential(
						context,
						API_CREDENTIAL.accessToken,
						'bogus access token',
						accessTokenData('bogus-token'),
					),
					'Error',
				),
		},
		{
			name: 'Test button: TechWolf Webhook API credential → OK, naming the key',
			run: async () =>
				assertTestResult(
					await restOf(context).testCredential(context.playground.credentialIds.webhook),
					'OK',
					context.playground.signingKey.publicKeyHex.slice(0, 16),
				),
		},
		{
			name: 'Test button: TechWolf Webhook API credential with an all-zero key → Error naming the key',
			run: async () => {
				const result = await testTemporaryCredential(context, SIGNING_KEYS_CREDENTIAL, 'all-zero signing key', {
					publicKeys: ALL_ZERO_KEY,
				});
				assertTestResult(result, 'Error', 'Key 1');
				assert.ok(
					result.message.includes(ALL_ZERO_KEY.slice(0, 8)),
					`the message does not show the key: ${result.message}`,
				);
			},
		},
	];
}
