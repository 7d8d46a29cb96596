import type { Claim, DeduplicationPolicy, EventMemory } from '../../nodes/TechWolfTrigger/deduplication';

/**
 * One delivery whose run n8n recorded: a first claim is settled as soon as it is made, as the answer `accepted`
 * settles it in n8n. What the deduplication tests and the benchmark measure unless they are about claims in flight.
 */
export function claimRecorded(
	memory: EventMemory,
	scope: string,
	staticData: Record<string, unknown>,
	eventId: string,
	nowSeconds: number,
	policy: DeduplicationPolicy,
): Claim['status'] {
	const claim = memory.claim(scope, staticData, eventId, nowSeconds, policy);
	if (claim.status === 'first') claim.settle(true);
	return claim.status;
}
