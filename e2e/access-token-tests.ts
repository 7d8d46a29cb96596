/**
 * Require Access Token in a real n8n: a second copy of the example workflow whose trigger requires a token, a JWKS
 * credential pointing at the sandbox's authorization server (the consumer's own), and deliveries that carry the token
 * TechWolf fetched there with client credentials (sandbox/endpointToken.ts), or none, or a bad one.
 */
import * as assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';

import { startAuthorizationServer, type AuthorizationServer } from './services/authorization-server';
import { EndpointTokenClient } from '../sandbox/endpointToken';
import { assertAcknowledged, assertRejected, newEvent, post, sign, type Delivery } from './deliveries';
import { assertNewExecutions, assertNoNewExecution } from './executions';
import { sleep } from './n8n/helpers';
import { exampleWorkflowWith, webhookIdOf } from './playground';
import type { TestCase } from './test-case';
import { restOf, type SuiteContext } from './suite-context';
import { JWKS_CREDENTIAL, PUBLIC_KEY_CREDENTIAL } from '../nodes/TechWolfTrigger/verification/accessToken/credential';

interface Protected {
	auth: AuthorizationServer;
	sender: EndpointTokenClient;
	workflowId: string;
	webhookUrl: string;
}

/** The audience the consumer configured at its authorization server for TechWolf's tokens. */
const AUDIENCE = 'https://n8n.e2e/techwolf';

/** A copy of the example workflow whose trigger requires a token checked with the JWKS credential `credential`. */
function workflowRequiringToken(context: SuiteContext, name: string, credential: { id: string; name: string }) {
	const workflow = exampleWorkflowWith(context.playground.credentialIds);
	workflow.name = name;
	delete (workflow as { id?: string }).id;
	const trigger = workflow.nodes.find((node) => node.type === 'n8n-nodes-techwolf.techWolfTrigger');
	assert.ok(trigger, 'the example has no TechWolf Trigger');
	trigger.webhookId = randomUUID();
	trigger.parameters = { ...(trigger.parameters as object), requireAccessToken: true, accessTokenKeys: 'jwks' };
	trigger.credentials = {
		...(trigger.credentials as object),
		techWolfWebhookJwksApi: { id: credential.id, name: credential.name },
	};
	return workflow;
}

async function protectedWorkflow(context: SuiteContext): Promise<Protected> {
	const { playground } = context;
	const rest = restOf(context);
	const auth = await startAuthorizationServer({ audiences: [AUDIENCE] });
	const credential = await rest.createCredential(JWKS_CREDENTIAL, 'Our authorization server (sandbox)', {
		jwksUrl: auth.jwksUrl,
		issuer: auth.issuer,
		audience: AUDIENCE,
		requiredScopes: auth.client.scopes.join(' '),
	});
	const workflow = workflowRequiringToken(
		context,
		'TechWolf: event to skill profile (access token required)',
		credential,
	);
	const created = await rest.upsertWorkflow(workflow);
	await rest.publishWorkflow(created.id);
	const webhookUrl = playground.n8n.webhookUrl('webhook', webhookIdOf(workflow));
	await rest.waitForWebhook(webhookUrl);
	// TechWolf's side, configured as the consumer told it: token URL, client id and secret, scope, audience.
	const sender = new EndpointTokenClient({
		tokenUrl: auth.tokenUrl,
		clientId: auth.client.clientId,
		clientSecret: auth.client.clientSecret,
		scope: auth.client.scopes.join(' '),
		extraParameters: { audience: AUDIENCE },
	});
	return { auth, sender, workflowId: created.id, webhookUrl };
}

function withAuthorization(delivery: Delivery, authorization: string | undefined): Delivery {
	return { body: delivery.body, headers: { ...delivery.headers, ...(authorization ? { authorization } : {}) } };
}

