/**
 * The TechWolf sandbox behaves as the action node's tests expect of TechWolf: JSON-only token endpoint with tenant and
 * audience, TechWolf's array error bodies, both pagination styles, injected faults, the deleted skill's 404; and the
 * event builder produces, for every catalog entry, the payload of the Event Types page, signed so that the project's
 * verifier accepts it.
 */
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { EVENT_CATALOG, HEALTH_CHECK_TYPE } from '../../nodes/shared/events/catalog';
import { parseCloudEvent } from '../../nodes/shared/events/cloudEvent';
import { WebhookVerifier } from '../../nodes/shared/signature/verifier';
import { SandboxControlClient } from '../../sandbox/control';
import { FIXTURE_IDS } from '../../sandbox/data';
import { buildEvent, postDelivery, signedDelivery } from '../../sandbox/events';
import { loadOrCreateSigningKey } from '../../sandbox/keys';
import { runSendEvent } from '../../sandbox/send-event';
import { startSandbox, type Sandbox } from '../../sandbox/server';

let sandbox: Sandbox;
let token: string;

interface Reply {
	status: number;
	headers: Headers;
	body: unknown;
}

async function call(path: string, init: RequestInit & { json?: unknown } = {}): Promise<Reply> {
	const { json, ...rest } = init;
	const response = await fetch(`${sandbox.url}${path}`, {
		...rest,
		headers: {
			authorization: `Bearer ${token}`,
			...(json === undefined ? {} : { 'content-type': 'application/json' }),
			...(rest.headers as Record<string, string> | undefined),
		},
		...(json === undefined ? {} : { body: JSON.stringify(json) }),
	});
	const text = await response.text();
	return { status: response.status, headers: response.headers, body: text === '' ? undefined : JSON.parse(text) };
}

function tokenRequest(body: Record<string, unknown> | string, contentType = 'application/json') {
	return fetch(sandbox.tokenUrl, {
		method: 'POST',
		headers: { 'content-type': contentType },
		body: typeof body === 'string' ? body : JSON.stringify(body),
	});
}

function validTokenBody(): Record<string, string> {
	const { clientId, clientSecret, audience, tenant } = sandbox.credentials;
	return {
		client_id: clientId,
		client_secret: clientSecret,
		audience,
		grant_type: 'client_credentials',
		tenant,
	};
}

async function newToken(): Promise<string> {
	const response = await tokenRequest(validTokenBody());
	return ((await response.json()) as { access_token: string }).access_token;
}

/** TechWolf's error shape: `[{title, description}]`. */
function expectTechWolfError(reply: Reply, status: number): void {
	expect(reply.status).toBe(status);
	expect(reply.body).toEqual([
		{ title: expect.stringMatching(new RegExp(`^${status} `)), description: expect.any(String) },
	]);
}

beforeAll(async () => {
	sandbox = await startSandbox();
	token = await newToken();
});

afterAll(() => sandbox.stop());

beforeEach(() => sandbox.reset());

describe('token endpoint', () => {
	test('issues a Bearer token for a JSON body with tenant and audience, and records that body', async () => {
		const response = await tokenRequest(validTokenBody());
		expect(response.status).toBe(200);
		expect(await response.json()).toEqual({
			access_token: expect.any(String),
			expires_in: 10800,
			scope: 'read write',
			token_type: 'Bearer',
		});
		expect(sandbox.stats().tokenRequestBodies).toEqual([
			{ contentType: 'application/json', body: validTokenBody(), status: 200 },
		]);
	});

	test('refuses a form-encoded body, a missing tenant, a wrong secret, audience or tenant', async () => {
		const form = new URLSearchParams(validTokenBody()).toString();
		const cases: [Record<string, unknown> | string, string | undefined, number, string][] = [
			[form, 'application/x-www-form-urlencoded', 400, 'invalid_request'],
			[{ ...validTokenBody(), tenant: undefined }, undefined, 400, 'invalid_request'],
			[{ ...validTokenBody(), client_secret: 'wrong' }, undefined, 401, 'access_denied'],
			[{ ...validTokenBody(), audience: 'us3.techwolf.ai' }, undefined, 403, 'access_denied'],
			[{ ...validTokenBody(), tenant: 'globex' }, undefined, 403, 'access_denied'],
		];
		for (const [body, contentType, status, error] of cases) {
			const response = await tokenRequest(body, contentType);
			expect({ status: response.status, body: await response.json() }).toEqual({
				status,
				body: { error, error_description: expect.any(String) },
			});
		}
	});
});

