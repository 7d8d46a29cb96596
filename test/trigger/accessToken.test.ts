/**
 * Require Access Token, at the HTTP level: real requests into the trigger's webhook() in n8n-core's WebhookContext,
 * signed by the sandbox's signer, with tokens from the sandbox's authorization server, whose JWKS the trigger fetches
 * over real HTTP through n8n's request helper.
 */
import type { ICredentialsDecrypted, ICredentialTestFunctions, IHookFunctions } from 'n8n-workflow';

import { TechWolfApi } from '../../credentials/TechWolfApi.credentials';
import { TechWolfOAuth2Api } from '../../credentials/TechWolfOAuth2Api.credentials';
import { TechWolfWebhookApi } from '../../credentials/TechWolfWebhookApi.credentials';
import { TechWolfWebhookJwksApi } from '../../credentials/TechWolfWebhookJwksApi.credentials';
import { TechWolfWebhookTokenKeyApi } from '../../credentials/TechWolfWebhookTokenKeyApi.credentials';
import {
	ACCESS_TOKEN_CREDENTIAL,
	JWKS_CREDENTIAL,
	PUBLIC_KEY_CREDENTIAL,
} from '../../nodes/TechWolfTrigger/verification/accessToken/credential';
import { techWolfAccessTokenKeysTest } from '../../nodes/TechWolfTrigger/credentialTests/accessTokenKeys';
import { TechWolfTrigger } from '../../nodes/TechWolfTrigger/TechWolfTrigger.node';
import { startAuthorizationServer, type AuthorizationServer } from '../../e2e/services/authorization-server';
import { buildEvent, postDelivery, signedDelivery } from '../../sandbox/events';
import { generateSigningKeyPair } from '../../sandbox/signer';
import { CredentialVault } from '../harness/n8nCoreContexts';
import { startTriggerServer, type TriggerServer } from '../harness/triggerServer';
import { SIGNING_KEYS_CREDENTIAL } from '../../nodes/TechWolfTrigger/verification/signature';

const AUDIENCE = 'https://n8n.test/techwolf';
const signing = generateSigningKeyPair();

let auth: AuthorizationServer;
beforeEach(async () => {
	auth = await startAuthorizationServer({ audiences: [AUDIENCE] });
});
afterEach(async () => {
	await auth.stop();
});

function vault(jwks: Record<string, string> = {}, pasted: Record<string, string> = {}): CredentialVault {
	const credentials = new CredentialVault({
		techWolfWebhookApi: new TechWolfWebhookApi(),
		techWolfWebhookJwksApi: new TechWolfWebhookJwksApi(),
		techWolfWebhookTokenKeyApi: new TechWolfWebhookTokenKeyApi(),
		techWolfOAuth2Api: new TechWolfOAuth2Api(),
		techWolfApi: new TechWolfApi(),
	});
	credentials.set(SIGNING_KEYS_CREDENTIAL, { publicKeys: signing.publicKeyHex });
	credentials.set(JWKS_CREDENTIAL, {
		jwksUrl: auth.jwksUrl,
		issuer: auth.issuer,
		audience: AUDIENCE,
		...jwks,
	});
	credentials.set(PUBLIC_KEY_CREDENTIAL, { issuer: auth.issuer, audience: AUDIENCE, ...pasted });
	return credentials;
}

/** Credential ids are new per test: the trigger reuses what it read for the same id for a minute. */
let credentialSerial = 0;

async function withTrigger(
	keys: 'jwks' | 'publicKey',
	credentials: CredentialVault,
	run: (server: TriggerServer) => Promise<void>,
	requireAccessToken: boolean | string = true,
): Promise<void> {
	const server = await startTriggerServer(
		{
			nodeType: new TechWolfTrigger(),
			parameters: { events: ['*'], requireAccessToken, accessTokenKeys: keys },
			credentials: {
				techWolfWebhookApi: `signing-${++credentialSerial}`,
				[ACCESS_TOKEN_CREDENTIAL[keys]]: `token-${credentialSerial}`,
			},
		},
		credentials,
	);
	try {
		await run(server);
		expect(server.errors).toEqual([]);
	} finally {
		await server.close();
	}
}

