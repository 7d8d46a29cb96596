/**
 * The load generator both end-to-end cases share: a fixed number of requests, each with its own prepared body and
 * headers, sent at a fixed concurrency over keep-alive connections; it records each acknowledgement's latency.
 */
import { Agent, request } from 'node:http';

export interface PreparedRequest {
	body: Buffer;
	headers: Record<string, string>;
}

export interface LoadResult {
	requests: number;
	concurrency: number;
	seconds: number;
	requestsPerSecond: number;
	p50Ms: number;
	p99Ms: number;
	/** Replies by status code. */
	statuses: Record<string, number>;
}

function percentile(sorted: number[], fraction: number): number {
	if (sorted.length === 0) return NaN;
	return sorted[Math.min(sorted.length - 1, Math.ceil(fraction * sorted.length) - 1)];
}

function post(url: URL, agent: Agent, prepared: PreparedRequest): Promise<number> {
	return new Promise((resolve, reject) => {
		const req = request(
			url,
			{ method: 'POST', agent, headers: { ...prepared.headers, 'content-length': String(prepared.body.length) } },
			(res) => {
				res.resume();
				res.on('end', () => resolve(res.statusCode ?? 0));
			},
		);
		req.setTimeout(15_000, () => req.destroy(new Error('no answer within 15 s (TechWolf would retry)')));
		req.on('error', reject);
		req.end(prepared.body);
	});
}

export async function runLoad(
	targetUrl: string,
	prepared: PreparedRequest[],
	concurrency: number,
): Promise<LoadResult> {
	const url = new URL(targetUrl);
	const agent = new Agent({ keepAlive: true, maxSockets: concurrency });
	const latencies: number[] = [];
	const statuses: Record<string, number> = {};
	let next = 0;
	const started = process.hrtime.bigint();
	const worker = async () => {
		while (next < prepared.length) {
			const item = prepared[next++];
			const sent = process.hrtime.bigint();
			const status = await post(url, agent, item).catch(() => 0);
			latencies.push(Number(process.hrtime.bigint() - sent) / 1e6);
			statuses[status] = (statuses[status] ?? 0) + 1;
		}
	};
	await Promise.all(Array.from({ length: concurrency }, worker));
	const seconds = Number(process.hrtime.bigint() - started) / 1e9;
	agent.destroy();
	latencies.sort((a, b) => a - b);
	return {
		requests: prepared.length,
		concurrency,
		seconds,
		requestsPerSecond: prepared.length / seconds,
		p50Ms: percentile(latencies, 0.5),
		p99Ms: percentile(latencies, 0.99),
		statuses,
	};
}