describe('API authentication', () => {
	test('no token and an expired token get 401 with TechWolf’s array body', async () => {
		expectTechWolfError(await call('/employees', { headers: { authorization: '' } }), 401);
		const shortLived = await newToken();
		expect((await call('/employees/E1', { headers: { authorization: `Bearer ${shortLived}` } })).status).toBe(200);
		sandbox.expireTokens();
		const expired = await call('/employees/E1', { headers: { authorization: `Bearer ${shortLived}` } });
		expectTechWolfError(expired, 401);
		expect(JSON.stringify(expired.body)).toContain('expired');
		token = await newToken();
	});

	test('unknown route → 404, wrong method → 405 with Allow, malformed path id → 400', async () => {
		expectTechWolfError(await call('/vacancies/V1'), 404);
		const wrongMethod = await call('/employees/E1', { method: 'DELETE' });
		expectTechWolfError(wrongMethod, 405);
		expect(wrongMethod.headers.get('allow')).toBe('GET, PATCH');
		expectTechWolfError(await call('/employees/not%20valid/skill_profile'), 400);
	});
});

describe('offset pagination (GET /employees)', () => {
	test('pages cover every employee once, ordered by last_updated then external_id', async () => {
		const seen: { external_id: string; last_updated: string }[] = [];
		for (let offset = 0; ; offset += 100) {
			const page = await call(`/employees?limit=100&offset=${offset}`);
			const body = page.body as { count: number; results: { external_id: string; last_updated: string }[] };
			expect(body.count).toBe(FIXTURE_IDS.employeeCount);
			if (body.results.length === 0) break;
			seen.push(...body.results);
		}
		expect(seen).toHaveLength(FIXTURE_IDS.employeeCount);
		expect(new Set(seen.map((employee) => employee.external_id)).size).toBe(FIXTURE_IDS.employeeCount);
		const keys = seen.map((employee) => `${employee.last_updated}|${employee.external_id}`);
		expect(keys).toEqual([...keys].sort());
	});

	test('an out-of-range limit is a 400', async () => {
		expectTechWolfError(await call('/employees?limit=0'), 400);
		expectTechWolfError(await call('/employees?limit=201'), 400);
	});
});

describe('keyset pagination', () => {
	test('POST /taxonomy/export pages through every change in timestamp order', async () => {
		const records: { external_id: string; timestamp: string }[] = [];
		let startingAfter: string | null = null;
		do {
			const reply = await call('/taxonomy/export', {
				method: 'POST',
				json: { limit: 7, ...(startingAfter ? { starting_after: startingAfter } : {}) },
			});
			const page = reply.body as { has_next: boolean; next_starting_after: string | null; records: typeof records };
			records.push(...page.records);
			startingAfter = page.has_next ? page.next_starting_after : null;
		} while (startingAfter);
		expect(records.length).toBeGreaterThanOrEqual(25);
		expect(new Set(records.map((record) => record.external_id)).size).toBe(records.length);
		expect(records.map((record) => record.timestamp)).toEqual(records.map((record) => record.timestamp).sort());
	});

	test('the fixture change is found by external_id; a malformed filter is a 400', async () => {
		const reply = await call('/taxonomy/export', {
			method: 'POST',
			json: { filters: [{ filter: 'external_id_is_in_list', external_ids: [FIXTURE_IDS.taxonomyChange] }] },
		});
		expect(reply.body).toMatchObject({
			has_next: false,
			records: [{ external_id: FIXTURE_IDS.taxonomyChange, operation_type: FIXTURE_IDS.taxonomyChangeOperationType }],
		});
		expectTechWolfError(
			await call('/taxonomy/export', { method: 'POST', json: { filters: [{ filter: 'timestamp', value: 'x' }] } }),
			400,
		);
	});

	test('POST /export/skills takes nested filters and pages by skill_id', async () => {
		const first = await call('/export/skills', {
			method: 'POST',
			json: { limit: 5, filters: { filters: [{ filter: 'skill_source', skill_source: 'vocabulary' }] } },
		});
		const page = first.body as { has_next: boolean; next_starting_after: string; records: { skill_id: string }[] };
		expect(page.has_next).toBe(true);
		expect(page.next_starting_after).toBe(page.records[4]?.skill_id);
		const second = await call('/export/skills', {
			method: 'POST',
			json: { limit: 5, starting_after: page.next_starting_after },
		});
		expect((second.body as typeof page).records[0]?.skill_id > page.next_starting_after).toBe(true);
		expectTechWolfError(await call('/export/skills', { method: 'POST', json: { filters: [] } }), 400);
	});
});

