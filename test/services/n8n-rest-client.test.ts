/**
 * The e2e suite's n8n REST client against a stand-in for n8n 2.x's execution list that pages the way n8n 2.41.1
 * does (n8n/dist/executions/execution-list-v1.service.js, @n8n/db's ExecutionRepository.toQueryBuilder): rows sorted
 * by start time (creation time when not started), newest first; the next page holds the rows whose id is below the
 * last row's; the first page without a status filter is the queued and running rows, then the finished ones.
 */
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';

import { N8nRestClient } from '../../e2e/n8n/rest-client';

interface Row {
	id: number;
	workflowId: string;
	status: string;
	createdAt: string;
	startedAt: string | null;
}

const CURRENT = ['new', 'running'];
const COMPLETED = ['canceled', 'crashed', 'error', 'success', 'unknown', 'waiting'];

function at(seconds: number): string {
	return new Date(Date.UTC(2026, 0, 1, 0, 0, seconds)).toISOString();
}

/** `rows` served as n8n 2.x serves them; `extraCount` rows are counted that no request returns. */
async function startN8nStandIn(rows: Row[], extraCount = 0): Promise<{ url: string; close(): Promise<void> }> {
	const server = http.createServer((request, response) => {
		const url = new URL(request.url ?? '/', 'http://localhost');
		const send = (data: unknown): void => {
			response.setHeader('content-type', 'application/json').end(JSON.stringify(data));
		};
		const single = /^\/rest\/executions\/(\d+)$/.exec(url.pathname);
		if (single) {
			// n8n 2.x answers an id it has no row for with an empty body.
			const row = rows.find((candidate) => candidate.id === Number(single[1]));
			send(row ? { data: { ...row, id: String(row.id) } } : {});
			return;
		}
		const filter = JSON.parse(url.searchParams.get('filter') ?? '{}') as { workflowId: string; status?: string[] };
		const limit = Number(url.searchParams.get('limit'));
		const cursor = url.searchParams.get('cursor');
		const beforeId = cursor
			? Number((JSON.parse(Buffer.from(cursor, 'base64url').toString()) as { v1: { id: string } }).v1.id)
			: Infinity;
		const started = (row: Row) => row.startedAt ?? row.createdAt;
		const select = (statuses: string[], below: number) =>
			rows
				.filter((row) => row.workflowId === filter.workflowId && statuses.includes(row.status) && row.id < below)
				.sort((a, b) => started(b).localeCompare(started(a)) || b.id - a.id);
		const statuses = filter.status ?? COMPLETED;
		const page = select(statuses, beforeId).slice(0, limit);
		const last = page.at(-1);
		const nextCursor =
			page.length < limit || !last
				? null
				: Buffer.from(JSON.stringify({ version: 1, v1: { id: String(last.id), timestamp: started(last) } })).toString(
						'base64url',
					);
		const current = !filter.status && !cursor ? select(CURRENT, Infinity).slice(0, limit) : [];
		send({
			data: {
				results: [...current, ...page].map((row) => ({ ...row, id: String(row.id) })),
				count: select(statuses, Infinity).length + extraCount,
				estimated: false,
				nextCursor,
			},
		});
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address() as AddressInfo;
	return {
		url: `http://127.0.0.1:${port}`,
		close: () => new Promise<void>((resolve) => server.close(() => resolve())),
	};
}

/**
 * 260 ids, every 13th another workflow's; each run started a second after it was created, but execution 150, whose
 * job a worker took just after 151's (workers take queued jobs in parallel), so that 150 ends the first page and 151
 * is on none. One run never started (n8n marked it crashed) and one is still queued.
 */
function burst(): Row[] {
	return Array.from({ length: 260 }, (_, index): Row => {
		const id = index + 1;
		const row: Row = {
			id,
			workflowId: id % 13 === 0 ? 'other' : 'w',
			status: 'success',
			createdAt: at(id),
			startedAt: at(id + 1),
		};
		if (id === 150) row.startedAt = at(152);
		if (id === 151) row.startedAt = at(151);
		if (id === 120) Object.assign(row, { status: 'crashed', startedAt: null });
		if (id === 259) Object.assign(row, { status: 'new', startedAt: null });
		return row;
	});
}

describe('N8nRestClient.allExecutions', () => {
	const rows = burst();
	const ofWorkflow = rows.filter((row) => row.workflowId === 'w').map((row) => String(row.id));

	it('lists every execution of the workflow once, where n8n 2.x pages skip one that started out of id order', async () => {
		const n8n = await startN8nStandIn(rows);
		try {
			const rest = new N8nRestClient(n8n.url);
			const listed = (await rest.listExecutions('w')).map((summary) => summary.id);
			expect(listed).not.toContain('151');
			const all = (await rest.allExecutions('w')).map((summary) => summary.id);
			expect([...all].sort()).toEqual([...ofWorkflow].sort());
		} finally {
			await n8n.close();
		}
	});

	it('fails when n8n counts executions that cannot be read', async () => {
		const n8n = await startN8nStandIn(rows.slice(0, 150), 1);
		try {
			const rest = new N8nRestClient(n8n.url);
			await expect(rest.allExecutions('w')).rejects.toThrow(/could be read/);
		} finally {
			await n8n.close();
		}
	});
});
