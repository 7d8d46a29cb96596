import type { Icon, ICredentialType, INodeProperties } from 'n8n-workflow';

import { accessTokenPolicyProperties } from '../nodes/TechWolfTrigger/verification/accessToken/credential';

/**
 * For TechWolf's optional OAuth2 endpoint authentication, when your authorization server publishes no JWKS: the
 * TechWolf Trigger checks the access token of each delivery against the public keys pasted here. The TechWolf
 * Trigger's credential test reads every key. Public keys are not secrets, so the field stays visible.
 */
export class TechWolfWebhookTokenKeyApi implements ICredentialType {
	name = 'techWolfWebhookTokenKeyApi';

	displayName = 'TechWolf Webhook Access Token (Public Key) API';

	icon: Icon = { light: 'file:../icons/techwolf.svg', dark: 'file:../icons/techwolf.dark.svg' };

	documentationUrl = 'https://developers.techwolf.ai/integrations/webhooks/security';

	properties: INodeProperties[] = [
		{
			displayName: 'Public Keys',
			name: 'publicKeys',
			type: 'string',
			typeOptions: { rows: 6 },
			default: '',
			required: true,
			placeholder:
				'-----BEGIN PUBLIC KEY-----\nMIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEA…\n-----END PUBLIC KEY-----',
			description:
				'The public key your authorization server signs tokens with: PEM (BEGIN PUBLIC KEY or a certificate), a JWK or a JWKS. During a key rotation, paste both keys, one after the other.',
		},
		...accessTokenPolicyProperties,
	];
}