export function accessTokenTests(context: SuiteContext): { tests: TestCase[]; stop(): Promise<void> } {
	let setup: Promise<Protected> | undefined;
	const ready = () => (setup ??= protectedWorkflow(context));
	const signed = () => sign(newEvent('employee.skill_profile.updated'), [context.playground.signingKey]);

	const tests: TestCase[] = [
		{
			name: 'access token: a signed delivery with the token TechWolf fetched (client credentials) is accepted, one execution',
			timeoutMs: 60_000,
			run: async () => {
				const { sender, workflowId, webhookUrl, auth } = await ready();
				const rest = restOf(context);
				const before = await rest.countExecutions(workflowId);
				for (let i = 0; i < 2; i++) {
					const delivery = signed();
					assertAcknowledged(
						await post(webhookUrl, withAuthorization(delivery, await sender.authorization())),
						'accepted',
						delivery.event,
					);
				}
				await assertNewExecutions(rest, workflowId, before, 2);
				assert.equal(sender.tokenRequests, 1, 'TechWolf fetched a token per delivery instead of reusing it');
				assert.equal(auth.stats().jwksRequests, 1, 'n8n fetched the JWKS more than once');
			},
		},
		{
			name: 'access token: none, not Bearer, expired, another audience, alg none, a forged signature → 401 with its reason, no execution',
			timeoutMs: 60_000,
			run: async () => {
				const { auth, workflowId, webhookUrl } = await ready();
				const rest = restOf(context);
				const before = await rest.countExecutions(workflowId);
				const now = Math.floor(Date.now() / 1000);
				const stranger = await startAuthorizationServer({ audiences: [AUDIENCE] });
				try {
					const claims = auth.standardClaims();
					const unsignedHeader = Buffer.from(JSON.stringify({ alg: 'none', typ: 'JWT' })).toString('base64url');
					const cases: Array<[string | undefined, string]> = [
						[undefined, 'missing_access_token'],
						[`Basic ${Buffer.from('techwolf:secret').toString('base64')}`, 'malformed_authorization'],
						[`Bearer ${auth.signToken({ ...claims, exp: now - 3600 })}`, 'expired_access_token'],
						[`Bearer ${auth.signToken({ ...claims, aud: 'https://someone-else' })}`, 'wrong_audience'],
						[
							`Bearer ${unsignedHeader}.${Buffer.from(JSON.stringify(claims)).toString('base64url')}.`,
							'unsupported_algorithm',
						],
						// Signed with a key of its own but naming the real key: the signature gives it away.
						[
							`Bearer ${stranger.signToken({ ...claims, iss: auth.issuer }, { header: { kid: auth.currentKey().kid } })}`,
							'invalid_token_signature',
						],
					];
					for (const [authorization, reason] of cases) {
						const reply = await post(webhookUrl, withAuthorization(signed(), authorization));
						assert.equal(reply.status, 401, `${reason}: ${reply.status} ${reply.text}`);
						assert.deepEqual(Object.keys(reply.json as object).sort(), ['message', 'reason', 'status']);
						assert.equal((reply.json as { reason: string }).reason, reason, reply.text);
					}
				} finally {
					await stranger.stop();
				}
				await assertNoNewExecution(rest, workflowId, before);
			},
		},
		{
			name: 'access token: Authorization on two lines (a valid token and another) → 401 malformed_authorization, no execution',
			timeoutMs: 60_000,
			run: async () => {
				const { sender, workflowId, webhookUrl } = await ready();
				const rest = restOf(context);
				const before = await rest.countExecutions(workflowId);
				const valid = await sender.authorization();
				// n8n's req.headers keeps the first line only, so either order would pass unseen.
				for (const lines of [
					[valid, 'Bearer forged'],
					['Bearer forged', valid],
				]) {
					const delivery = signed();
					const reply = await post(webhookUrl, {
						body: delivery.body,
						headers: { ...delivery.headers, authorization: lines },
					});
					assertRejected(reply, 401, 'malformed_authorization', 'more than once');
				}
				await assertNoNewExecution(rest, workflowId, before);
			},
		},
		{
			name: "access token: a kid the sender chose reaches n8n's log escaped, never as a line of its own",
			timeoutMs: 60_000,
			run: async () => {
				const { auth, webhookUrl } = await ready();
				// A line as n8n's text log writes one, after a newline, with a bidi override; within the 64 characters
				// of the kid the trigger quotes.
				const forged = `2026-01-01T00:00:00.000Z | error | forged-${randomUUID().slice(0, 8)} \u202e`;
				const token = auth.signToken(auth.standardClaims(), { header: { kid: `k\n${forged}` } });
				const send = () => post(webhookUrl, withAuthorization(signed(), `Bearer ${token}`));
				// An unknown kid: 401, or 503 if the key set was fetched less than a minute ago. A second later the key
				// set may not be fetched again yet (and is over a second old): 503, and n8n's log gets a warning naming the kid.
				await send();
				await sleep(2500);
				const reply = await send();
				assert.equal(reply.status, 503, reply.text);
				const logs = context.playground.n8n.logs();
				const escaped = `k\\n${forged.replace('\u202e', '\\u{202e}')}`;
				assert.ok(logs.includes(escaped), `n8n's log does not quote the kid escaped (${escaped})`);
				assert.ok(!logs.includes(forged), "the kid's forged line reached n8n's log as it was sent");
				assert.ok(!logs.includes('\u202e'), "a bidi override reached n8n's log");
			},
		},
		{
			name: 'access token: a JWKS URL over plain http to another machine → publishing fails, saying http is only for this machine',
			timeoutMs: 60_000,
			run: async () => {
				const { auth } = await ready();
				const rest = restOf(context);
				const credential = await rest.createCredential('techWolfWebhookJwksApi', 'e2e: plain-http JWKS elsewhere', {
					jwksUrl: 'http://auth.example.com/.well-known/jwks.json',
					issuer: auth.issuer,
					audience: AUDIENCE,
				});
				const created = await rest.upsertWorkflow(
					workflowRequiringToken(context, 'e2e: access token from a plain-http JWKS', credential),
				);
				try {
					const failure = await rest.publishAndSettle(created.id);
					assert.match(
						failure ?? 'activated',
						/TechWolf Trigger cannot start: JWKS URL must start with https:\/\/: plain http:\/\/ is accepted only for a JWKS on this machine \(localhost, 127\.0\.0\.0\/8 or \[::1\]\), not for auth\.example\.com/,
					);
				} finally {
					await rest.unpublishWorkflow(created.id).catch(() => undefined);
				}
			},
		},
		{
			name: 'Test button: the JWKS credential fetches the JWKS → OK; a URL that is not a JWKS → Error; pasted keys are read',
			timeoutMs: 60_000,
			run: async () => {
				const { auth } = await ready();
				const rest = restOf(context);
				const test = async (type: string, data: Record<string, unknown>) => {
					const credential = await rest.createCredential(type, `e2e: ${type}`, data);
					try {
						return await rest.testCredential(credential.id);
					} finally {
						await rest.request('DELETE', `/credentials/${encodeURIComponent(credential.id)}`);
					}
				};
				const policy = { issuer: auth.issuer, audience: AUDIENCE };
				const before = auth.stats().jwksRequests;
				const good = await test(JWKS_CREDENTIAL, { ...policy, jwksUrl: auth.jwksUrl });
				assert.equal(good.status, 'OK', JSON.stringify(good));
				assert.equal(auth.stats().jwksRequests, before + 1, 'the Test button did not fetch the JWKS');
				const metadata = await test(JWKS_CREDENTIAL, {
					...policy,
					jwksUrl: `${auth.url}/.well-known/oauth-authorization-server`,
				});
				assert.equal(metadata.status, 'Error', JSON.stringify(metadata));
				assert.match(metadata.message, /not with a JWKS/);
				const pem = auth.currentKey().publicKey.export({ format: 'pem', type: 'spki' }).toString();
				const pasted = await test(PUBLIC_KEY_CREDENTIAL, { ...policy, publicKeys: pem });
				assert.deepEqual(pasted, { status: 'OK', message: 'The key is usable: RSA 2048-bit key' });
				const privateKey = await test(PUBLIC_KEY_CREDENTIAL, {
					...policy,
					publicKeys: auth.currentKey().privateKey.export({ format: 'pem', type: 'pkcs8' }).toString(),
				});
				assert.equal(privateKey.status, 'Error');
				assert.match(privateKey.message, /private key/);
			},
		},
	];
	return {
		tests,
		stop: async () => {
			await setup?.then(
				({ auth }) => auth.stop(),
				() => undefined,
			);
		},
	};
}
