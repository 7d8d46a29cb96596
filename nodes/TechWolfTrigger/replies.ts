/**
 * Every answer the trigger gives, and the one place that writes it. Bodies are small JSON objects: `status`
 * ('accepted', 'duplicate', 'ignored', 'ok' or 'rejected') and, depending on it, `reason`, `message`, `eventId` and
 * `eventType`. Rejections never carry more than the sender needs to fix its request.
 */
import type { IWebhookFunctions, IWebhookResponseData } from 'n8n-workflow';

import type { TechWolfEventItem } from '../shared/events';
import type { HeldClaim } from './deduplication';
import { log, printable } from './log';

export type ReplyBody = Record<string, string>;

export interface Outcome {
	status: 200 | 400 | 401 | 403 | 500 | 503;
	body: ReplyBody;
	/** Present when the workflow should start. */
	item?: TechWolfEventItem;
	/** The event's deduplication claim: it stands once n8n has recorded the run or answered `accepted`. */
	claim?: HeldClaim;
	/** A problem on the receiving side that n8n's log must show (a JWKS that cannot be loaded). */
	warning?: string;
}

export function rejected(status: 400 | 401 | 403 | 503, reason: string, message: string, warning?: string): Outcome {
	return { status, body: { status: 'rejected', reason, message }, ...(warning ? { warning } : {}) };
}

/** 200 in every case: any other status makes TechWolf retry. */
export function acknowledged(result: string, fields: ReplyBody): Outcome {
	return { status: 200, body: { status: result, ...fields } };
}

/**
 * A configuration problem, not the sender's: the details go to n8n's log only, and the 500 makes TechWolf retry once
 * the configuration is fixed.
 */
export function misconfigured(context: IWebhookFunctions, error: Error): Outcome {
	log(context.logger, 'error', `TechWolf Trigger is misconfigured: ${error.message}`);
	return {
		status: 500,
		body: { status: 'rejected', reason: 'misconfigured', message: 'The receiving workflow is misconfigured' },
	};
}

/**
 * Answers every refusal and acknowledgement at once, itself. An accepted event is answered by n8n instead, with the
 * same status and body (`webhookResponse`; the webhook's `responseData` is empty so n8n adds nothing): n8n 2.x sends
 * it only once it has recorded the run (the execution saved, or the job queued) and saved static data. The claim is
 * settled when that answer has left, or when the connection closed without it.
 */
export function sendReply(context: IWebhookFunctions, outcome: Outcome): IWebhookResponseData {
	if (outcome.warning) log(context.logger, 'warn', `TechWolf Trigger: ${outcome.warning}`);
	if (outcome.status !== 200 && outcome.status !== 500) {
		log(context.logger, 'debug', `TechWolf Trigger rejected a request (${outcome.status}): ${outcome.body.message}`);
	}
	if (!outcome.item) {
		// A message may quote what the sender wrote (a token's kid): printable, as in n8n's log, so that whatever shows
		// the answer shows no forged line or hidden text.
		const { message } = outcome.body;
		const body = message === undefined ? outcome.body : { ...outcome.body, message: printable(message) };
		context.getResponseObject().status(outcome.status).json(body);
		return { noWebhookResponse: true };
	}
	const { body, claim } = outcome;
	if (claim) {
		const response = context.getResponseObject();
		// Not answered 2xx, or not answered at all: the run may not be recorded, so TechWolf's retry must run it.
		response.once('close', () => claim.settle(response.writableFinished && response.statusCode < 300));
	}
	return {
		// n8n 2.x reads the body once it has recorded the run (saved the execution or queued the job), then saves
		// static data if it is marked changed, then answers. Recording clears that mark (WorkflowRunner builds a
		// second Workflow over the same static data), so without `recorded()` the claim would not be saved, and a
		// restart or another n8n process would run the event again. (n8n 1.x reads it before it records the run.)
		get webhookResponse() {
			claim?.recorded();
			return body;
		},
		workflowData: [context.helpers.returnJsonArray([outcome.item])],
	};
}
