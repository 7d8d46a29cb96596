import {
	AccessTokenVerifier,
	DEFAULT_ALGORITHMS,
	JwksCache,
} from '../../nodes/TechWolfTrigger/verification/accessToken';
import { startAuthorizationServer, type AuthorizationServer } from '../../e2e/services/authorization-server';
import { EndpointTokenClient, EndpointTokenError } from '../../sandbox/endpointToken';

/** The JWKS fetched over real HTTP, as n8n's request helper would. */
async function httpFetch(url: string): Promise<unknown> {
	const response = await fetch(url);
	if (!response.ok) throw new Error(`Request failed with status code ${response.status}`);
	return await response.text();
}

const now = () => Math.floor(Date.now() / 1000);

describe('sandbox authorization server and TechWolf token client', () => {
	let server: AuthorizationServer;

	beforeEach(async () => {
		server = await startAuthorizationServer({ audiences: ['https://n8n.test/techwolf', 'urn:other'] });
	});
	afterEach(async () => {
		await server.stop();
	});

	function verifier(): AccessTokenVerifier {
		return new AccessTokenVerifier(
			{ issuer: server.issuer, audience: 'https://n8n.test/techwolf', algorithms: DEFAULT_ALGORITHMS },
			{ kind: 'jwks', url: server.jwksUrl },
			new JwksCache(),
		);
	}

	function client(overrides: Partial<ConstructorParameters<typeof EndpointTokenClient>[0]> = {}): EndpointTokenClient {
		return new EndpointTokenClient({
			tokenUrl: server.tokenUrl,
			clientId: server.client.clientId,
			clientSecret: server.client.clientSecret,
			scope: 'webhooks:deliver',
			extraParameters: { audience: 'https://n8n.test/techwolf' },
			...overrides,
		});
	}

	test('TechWolf fetches a token once, sends it with each delivery, and the trigger verifies it', async () => {
		const sender = client();
		const check = verifier();
		for (let i = 0; i < 3; i++) {
			const result = await check.verify(await sender.authorization(), httpFetch, now());
			expect(result).toMatchObject({ ok: true, subject: server.client.clientId, scopes: ['webhooks:deliver'] });
		}
		expect(sender.tokenRequests).toBe(1);
		expect(server.stats()).toMatchObject({ tokenRequests: 1, tokensIssued: 1, jwksRequests: 1 });
		expect(server.stats().tokenRequestLog).toEqual([{ status: 200, clientAuthentication: 'basic' }]);
	});

	test('the token endpoint refuses what an authorization server refuses', async () => {
		await expect(client({ clientSecret: 'wrong' }).authorization()).rejects.toThrow(EndpointTokenError);
		await expect(client({ clientSecret: 'wrong' }).authorization()).rejects.toThrow(/401: invalid_client/);
		await expect(client({ scope: 'admin' }).authorization()).rejects.toThrow(/400: invalid_scope/);
		await expect(client({ extraParameters: { audience: 'urn:unknown' } }).authorization()).rejects.toThrow(
			/400: invalid_target/,
		);
		await expect(client({ extraParameters: { resource: 'urn:other' } }).authorization()).resolves.toMatch(/^Bearer /);
		const formWithoutGrant = await fetch(server.tokenUrl, {
			method: 'POST',
			headers: { 'content-type': 'application/x-www-form-urlencoded' },
			body: 'client_id=techwolf-webhooks',
		});
		expect(formWithoutGrant.status).toBe(400);
		expect(await formWithoutGrant.json()).toMatchObject({ error: 'invalid_request' });
		// Client secret in the body (client_secret_post) and a JSON body, as Auth0 accepts, work too.
		const posted = await fetch(server.tokenUrl, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify({
				grant_type: 'client_credentials',
				client_id: server.client.clientId,
				client_secret: server.client.clientSecret,
			}),
		});
		expect(posted.status).toBe(200);
		expect(posted.headers.get('cache-control')).toBe('no-store');
		expect(await posted.json()).toMatchObject({ token_type: 'Bearer', expires_in: 3600, scope: 'webhooks:deliver' });
	});

	test('key rotation: tokens signed with the new key verify after the trigger fetches the key set again', async () => {
		const check = verifier();
		expect(
			(await check.verify(`Bearer ${server.issueToken({ audience: 'https://n8n.test/techwolf' })}`, httpFetch, now()))
				.ok,
		).toBe(true);
		const previous = server.currentKey();
		const next = server.rotateKeys({ retirePrevious: true, algorithm: 'EdDSA' });
		expect(server.jwks().keys.map((key) => key.kid)).toEqual([next.kid]);
		const fresh = `Bearer ${server.issueToken({ audience: 'https://n8n.test/techwolf' })}`;
		// Sixty seconds after the first fetch, the unknown kid makes the verifier fetch again.
		expect(await check.verify(fresh, httpFetch, now() + 61)).toMatchObject({
			ok: true,
			kid: next.kid,
			algorithm: 'EdDSA',
		});
		const old = `Bearer ${server.signToken(server.standardClaims({ aud: 'https://n8n.test/techwolf' }), { key: previous })}`;
		expect(await check.verify(old, httpFetch, now() + 200)).toMatchObject({ ok: false, reason: 'unknown_signing_key' });
		expect(server.stats().jwksRequests).toBe(3);
	});

	test('a JWKS fault makes the trigger answer 503, and the metadata names the JWKS', async () => {
		server.setJwksFault({ status: 200, body: 'not json', times: 1 });
		const result = await verifier().verify(
			`Bearer ${server.issueToken({ audience: 'https://n8n.test/techwolf' })}`,
			httpFetch,
			now(),
		);
		expect(result).toMatchObject({ ok: false, reason: 'jwks_unavailable', status: 503 });
		const metadata = (await (await fetch(`${server.url}/.well-known/oauth-authorization-server`)).json()) as Record<
			string,
			unknown
		>;
		expect(metadata).toMatchObject({
			issuer: server.issuer,
			jwks_uri: server.jwksUrl,
			token_endpoint: server.tokenUrl,
		});
	});
});