/** A delivery as TechWolf sends it: signed, and with the token when one is given. */
async function deliver(server: TriggerServer, authorization?: string, privateKey = signing.privateKey) {
	const event = buildEvent('employee.skill_profile.updated', { tenant: 'acme', externalId: 'E1' });
	const delivery = signedDelivery(event, { privateKeys: [privateKey] });
	const response = await fetch(server.url, {
		method: 'POST',
		body: delivery.body,
		headers: { ...delivery.headers, ...(authorization ? { authorization } : {}) },
	});
	return { status: response.status, body: (await response.json()) as Record<string, string> };
}

/** A delivery with the Authorization header on as many lines as given. */
async function deliverLines(server: TriggerServer, authorization: readonly string[]) {
	const event = buildEvent('employee.skill_profile.updated', { tenant: 'acme', externalId: 'E1' });
	const delivery = signedDelivery(event, { privateKeys: [signing.privateKey] });
	const reply = await postDelivery(server.url, {
		body: delivery.body,
		headers: { ...delivery.headers, authorization },
	});
	return { status: reply.status, body: JSON.parse(reply.body) as Record<string, string> };
}

/** What activation (webhookMethods.default.create) reads of n8n's hook context: the node, its parameters and credentials. */
function hookContext(credentials: CredentialVault): IHookFunctions {
	const parameters: Record<string, unknown> = { events: ['*'], requireAccessToken: true, accessTokenKeys: 'jwks' };
	return {
		getNode: () => ({ credentials: {} }),
		getNodeParameter: (name: string, fallback: unknown) => parameters[name] ?? fallback,
		getCredentials: async (type: string) => credentials.get(type),
		helpers: {},
	} as unknown as IHookFunctions;
}

describe('TechWolf Trigger: Require Access Token (JWKS URL)', () => {
	test('a signed delivery with a valid token is accepted; the JWKS is fetched once for many', async () => {
		await withTrigger('jwks', vault(), async (server) => {
			for (let i = 0; i < 3; i++) {
				const reply = await deliver(server, `Bearer ${auth.issueToken()}`);
				expect(reply).toMatchObject({ status: 200, body: { status: 'accepted' } });
			}
			expect(server.emitted).toHaveLength(3);
			expect(auth.stats().jwksRequests).toBe(1);
		});
	});

	test('switched on by an expression that yields "true": a delivery without a token is 401, nothing emitted', async () => {
		await withTrigger(
			'jwks',
			vault(),
			async (server) => {
				expect(await deliver(server)).toMatchObject({ status: 401, body: { reason: 'missing_access_token' } });
				expect(await deliver(server, `Bearer ${auth.issueToken()}`)).toMatchObject({ status: 200 });
				expect(server.emitted).toHaveLength(1);
			},
			'={{ "true" }}',
		);
	});

	test('without a token, or with a bad one, 401 with its reason and nothing emitted', async () => {
		await withTrigger('jwks', vault(), async (server) => {
			const other = auth.signToken(auth.standardClaims({ aud: 'https://someone-else' }));
			const expired = auth.signToken(auth.standardClaims({ exp: Math.floor(Date.now() / 1000) - 3600 }));
			const header = Buffer.from('{"alg":"none"}').toString('base64url');
			const unsigned = `${header}.${auth.issueToken().split('.')[1]}.`;
			for (const [authorization, reason] of [
				[undefined, 'missing_access_token'],
				[`Basic ${Buffer.from('a:b').toString('base64')}`, 'malformed_authorization'],
				[`Bearer ${other}`, 'wrong_audience'],
				[`Bearer ${expired}`, 'expired_access_token'],
				[`Bearer ${unsigned}`, 'unsupported_algorithm'],
			] as const) {
				expect(await deliver(server, authorization)).toEqual({
					status: 401,
					body: { status: 'rejected', reason, message: expect.any(String) },
				});
			}
			expect(server.emitted).toHaveLength(0);
		});
	});

	test("TechWolf's signature is checked before the JWKS is fetched: a forged delivery never reaches the authorization server", async () => {
		await withTrigger('jwks', vault(), async (server) => {
			const reply = await deliver(server, `Bearer ${auth.issueToken()}`, generateSigningKeyPair().privateKey);
			expect(reply).toMatchObject({ status: 401, body: { reason: 'no_matching_signature' } });
			expect(auth.stats().jwksRequests).toBe(0);
		});
	});

	test('an authorization server that rotated to an ES256 key: its tokens verify with the key set it publishes', async () => {
		await withTrigger('jwks', vault(), async (server) => {
			auth.rotateKeys({ retirePrevious: true, algorithm: 'ES256' });
			expect(await deliver(server, `Bearer ${auth.issueToken()}`)).toMatchObject({ status: 200 });
			expect(auth.stats().jwksRequests).toBe(1);
		});
	});

	test('a JWKS that cannot be loaded: 503 (TechWolf delivers again), logged, nothing emitted', async () => {
		auth.setJwksFault({ status: 200, body: '<html>maintenance</html>' });
		await withTrigger('jwks', vault(), async (server) => {
			const reply = await deliver(server, `Bearer ${auth.issueToken()}`);
			expect(reply).toEqual({
				status: 503,
				body: { status: 'rejected', reason: 'jwks_unavailable', message: expect.stringMatching(/later/) },
			});
			expect(JSON.stringify(reply.body)).not.toContain(auth.jwksUrl);
			expect(server.emitted).toHaveLength(0);
		});
	});

	test('the access-token credential is read once a minute, not per delivery (like the signing keys)', async () => {
		const credentials = vault();
		await withTrigger('jwks', credentials, async (server) => {
			expect(await deliver(server, `Bearer ${auth.issueToken()}`)).toMatchObject({ status: 200 });
			// A change to the credential takes effect within CREDENTIAL_REUSE_SECONDS: the next delivery still uses
			// what the first one read.
			credentials.set(JWKS_CREDENTIAL, {
				jwksUrl: auth.jwksUrl,
				issuer: 'https://changed/',
				audience: AUDIENCE,
			});
			expect(await deliver(server, `Bearer ${auth.issueToken()}`)).toMatchObject({ status: 200 });
		});
		await withTrigger('jwks', credentials, async (server) => {
			// Another trigger (another credential id) reads the credential as it is now.
			expect(await deliver(server, `Bearer ${auth.issueToken()}`)).toMatchObject({
				status: 401,
				body: { reason: 'wrong_issuer' },
			});
		});
	});

	test('unusable access-token settings are a 500 misconfiguration, not the sender’s fault', async () => {
		await withTrigger('jwks', vault({ issuer: '' }), async (server) => {
			expect(await deliver(server, `Bearer ${auth.issueToken()}`)).toMatchObject({
				status: 500,
				body: { reason: 'misconfigured' },
			});
		});
	});
});