describe('skill profiles and the taxonomy', () => {
	test('E1 has validated and suggested skills; E2 has an empty profile', async () => {
		const full = (await call(`/employees/${FIXTURE_IDS.employeeWithProfile}/skill_profile`)).body as {
			skills: { validation_state: string }[];
		};
		expect(new Set(full.skills.map((skill) => skill.validation_state))).toEqual(new Set(['validated', 'suggested']));
		expect((await call(`/employees/${FIXTURE_IDS.employeeWithEmptyProfile}/skill_profile`)).body).toEqual({
			external_id: FIXTURE_IDS.employeeWithEmptyProfile,
			num_skill_events: 0,
			low_data_availability: true,
			skills: [],
		});
	});

	test('feedback validates a suggested skill; an item with both skill and skill_id is a 400', async () => {
		const path = `/employees/${FIXTURE_IDS.employeeWithProfile}/skill_profile`;
		const stateOf = async () =>
			((await call(path)).body as { skills: { skill_id: string; validation_state: string }[] }).skills.find(
				(skill) => skill.skill_id === FIXTURE_IDS.suggestedSkillOfEmployee,
			)?.validation_state;
		expect(await stateOf()).toBe('suggested');
		const both = { skill: 'Docker', skill_id: FIXTURE_IDS.suggestedSkillOfEmployee, has_skill: true };
		expectTechWolfError(await call(path, { method: 'PATCH', json: { source: 'oracle', skills: [both] } }), 400);
		expect(await stateOf()).toBe('suggested');
		const feedback = {
			source: 'oracle',
			skills: [{ skill_id: FIXTURE_IDS.suggestedSkillOfEmployee, has_skill: true }],
		};
		expect((await call(`${path}?feedback_format=skills`, { method: 'PATCH', json: feedback })).status).toBe(204);
		expect(await stateOf()).toBe('validated');
	});

	test('a Skill Event needs ?language', async () => {
		const event = {
			external_id: 'EV-1',
			event_type: 'working_history',
			timestamp: '2024-05-01T09:00:00Z',
			source: 'workday',
			content: { description: 'Built Power BI dashboards' },
		};
		const path = `/employees/${FIXTURE_IDS.employeeWithEmptyProfile}/skill_events`;
		expectTechWolfError(await call(path, { method: 'POST', json: event }), 400);
		expect((await call(`${path}?language=en`, { method: 'POST', json: event })).status).toBe(204);
	});

	test('the deleted skill is a 404 in its vocabulary; live skills are found', async () => {
		const deleted = `/taxonomy/skills/${FIXTURE_IDS.deletedSkill}?external_vendor=${FIXTURE_IDS.deletedSkillVendor}`;
		expectTechWolfError(await call(deleted), 404);
		expectTechWolfError(await call(`/taxonomy/skills/${FIXTURE_IDS.deletedTechWolfSkill}`), 404);
		expect((await call(`/taxonomy/skills/${FIXTURE_IDS.workdaySkill}?external_vendor=workday`)).status).toBe(200);
		expect((await call(`/taxonomy/skills/${FIXTURE_IDS.skill}`)).body).toMatchObject({
			skill_id: FIXTURE_IDS.skill,
			skill_name: FIXTURE_IDS.skillName,
			skill_source: 'vocabulary',
		});
	});
});

describe('test controls', () => {
	test('an injected 429 carries Retry-After, fails `times` requests, then the route answers again', async () => {
		sandbox.injectFault({ method: 'GET', pathPrefix: '/employees/E1', status: 429, times: 2, retryAfter: 1 });
		const replies = [await call('/employees/E1'), await call('/employees/E1'), await call('/employees/E1')];
		expect(replies.map((reply) => reply.status)).toEqual([429, 429, 200]);
		expect(replies[0]?.headers.get('retry-after')).toBe('1');
		expectTechWolfError(replies[0] as Reply, 429);
		const stats = sandbox.stats();
		expect(stats.faultsServed).toBe(2);
		expect(stats.requestsByRoute['GET /employees/E1']).toBe(3);
	});

	test('the HTTP controls drive another process’s sandbox: a 503 with an HTTP-date Retry-After, stats', async () => {
		const controls = new SandboxControlClient(sandbox.url);
		const retryAt = new Date(Date.now() + 2000).toUTCString();
		await controls.injectFault({ pathPrefix: '/taxonomy', status: 503, retryAfter: retryAt });
		const reply = await call('/taxonomy/export', { method: 'POST', json: { limit: 1 } });
		expect(reply.status).toBe(503);
		expect(reply.headers.get('retry-after')).toBe(retryAt);
		const stats = await controls.stats();
		expect(stats.lastBodies['POST /taxonomy/export']).toEqual({ limit: 1 });
		await expect(controls.injectFault({ pathPrefix: 'no-slash', status: 429 })).rejects.toThrow(/pathPrefix/);
		expect((await controls.info()).tokenUrl).toBe(sandbox.tokenUrl);
	});
});

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

	test('the signing key file is created once and then reused', () => {
		expect(key.created).toBe(true);
		expect(loadOrCreateSigningKey(key.file)).toMatchObject({ publicKeyHex: key.publicKeyHex, created: false });
	});

	afterAll(() => rmSync(keyDirectory, { recursive: true, force: true }));
});
