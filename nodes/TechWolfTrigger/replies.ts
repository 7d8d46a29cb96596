/**
 * Every answer the trigger gives, and the one place that writes it. Bodies are small JSON objects: `status`
 * ('accepted', 'duplicate', 'ignored', 'ok' or 'rejected') and, depending on it, `reason`, `message`, `eventId` and
 * `eventType`. Rejections never carry more than the sender needs to fix its request.
 */
import type { IWebhookFunctions, IWebhookResponseData } from 'n8n-workflow';

import type { TechWolfEventItem } from '../shared/events';
import { log } from './log';

export type ReplyBody = Record<string, string>;

export interface Outcome {
	status: 200 | 400 | 401 | 403 | 500 | 503;
	body: ReplyBody;
	/** Present when the workflow should start. */
	item?: TechWolfEventItem;
	/** The event's deduplication claim, settled by whether n8n answered `accepted` (it had recorded the run). */
	settle?: (recorded: boolean) => void;
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
		context.getResponseObject().status(outcome.status).json(outcome.body);
		return { noWebhookResponse: true };
	}
	const { settle } = outcome;
	if (settle) {
		const response = context.getResponseObject();
		// Not answered 2xx, or not answered at all: the run may not be recorded, so TechWolf's retry must run it.
		response.once('close', () => settle(response.writableFinished && response.statusCode < 300));
	}
	return { webhookResponse: outcome.body, workflowData: [context.helpers.returnJsonArray([outcome.item])] };
}