describe('TechWolf Trigger: what a sender controls in the Authorization header', () => {
	test('Authorization on two lines → 401, whichever line holds the valid token; the JWKS is not fetched', async () => {
		await withTrigger('jwks', vault(), async (server) => {
			const valid = `Bearer ${auth.issueToken()}`;
			for (const lines of [
				[valid, 'Bearer forged'],
				['Bearer forged', valid],
				[valid, valid],
				[valid, ''],
			]) {
				expect(await deliverLines(server, lines)).toEqual({
					status: 401,
					body: {
						status: 'rejected',
						reason: 'malformed_authorization',
						message: 'Authorization is sent more than once: send it on one line',
					},
				});
			}
			expect(server.emitted).toHaveLength(0);
			expect(auth.stats().jwksRequests).toBe(0);
			expect(await deliverLines(server, [valid])).toMatchObject({ status: 200 });
		});
	});

	test('a kid the sender chose reaches the log and the rejection escaped and bounded, never as a line of its own', async () => {
		const kid = `k\n2026-01-01T00:00:00.000Z | info | forged line \u202e\u0000${'x'.repeat(200)}`;
		const token = `Bearer ${auth.signToken(auth.standardClaims(), { header: { kid } })}`;
		const now = Date.now();
		const clock = jest.spyOn(Date, 'now').mockReturnValue(now);
		try {
			await withTrigger('jwks', vault(), async (server) => {
				// Unknown kid, the key set just fetched: 401, logged at debug.
				const unknown = await deliver(server, token);
				expect(unknown).toMatchObject({ status: 401, body: { reason: 'unknown_signing_key' } });
				const rejection = String((unknown.body as { message?: unknown }).message);
				expect(rejection).not.toMatch(/[\n\r\u202e]/);
				expect(rejection).not.toContain('\u0000');
				expect(rejection).toContain('k\\n2026-01-01T00:00:00.000Z');
				// Again a few seconds later, before the key set may be fetched again: 503, logged as a warning.
				clock.mockReturnValue(now + 5000);
				expect(await deliver(server, token)).toMatchObject({ status: 503, body: { reason: 'jwks_unavailable' } });
				const quoting = server.logged.filter((line) => line.message.includes('forged line'));
				expect(quoting.map((line) => line.level)).toEqual(['debug', 'warn']);
				for (const { message } of quoting) {
					expect(message).toContain('k\\n2026-01-01T00:00:00.000Z | info | forged line \\u{202e}\\x00xxx');
					expect(message).not.toContain('x'.repeat(64));
				}
				for (const { message } of server.logged) {
					expect(message).not.toMatch(/[\n\r\u202e]/);
					expect(message).not.toContain('\u0000');
				}
			});
		} finally {
			clock.mockRestore();
		}
	});
});

