/** The test controls: injected faults, in process and over HTTP from another process. */
import { SandboxControlClient } from '../../sandbox/control';
import { expectTechWolfError, useSandbox, type Reply } from './client';

const client = useSandbox();

describe('test controls', () => {
	test('an injected 429 carries Retry-After, fails `times` requests, then the route answers again', async () => {
		client.sandbox.injectFault({ method: 'GET', pathPrefix: '/employees/E1', status: 429, times: 2, retryAfter: 1 });
		const replies = [
			await client.call('/employees/E1'),
			await client.call('/employees/E1'),
			await client.call('/employees/E1'),
		];
		expect(replies.map((reply) => reply.status)).toEqual([429, 429, 200]);
		expect(replies[0]?.headers.get('retry-after')).toBe('1');
		expectTechWolfError(replies[0] as Reply, 429);
		const stats = client.sandbox.stats();
		expect(stats.faultsServed).toBe(2);
		expect(stats.requestsByRoute['GET /employees/E1']).toBe(3);
	});

	test('the HTTP controls drive another process’s sandbox: a 503 with an HTTP-date Retry-After, stats', async () => {
		const controls = new SandboxControlClient(client.sandbox.url);
		const retryAt = new Date(Date.now() + 2000).toUTCString();
		await controls.injectFault({ pathPrefix: '/taxonomy', status: 503, retryAfter: retryAt });
		const reply = await client.call('/taxonomy/export', { method: 'POST', json: { limit: 1 } });
		expect(reply.status).toBe(503);
		expect(reply.headers.get('retry-after')).toBe(retryAt);
		const stats = await controls.stats();
		expect(stats.lastBodies['POST /taxonomy/export']).toEqual({ limit: 1 });
		await expect(controls.injectFault({ pathPrefix: 'no-slash', status: 429 })).rejects.toThrow(/pathPrefix/);
		expect((await controls.info()).tokenUrl).toBe(client.sandbox.tokenUrl);
	});
});
