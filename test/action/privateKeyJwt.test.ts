/**
 * Private-key JWT client authentication through n8n's credential handling (preAuthentication), against the sandbox's
 * token endpoint, which verifies each assertion with the registered public key (`sandbox/clientAssertion.ts`).
 */
import { generateKeyPairSync } from 'node:crypto';

import { oauth2CredentialData, type ClientAuthentication } from '../../sandbox/server';
import { actionHarness, type ActionHarness } from './setup';
import { API_CREDENTIAL } from '../../nodes/TechWolf/connection';

let harness: ActionHarness;
beforeAll(async () => {
	harness = await actionHarness();
});
afterAll(async () => {
	await harness.sandbox.stop();
});
beforeEach(() => harness.sandbox.reset());

const getProfile = { resource: 'employee', operation: 'getSkillProfile', employeeId: 'E1' };

function useCredential(method: ClientAuthentication, overrides: Record<string, string> = {}): void {
	harness.vault.set(API_CREDENTIAL.oAuth2, {
		...oauth2CredentialData(harness.sandbox, method),
		...overrides,
		accessToken: '',
	});
}

function lastTokenBody(): Record<string, unknown> {
	return harness.sandbox.stats().tokenRequestBodies.pop()?.body as Record<string, unknown>;
}

function decodeAssertion(assertion: unknown): { header: Record<string, unknown>; payload: Record<string, unknown> } {
	const [header, payload] = String(assertion).split('.');
	return {
		header: JSON.parse(Buffer.from(header ?? '', 'base64url').toString()),
		payload: JSON.parse(Buffer.from(payload ?? '', 'base64url').toString()),
	};
}

afterAll(() => useCredential('clientSecret'));

test.each([
	['privateKeyJwtRsa', 'RS256'],
	['privateKeyJwtEc', 'ES256'],
] as const)(
	'%s: the token request carries a %s client assertion and no secret; the API call succeeds',
	async (method, alg) => {
		useCredential(method);
		const [profile] = await harness.json(getProfile);
		expect(profile.external_id).toBe('E1');
		const body = lastTokenBody();
		expect(body).toMatchObject({
			client_id: harness.sandbox.credentials.clientId,
			client_assertion_type: 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer',
			grant_type: 'client_credentials',
			tenant: harness.sandbox.credentials.tenant,
			audience: harness.sandbox.credentials.audience,
		});
		expect(body).not.toHaveProperty('client_secret');
		const { header, payload } = decodeAssertion(body.client_assertion);
		expect(header).toEqual({ alg, typ: 'JWT' });
		expect(payload).toMatchObject({
			iss: harness.sandbox.credentials.clientId,
			sub: harness.sandbox.credentials.clientId,
			aud: harness.sandbox.tokenUrl,
		});
	},
);

test('the sandbox refuses a replayed assertion', async () => {
	useCredential('privateKeyJwtRsa');
	await harness.json(getProfile);
	const replay = await fetch(harness.sandbox.tokenUrl, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify(lastTokenBody()),
	});
	expect(replay.status).toBe(401);
	expect(await replay.json()).toEqual({
		error: 'invalid_client',
		error_description: 'The client assertion was already used (replayed jti)',
	});
});

test('a key TechWolf did not register is refused by the token endpoint, and the error says so', async () => {
	const stranger = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({
		type: 'pkcs8',
		format: 'pem',
	});
	useCredential('privateKeyJwtRsa', { privateKey: String(stranger) });
	await expect(harness.run(getProfile)).rejects.toMatchObject({
		message: expect.stringContaining('Invalid signature for the client assertion'),
	});
	expect(harness.sandbox.stats().apiRequests).toBe(0);
});

test('a key the signer cannot use is refused before any request, naming the field', async () => {
	useCredential('privateKeyJwtRsa', { privateKey: harness.sandbox.credentials.clientKeys.rsa.publicKeyPem });
	await expect(harness.run(getProfile)).rejects.toMatchObject({
		message: expect.stringContaining('Private Key holds a public key'),
	});
	expect(harness.sandbox.stats().tokenRequests).toBe(0);
});
