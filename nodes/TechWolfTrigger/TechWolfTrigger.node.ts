import {
	NodeConnectionTypes,
	NodeOperationError,
	type IHookFunctions,
	type INodeType,
	type INodeTypeDescription,
	type IWebhookFunctions,
	type IWebhookResponseData,
} from 'n8n-workflow';

import { withBooleansValidated } from '../shared/booleans';
import { rememberedIdsOf } from './deduplication';
import { handleDelivery, readDelivery, type Delivery } from './delivery';
import { triggerProperties } from './properties';
import { misconfigured, sendReply } from './replies';
import { loadSettings, type TriggerSettings } from './settings';
import { techWolfAccessTokenKeysTest } from './credentialTests/accessTokenKeys';
import { techWolfSigningKeysTest } from './credentialTests/signingKeys';

export class TechWolfTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'TechWolf Trigger',
		name: 'techWolfTrigger',
		icon: { light: 'file:../../icons/techwolf.svg', dark: 'file:../../icons/techwolf.dark.svg' },
		group: ['trigger'],
		// 1.1, not 1: for webhook nodes of exactly version 1, n8n evaluates a legacy `options.binaryData` expression in
		// its expression sandbox on every request before the node runs (bench/README.md, "The end-to-end gap"). From
		// 1.1 on it only reads the body, which is all this node needs.
		version: 1.1,
		subtitle:
			'={{ $parameter["events"].includes("*") ? "All Events" : $parameter["events"].length === 1 ? "1 Event Type" : $parameter["events"].length + " Event Types" }}',
		description: 'Starts the workflow when TechWolf sends a signed webhook event (skill profiles, skills, taxonomy)',
		defaults: { name: 'TechWolf Trigger' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [
			{ name: 'techWolfWebhookApi', required: true, testedBy: 'techWolfSigningKeysTest' },
			{
				name: 'techWolfWebhookJwksApi',
				required: true,
				displayOptions: { show: { requireAccessToken: [true], accessTokenKeys: ['jwks'] } },
			},
			{
				name: 'techWolfWebhookTokenKeyApi',
				required: true,
				testedBy: 'techWolfAccessTokenKeysTest',
				displayOptions: { show: { requireAccessToken: [true], accessTokenKeys: ['publicKey'] } },
			},
		],
		webhooks: [
			{
				name: 'default',
				httpMethod: 'POST',
				// webhook() writes every reply itself but `accepted`, which n8n sends once it has recorded the run
				// (replies.ts). An empty responseData makes n8n send the node's webhookResponse as it is.
				responseMode: 'onReceived',
				responseData: '',
				path: 'webhook',
			},
		],
		properties: withBooleansValidated(triggerProperties),
	};

	methods = { credentialTest: { techWolfSigningKeysTest, techWolfAccessTokenKeysTest } };

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
		let settings: TriggerSettings;
		let delivery: Delivery;
		try {
			settings = await loadSettings(this, { reuseCredentials: true });
			delivery = await readDelivery(this);
		} catch (error) {
			return sendReply(this, misconfigured(this, error as Error));
		}
		// The deduplication claim inside is synchronous, so it cannot interleave with another delivery's; the only
		// await in handleDelivery (the access token's key lookup) comes before it.
		const outcome = await handleDelivery(delivery, settings, rememberedIdsOf(this));
		return sendReply(this, outcome);
	}
}
