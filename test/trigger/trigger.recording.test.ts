/**
 * `accepted` means recorded: n8n answers an accepted event only once it has recorded the run, and a run it could not
 * record (or whose answer never left) leaves no claim behind, so that TechWolf's retry runs the event.
 */
import { EventEmitter } from 'node:events';
import type { IWebhookFunctions } from 'n8n-workflow';

import { storedEventCount } from '../../nodes/TechWolfTrigger/deduplication';
import { sendReply } from '../../nodes/TechWolfTrigger/replies';
import { delivery, eventTypes, post, withTrigger } from './triggerRequests';

describe('TechWolf Trigger: accepted means recorded', () => {
	test('a run n8n could not record (500): the retry is accepted and runs, and only then is the id remembered', async () => {
		await withTrigger({}, async (server) => {
			const id = 'a6c1d1f4-0000-4000-8000-0000000f0a11';
			server.failNextRecording();
			const first = delivery(eventTypes[0].type, { id });
			expect((await post(server, first.body, first.headers)).status).toBe(500);
			expect(server.emitted).toHaveLength(0);
			const retry = delivery(eventTypes[0].type, { id });
			expect((await post(server, retry.body, retry.headers)).body.status).toBe('accepted');
			const copy = delivery(eventTypes[0].type, { id });
			expect((await post(server, copy.body, copy.headers)).body.status).toBe('duplicate');
			expect(server.emitted).toHaveLength(1);
		});
	});

	test('every accepted id is saved with its run, though recording the run clears the static-data change mark', async () => {
		await withTrigger({}, async (server) => {
			const deliveries = Array.from({ length: 5 }, (_, index) =>
				delivery(eventTypes[0].type, { id: `a6c1d1f4-0000-4000-8000-0000000f0b${10 + index}` }),
			);
			for (const { body, headers } of deliveries) {
				expect((await post(server, body, headers)).body.status).toBe('accepted');
			}
			const nodeData = server.storedStaticData()['node:TechWolf Trigger'] as Record<string, unknown>;
			expect(storedEventCount(nodeData)).toBe(5);
		});
	});

	test('copies racing a run that cannot be recorded: none is told duplicate before one is recorded', async () => {
		await withTrigger({}, async (server) => {
			const id = 'a6c1d1f4-0000-4000-8000-0000000f0a12';
			server.failNextRecording();
			const copies = Array.from({ length: 10 }, () => delivery(eventTypes[0].type, { id }));
			const replies = await Promise.all(copies.map((copy) => post(server, copy.body, copy.headers)));
			const answers = replies.map((reply) => `${reply.status} ${reply.body.status ?? ''}`).sort();
			// One copy failed to record; the next that ran was recorded; the rest waited for it and are duplicates.
			expect(answers).toEqual(['200 accepted', ...new Array<string>(8).fill('200 duplicate'), '500 ']);
			expect(server.emitted).toHaveLength(1);
		});
	});

	test("the accepted answer is n8n's to send: the node hands over the body, and settles the claim when it has left", () => {
		const settled: boolean[] = [];
		const response = Object.assign(new EventEmitter(), { statusCode: 200, writableFinished: false });
		const context = {
			logger: { warn: jest.fn(), debug: jest.fn() },
			getResponseObject: () => response,
			helpers: { returnJsonArray: (items: object[]) => items.map((json) => ({ json })) },
		} as unknown as IWebhookFunctions;
		const body = { status: 'accepted', eventId: 'e-1', eventType: 't' };
		const result = sendReply(context, {
			status: 200,
			body,
			item: { eventId: 'e-1' } as never,
			claim: { settle: (recorded) => settled.push(recorded), recorded: () => undefined },
		});
		expect(result).toEqual({ webhookResponse: body, workflowData: [[{ json: { eventId: 'e-1' } }]] });
		expect(result.noWebhookResponse).toBeUndefined();
		// The client hung up before n8n answered: whether the run was recorded is unknown, so run it again.
		response.emit('close');
		expect(settled).toEqual([false]);
	});

	test('an answer that left as 200 settles the claim as recorded; any other status does not', () => {
		for (const [statusCode, recorded] of [
			[200, true],
			[500, false],
		] as const) {
			const settled: boolean[] = [];
			const response = Object.assign(new EventEmitter(), { statusCode, writableFinished: true });
			const context = {
				logger: { warn: jest.fn(), debug: jest.fn() },
				getResponseObject: () => response,
				helpers: { returnJsonArray: (items: object[]) => items.map((json) => ({ json })) },
			} as unknown as IWebhookFunctions;
			const claim = { settle: (value: boolean) => settled.push(value), recorded: () => undefined };
			sendReply(context, { status: 200, body: {}, item: {} as never, claim });
			response.emit('close');
			expect(settled).toEqual([recorded]);
		}
	});
});
