import { NodeConnectionTypes, type IExecuteFunctions, type INodeType, type INodeTypeDescription } from 'n8n-workflow';

import { resourcesProperties, subtitle } from './actions/resources';
import { router } from './actions/router';
import { withBooleansValidated } from '../shared/booleans';
import { listSearch } from './methods/listSearch';

export class TechWolf implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'TechWolf',
		name: 'techWolf',
		icon: { light: 'file:../../icons/techwolf.svg', dark: 'file:../../icons/techwolf.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle,
		description: "Read and update skills data in TechWolf's SkillEngine, and resolve TechWolf webhook events",
		defaults: { name: 'TechWolf' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [
			{ name: 'techWolfOAuth2Api', required: true, displayOptions: { show: { authentication: ['oAuth2'] } } },
			{ name: 'techWolfApi', required: true, displayOptions: { show: { authentication: ['accessToken'] } } },
		],
		properties: withBooleansValidated([
			{
				displayName: 'Authentication',
				name: 'authentication',
				type: 'options',
				options: [
					{ name: 'OAuth2 (Client Credentials)', value: 'oAuth2' },
					{ name: 'Access Token', value: 'accessToken' },
				],
				default: 'oAuth2',
			},
			...resourcesProperties,
		]),
	};

	methods = { listSearch };

	async execute(this: IExecuteFunctions) {
		return await router.call(this);
	}
}
