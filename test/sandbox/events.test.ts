/**
 * The event builder produces, for every catalog entry, the payload of the Event Types page, signed so that the
 * project's verifier accepts it; `send-event` posts one; the signing key file is made once.
 */
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { EVENT_CATALOG, HEALTH_CHECK_TYPE } from '../../nodes/shared/events/catalog';
import { parseCloudEvent } from '../../nodes/shared/events/cloudEvent';
import { WebhookVerifier } from '../../nodes/TechWolfTrigger/verification/signature/verifier';
import { AccessTokenVerifier, readJwks } from '../../nodes/TechWolfTrigger/verification/accessToken';
import { startAuthorizationServer } from '../../e2e/services/authorization-server';
import { FIXTURE_IDS } from '../../sandbox/data';
import { buildEvent, postDelivery, signedDelivery } from '../../sandbox/events';
import { loadOrCreateSigningKey } from '../../sandbox/keys';
import { runSendEvent } from '../../sandbox/send-event';

describe('webhook events', () => {
	const keyDirectory = mkdtempSync(join(tmpdir(), 'tw-sandbox-'));
	const key = loadOrCreateSigningKey(join(keyDirectory, 'signing-key.json'));
	const verifier = new WebhookVerifier(key.publicKeyHex);
	const expectedPath: Record<string, string> = {
		employee: `/employees/${FIXTURE_IDS.employeeWithProfile}/skill_profile`,
		job: `/job_architecture/jobs/${FIXTURE_IDS.job}/skill_profile`,
		course: `/courses/${FIXTURE_IDS.course}/skill_profile`,
		taxonomy: '/taxonomy/export',
		tenant: '/',
	};

	test.each(EVENT_CATALOG.map((entry) => [entry.name, entry] as const))(
		'%s: the documented payload, signed so that the verifier accepts it',
		(_name, entry) => {
			const event = buildEvent(entry.name, { tenant: 'acme', id: 'evt-1', time: '2024-01-15T10:30:00Z' });
			const externalId = {
				employee: FIXTURE_IDS.employeeWithProfile,
				job: FIXTURE_IDS.job,
				course: FIXTURE_IDS.course,
				skill: entry.change === 'deleted' ? FIXTURE_IDS.deletedSkill : FIXTURE_IDS.workdaySkill,
				taxonomy: FIXTURE_IDS.taxonomyChange,
				tenant: '',
			}[entry.entity];
			const data = {
				entity: { tenant_name: 'acme', external_id: externalId },
				skill: { tenant_name: 'acme', external_id: externalId, external_vendor: 'workday' },
				taxonomyChange: {
					tenant_name: 'acme',
					operation_type: FIXTURE_IDS.taxonomyChangeOperationType,
					external_id: externalId,
				},
				none: {},
			}[entry.data];
			const path = entry.entity === 'skill' ? `/taxonomy/skills/${externalId}` : expectedPath[entry.entity];
			expect(event).toEqual({
				specversion: '1.0',
				type: entry.type,
				source: `https://acme.eu.techwolf.ai${path}`,
				id: 'evt-1',
				time: '2024-01-15T10:30:00Z',
				data,
			});
			// Key order as in TechWolf's examples, since the signed bytes are the serialised event.
			expect(Object.keys(event)).toEqual(['specversion', 'type', 'source', 'id', 'time', 'data']);

			const delivery = signedDelivery(event, { privateKeys: [key.privateKey] });
			expect(verifier.verify(delivery.headers, delivery.body)).toMatchObject({ ok: true, tenant: 'acme' });
			const parsed = parseCloudEvent(delivery.body, { eventId: 'evt-1', tenant: 'acme' });
			expect(parsed).toMatchObject({ ok: true, parsed: { known: true, entry: { type: entry.type } } });
			if (entry.type === HEALTH_CHECK_TYPE) expect(event.data).toEqual({});
		},
	);

	test('send-event posts a signed event; bad arguments exit 2', async () => {
		const received: { headers: IncomingMessage['headers']; body: Buffer }[] = [];
		const receiver = createServer((request, response) => {
			const chunks: Buffer[] = [];
			request.on('data', (chunk: Buffer) => chunks.push(chunk));
			request.on('end', () => {
				received.push({ headers: request.headers, body: Buffer.concat(chunks) });
				response.writeHead(200, { 'content-type': 'application/json' }).end('{"status":"accepted"}');
			});
		});
		await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
		const url = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/webhook`;
		const lines: string[] = [];
		const output = { out: (line: string) => lines.push(line), err: (line: string) => lines.push(line) };
		try {
			const args = ['--type', 'taxonomy.skill.deleted', '--url', url, '--key-file', key.file];
			expect(await runSendEvent(args, output)).toBe(0);
			expect(lines.join('\n')).toContain('{"status":"accepted"}');
			const delivery = received[0] as (typeof received)[number];
			expect(verifier.verify(delivery.headers, delivery.body)).toMatchObject({ ok: true });
			expect(JSON.parse(delivery.body.toString('utf8')).data).toEqual({
				tenant_name: 'acme',
				external_id: FIXTURE_IDS.deletedSkill,
				external_vendor: FIXTURE_IDS.deletedSkillVendor,
			});

			expect(await runSendEvent(['--type', 'no.such.event', '--url', url, '--key-file', key.file], output)).toBe(2);
			expect(await runSendEvent(['--type', 'health_check', '--vendor', 'workday', '--url', url], output)).toBe(2);
			expect(await runSendEvent(['--bogus'], output)).toBe(2);
			lines.length = 0;
			expect(await runSendEvent(['--type', 'list'], output)).toBe(0);
			expect(lines).toHaveLength(EVENT_CATALOG.length);

			// postDelivery reports the receiver's reply as is.
			const reply = await postDelivery(
				url,
				signedDelivery(buildEvent('health_check', { tenant: 'acme' }), { privateKeys: [key.privateKey] }),
			);
			expect(reply).toEqual({ status: 200, contentType: 'application/json', body: '{"status":"accepted"}' });
		} finally {
			receiver.close();
		}
	});

	test('send-event --oauth2 fetches a token with client credentials and sends it with the signed delivery', async () => {
		const auth = await startAuthorizationServer();
		const authorizations: Array<string | undefined> = [];
		const receiver = createServer((request, response) => {
			authorizations.push(request.headers.authorization);
			request.resume().on('end', () => response.writeHead(200, { 'content-type': 'application/json' }).end('{}'));
		});
		await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
		const url = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/webhook`;
		const lines: string[] = [];
		const output = { out: (line: string) => lines.push(line), err: (line: string) => lines.push(line) };
		const oauth2 = [
			'--oauth2',
			'--token-url',
			auth.tokenUrl,
			'--client-id',
			auth.client.clientId,
			'--client-secret',
			auth.client.clientSecret,
			'--scope',
			auth.client.scopes.join(' '),
			'--token-param',
			`audience=${auth.audience}`,
		];
		try {
			const base = ['--type', 'employee.skill_profile.updated', '--url', url, '--key-file', key.file];
			expect(await runSendEvent([...base, ...oauth2], output)).toBe(0);
			const verifier = new AccessTokenVerifier(
				{ issuer: auth.issuer, audience: auth.audience, requiredScopes: auth.client.scopes, algorithms: ['RS256'] },
				{ kind: 'pasted', keys: readJwks(auth.jwks()) },
			);
			const check = await verifier.verify(authorizations[0], async () => auth.jwks(), Math.floor(Date.now() / 1000));
			expect(check).toMatchObject({ ok: true, subject: auth.client.clientId });
			expect(auth.stats().tokenRequestLog).toEqual([{ status: 200, clientAuthentication: 'basic' }]);

			expect(
				await runSendEvent([...base, ...oauth2.slice(0, 3), '--client-id', 'x', '--client-secret', 'y'], output),
			).toBe(1);
			expect(lines.join('\n')).toMatch(/No access token: .*401: invalid_client/);
			expect(await runSendEvent([...base, '--scope', 'x'], output)).toBe(2);
			expect(
				await runSendEvent([...base, '--oauth2', '--token-url', auth.tokenUrl, '--token-param', 'novalue'], output),
			).toBe(2);
			expect(authorizations).toHaveLength(1);
		} finally {
			receiver.close();
			await auth.stop();
		}
	});

	test('the signing key file is created once and then reused', () => {
		expect(key.created).toBe(true);
		expect(loadOrCreateSigningKey(key.file)).toMatchObject({ publicKeyHex: key.publicKeyHex, created: false });
	});

	afterAll(() => rmSync(keyDirectory, { recursive: true, force: true }));
});
