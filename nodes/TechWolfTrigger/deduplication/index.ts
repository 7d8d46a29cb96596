/**
 * Deduplication as the trigger uses it: one `EventMemory` per n8n process (eventMemory.ts), and each trigger's static
 * data. The window covers TechWolf's three retries with exponential backoff.
 */
import type { IWebhookFunctions } from 'n8n-workflow';

import { EventMemory, type Claim } from './eventMemory';
import { EventRecords, type DeduplicationPolicy } from './eventRecords';

export { EventMemory, PROCESS_MAX_ENTRIES, STORED_MAX_EVENTS, type Claim, type HeldClaim } from './eventMemory';
export type { DeduplicationPolicy } from './eventRecords';

export const DEFAULT_WINDOW_MINUTES = 60;

/** The memory of this n8n process: the node module is loaded once per process. */
const processMemory = new EventMemory();

/** Where one trigger's ids are remembered: its key in the process memory, and its static data. */
export interface RememberedIds {
	scope: string;
	staticData: Record<string, unknown>;
}

/**
 * The running trigger's memory. The mode keeps test-URL deliveries (whose static data n8n never saves) apart from
 * production ones.
 */
export function rememberedIdsOf(context: IWebhookFunctions): RememberedIds {
	return {
		scope: `${context.getMode()} ${context.getWorkflow().id ?? ''} ${context.getNode().id}`,
		staticData: context.getWorkflowStaticData('node'),
	};
}

/** `EventMemory.claim` on this process's memory. */
export function claimEvent(
	remembered: RememberedIds,
	eventId: string,
	nowSeconds: number,
	policy: DeduplicationPolicy,
): Claim {
	return processMemory.claim(remembered.scope, remembered.staticData, eventId, nowSeconds, policy);
}

/** Ids in static data (what a restart finds). */
export function storedEventCount(staticData: Record<string, unknown>): number {
	return EventRecords.load(staticData)?.count ?? 0;
}
