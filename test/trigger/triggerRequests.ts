/**
 * What the trigger's HTTP-level tests share: signed deliveries, and a trigger behind a real server on 127.0.0.1, run
 * in n8n-core's WebhookContext, with static data kept between requests as n8n does.
 */
import { TechWolfTrigger } from '../../nodes/TechWolfTrigger/TechWolfTrigger.node';
import { EVENT_CATALOG, HEALTH_CHECK_TYPE } from '../../nodes/shared/events';
import { buildEvent, postDelivery, signedDelivery, type HeaderLines } from '../../sandbox/events';
import { generateSigningKeyPair, signWebhookHeaders } from '../../sandbox/signer';
import type { NodeSetup } from '../harness/n8nCoreContexts';
import { startTriggerServer, type TriggerServer } from '../harness/triggerServer';
import { vaultWithKeys } from './fixtures';

export const TENANT = 'acme';
export const current = generateSigningKeyPair();
export const next = generateSigningKeyPair();
export const stranger = generateSigningKeyPair();

export interface Reply {
	status: number;
	body: Record<string, string>;
}

/** POSTs over real HTTP; a header given as an array is sent on one line per value. */
export async function post(server: TriggerServer, body: Uint8Array | string, headers: HeaderLines): Promise<Reply> {
	const bytes = typeof body === 'string' ? Buffer.from(body) : body;
	const reply = await postDelivery(server.url, { body: bytes, headers });
	return { status: reply.status, body: JSON.parse(reply.body) as Record<string, string> };
}

/** A signed delivery of `type`, by default signed with the current key. */
export function delivery(type: string, options: { keys?: (typeof current)[]; timestamp?: number; id?: string } = {}) {
	const event = buildEvent(type, {
		tenant: TENANT,
		externalId: 'E1',
		externalVendor: 'workday',
		operationType: 'vocab_update_rename_skill',
		...(options.id ? { id: options.id } : {}),
	});
	return signedDelivery(event, {
		privateKeys: (options.keys ?? [current]).map((key) => key.privateKey),
		...(options.timestamp !== undefined ? { timestamp: options.timestamp } : {}),
	});
}

export function signRaw(body: Uint8Array, eventId = 'evt-raw-1', tenant = TENANT) {
	return signWebhookHeaders({ body, tenant, eventId, privateKeys: [current.privateKey] });
}

let tests = 0;

export async function withTrigger(
	parameters: NodeSetup['parameters'],
	run: (server: TriggerServer) => Promise<void>,
	publicKeys = `${current.publicKeyHex}\n${next.publicKeyHex}`,
	vault = vaultWithKeys(publicKeys),
): Promise<void> {
	// Each test its own workflow and credential: the trigger remembers event ids per workflow and node, and caches
	// signing keys per credential id, in process memory.
	const test = ++tests;
	const setup = {
		nodeType: new TechWolfTrigger(),
		parameters,
		credentials: { techWolfWebhookApi: `cred-${test}` },
		workflowId: `workflow-${test}`,
	};
	const server = await startTriggerServer(setup, vault);
	try {
		await run(server);
		expect(server.errors).toEqual([]);
	} finally {
		await server.close();
	}
}

export const eventTypes = EVENT_CATALOG.filter((entry) => entry.type !== HEALTH_CHECK_TYPE);
