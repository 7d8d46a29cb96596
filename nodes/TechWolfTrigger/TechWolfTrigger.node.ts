import {
	NodeConnectionTypes,
	NodeOperationError,
	type IDataObject,
	type IHookFunctions,
	type INodeType,
	type INodeTypeDescription,
	type IWebhookFunctions,
	type IWebhookResponseData,
} from 'n8n-workflow';

import { handleDelivery, triggerSettings, type TriggerSettings } from './delivery';
import { triggerProperties, type TriggerOptions } from './properties';
import { techWolfSigningKeysTest } from './signingKeysTest';

type SettingsContext = IHookFunctions | IWebhookFunctions;

async function loadSettings(context: SettingsContext): Promise<TriggerSettings> {
	const credentials = await context.getCredentials('techWolfWebhookApi');
	const keysText = typeof credentials.publicKeys === 'string' ? credentials.publicKeys : '';
	const events = context.getNodeParameter('events', []) as string[];
	const options = context.getNodeParameter('options', {}) as TriggerOptions;
	return triggerSettings(keysText, events, options);
}

export class TechWolfTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'TechWolf Trigger',
		name: 'techWolfTrigger',
		icon: { light: 'file:../../icons/techwolf.svg', dark: 'file:../../icons/techwolf.dark.svg' },
		group: ['trigger'],
		// 1.1, not 1: for webhook nodes of exactly version 1, n8n evaluates a legacy `options.binaryData` expression in
		// its expression sandbox on every request before the node runs (about a third of this trigger's cost per
		// request in bench/results/report.md). From 1.1 on it only reads the body, which is all this node needs.
		version: 1.1,
		subtitle: '={{ $parameter["events"].includes("*") ? "All events" : $parameter["events"].length + " event types" }}',
		description: 'Starts the workflow when TechWolf sends a signed webhook event (skill profiles, skills, taxonomy)',
		defaults: { name: 'TechWolf Trigger' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'techWolfWebhookApi', required: true, testedBy: 'techWolfSigningKeysTest' }],
		webhooks: [
			{
				name: 'default',
				httpMethod: 'POST',
				// Every reply (acknowledgement or rejection) is written by webhook() itself, as JSON.
				responseMode: 'onReceived',
				path: 'webhook',
			},
		],
		properties: triggerProperties,
	};

	methods = { credentialTest: { techWolfSigningKeysTest } };

	/**
	 * TechWolf has no API to register webhooks: the user hands the URL over once. So there is nothing to check, create
	 * or delete remotely; activation only validates the keys and options, so that a mistake fails activation with a
	 * message instead of every delivery failing later.
	 */
	webhookMethods = {
		default: {
			async checkExists(this: IHookFunctions): Promise<boolean> {
				return false;
			},
			async create(this: IHookFunctions): Promise<boolean> {
				try {
					await loadSettings(this);
				} catch (error) {
					throw new NodeOperationError(this.getNode(), error as Error, {
						message: `TechWolf Trigger cannot start: ${(error as Error).message}`,
					});
				}
				return true;
			},
			async delete(this: IHookFunctions): Promise<boolean> {
				return true;
			},
		},
	};

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		const response = this.getResponseObject();
		const reply = (status: number, body: IDataObject): IWebhookResponseData => {
			response.status(status).json(body);
			return { noWebhookResponse: true };
		};

		let settings: TriggerSettings;
		try {
			settings = await loadSettings(this);
		} catch (error) {
			// A configuration problem, not the sender's: say so in n8n's log, keep the details out of the reply, and
			// answer 500 so that TechWolf retries once the configuration is fixed.
			this.logger.error(`TechWolf Trigger is misconfigured: ${(error as Error).message}`);
			return reply(500, {
				status: 'rejected',
				reason: 'misconfigured',
				message: 'The receiving workflow is misconfigured',
			});
		}

		const request = this.getRequestObject();
		if (!(request.rawBody instanceof Uint8Array) && typeof request.readRawBody === 'function') {
			try {
				await request.readRawBody();
			} catch (error) {
				this.logger.warn(`TechWolf Trigger could not read the request body: ${(error as Error).message}`);
			}
		}

		const outcome = handleDelivery(
			{
				headers: this.getHeaderData() as Record<string, string | string[] | undefined>,
				rawBody: request.rawBody instanceof Uint8Array ? request.rawBody : undefined,
				clientAddress: request.ip,
			},
			settings,
			this.getWorkflowStaticData('node'),
		);
		if (outcome.status !== 200) {
			this.logger.debug(`TechWolf Trigger rejected a request (${outcome.status}): ${outcome.body.message}`);
		}
		const result = reply(outcome.status, outcome.body);
		if (outcome.item) result.workflowData = [this.helpers.returnJsonArray([outcome.item])];
		return result;
	}
}