describe('TechWolf Trigger: a plain-http JWKS URL', () => {
	test('is refused at activation unless the JWKS is on this machine, with a message that says so', async () => {
		const activate = (jwksUrl: string) => {
			const credentials = vault({ jwksUrl });
			return new TechWolfTrigger().webhookMethods.default.create.call(hookContext(credentials));
		};
		await expect(activate('http://auth.example.com/.well-known/jwks.json')).rejects.toThrow(
			'TechWolf Trigger cannot start: JWKS URL must start with https://: plain http:// is accepted only for a JWKS on this machine (localhost, 127.0.0.0/8 or [::1]), not for auth.example.com',
		);
		await expect(activate('http://10.0.0.7/jwks')).rejects.toThrow(/only for a JWKS on this machine/);
		await expect(activate(auth.jwksUrl)).resolves.toBe(true);
		await expect(activate('https://auth.example.com/.well-known/jwks.json')).resolves.toBe(true);
	});

	test('a delivery to a trigger whose JWKS URL is plain http elsewhere is a 500 misconfiguration, nothing fetched', async () => {
		await withTrigger('jwks', vault({ jwksUrl: 'http://auth.example.com/jwks' }), async (server) => {
			expect(await deliver(server, `Bearer ${auth.issueToken()}`)).toMatchObject({
				status: 500,
				body: { reason: 'misconfigured' },
			});
			expect(server.logged).toEqual([
				{ level: 'error', message: expect.stringMatching(/only for a JWKS on this machine/) },
			]);
		});
	});
});

describe('TechWolf Trigger: Require Access Token (pasted public key)', () => {
	const pem = () => auth.currentKey().publicKey.export({ format: 'pem', type: 'spki' }).toString();

	test('a valid token passes and a tampered one does not', async () => {
		await withTrigger('publicKey', vault({}, { publicKeys: pem() }), async (server) => {
			const token = auth.issueToken();
			expect(await deliver(server, `Bearer ${token}`)).toMatchObject({ status: 200 });
			const [header, payload, signature] = token.split('.') as [string, string, string];
			const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Record<string, unknown>;
			const forged = Buffer.from(JSON.stringify({ ...claims, scope: `${String(claims.scope)} admin` })).toString(
				'base64url',
			);
			const reply = await deliver(server, `Bearer ${header}.${forged}.${signature}`);
			expect(reply).toMatchObject({ status: 401, body: { reason: 'invalid_token_signature' } });
			expect(server.emitted).toHaveLength(1);
		});
	});

	test('the credential test reads the keys and the policy', async () => {
		const run = (data: Record<string, unknown>) =>
			techWolfAccessTokenKeysTest.call(
				{} as ICredentialTestFunctions,
				{
					id: '1',
					name: 'keys',
					type: PUBLIC_KEY_CREDENTIAL,
					data: { issuer: auth.issuer, audience: AUDIENCE, algorithms: ['RS256'], ...data },
				} as ICredentialsDecrypted,
			);
		expect(await run({ publicKeys: pem() })).toEqual({ status: 'OK', message: 'The key is usable: RSA 2048-bit key' });
		expect(await run({ publicKeys: 'nope' })).toMatchObject({ status: 'Error', message: expect.stringMatching(/PEM/) });
		expect(await run({ publicKeys: pem(), audience: '' })).toMatchObject({
			message: expect.stringMatching(/Audience/),
		});
	});
});

test('the credential names the trigger uses are the credential classes’ names', () => {
	expect(ACCESS_TOKEN_CREDENTIAL).toEqual({
		jwks: new TechWolfWebhookJwksApi().name,
		publicKey: new TechWolfWebhookTokenKeyApi().name,
	});
	const listed = new TechWolfTrigger().description.credentials?.map((credential) => credential.name);
	expect(listed).toEqual([SIGNING_KEYS_CREDENTIAL, ...Object.values(ACCESS_TOKEN_CREDENTIAL)]);
});
