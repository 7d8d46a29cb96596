/**
 * Every answer the trigger gives, and the one place that writes it. Bodies are small JSON objects: `status`
 * ('accepted', 'duplicate', 'ignored', 'ok' or 'rejected') and, depending on it, `reason`, `message`, `eventId` and
 * `eventType`. Rejections never carry more than the sender needs to fix its request.
 */
import type { IWebhookFunctions, IWebhookResponseData } from 'n8n-workflow';

import type { TechWolfEventItem } from '../shared/events';

export type ReplyBody = Record<string, string>;

export interface Outcome {
	status: 200 | 400 | 401 | 403 | 500 | 503;
	body: ReplyBody;
	/** Present when the workflow should start. */
	item?: TechWolfEventItem;
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
	context.logger.error(`TechWolf Trigger is misconfigured: ${error.message}`);
	return {
		status: 500,
		body: { status: 'rejected', reason: 'misconfigured', message: 'The receiving workflow is misconfigured' },
	};
}

/** Writes the reply itself (the webhook's response mode is 'onReceived') and starts the workflow for an item. */
export function sendReply(context: IWebhookFunctions, outcome: Outcome): IWebhookResponseData {
	if (outcome.warning) context.logger.warn(`TechWolf Trigger: ${outcome.warning}`);
	if (outcome.status !== 200 && outcome.status !== 500) {
		context.logger.debug(`TechWolf Trigger rejected a request (${outcome.status}): ${outcome.body.message}`);
	}
	context.getResponseObject().status(outcome.status).json(outcome.body);
	if (!outcome.item) return { noWebhookResponse: true };
	return { noWebhookResponse: true, workflowData: [context.helpers.returnJsonArray([outcome.item])] };
}
