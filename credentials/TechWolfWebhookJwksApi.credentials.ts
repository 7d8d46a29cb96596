import type { ICredentialTestRequest, Icon, ICredentialType, INodeProperties } from 'n8n-workflow';

import { durationText } from '../nodes/TechWolfTrigger/durationText';
import { JWKS_LIFETIME_SECONDS } from '../nodes/TechWolfTrigger/verification/accessToken';
import { accessTokenPolicyProperties } from '../nodes/TechWolfTrigger/verification/accessToken/credential';

/**
 * For TechWolf's optional OAuth2 endpoint authentication: the TechWolf Trigger checks the access token of each
 * delivery against the key set (JWKS) your authorization server publishes, and against this issuer, audience and
 * scopes. A credential of its own, not part of "TechWolf Webhook API": these are your authorization server's
 * settings, not TechWolf's key, and n8n's own Webhook node keeps each authentication method in its own credential.
 */
export class TechWolfWebhookJwksApi implements ICredentialType {
	name = 'techWolfWebhookJwksApi';

	displayName = 'TechWolf Webhook Access Token (JWKS) API';

	icon: Icon = { light: 'file:../icons/techwolf.svg', dark: 'file:../icons/techwolf.dark.svg' };

	documentationUrl = 'https://developers.techwolf.ai/integrations/webhooks/security';

	properties: INodeProperties[] = [
		{
			displayName: 'JWKS URL',
			name: 'jwksUrl',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'https://auth.example.com/.well-known/jwks.json',
			description: `Your authorization server's public key set: the jwks_uri in its /.well-known/openid-configuration. The trigger caches it for ${durationText(JWKS_LIFETIME_SECONDS, 'minutes')} and fetches it again when a token names a new key.`,
		},
		...accessTokenPolicyProperties,
	];

	/** The Test button fetches the JWKS, as the trigger will; the trigger then also reads every key. */
	test: ICredentialTestRequest = {
		request: { method: 'GET', url: '={{$credentials.jwksUrl}}', headers: { accept: 'application/json' } },
		rules: [
			{
				type: 'responseSuccessBody',
				properties: {
					key: 'keys',
					value: undefined,
					message:
						'The URL answered, but not with a JWKS (no "keys" list): enter the jwks_uri of your authorization server',
				},
			},
			{
				type: 'responseSuccessBody',
				properties: { key: 'keys.length', value: 0, message: 'The JWKS has no keys' },
			},
		],
	};
}
