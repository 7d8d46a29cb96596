import type { Icon, ICredentialTestRequest, ICredentialType, INodeProperties } from 'n8n-workflow';

import { authenticateRequest, connectionProperties, TOKEN_CHECK } from '../nodes/TechWolf/connection';

/** For users who obtain SkillEngine access tokens elsewhere (a secrets manager, another workflow). */
export class TechWolfApi implements ICredentialType {
	name = 'techWolfApi';

	displayName = 'TechWolf API';

	icon: Icon = { light: 'file:../icons/techwolf.svg', dark: 'file:../icons/techwolf.dark.svg' };

	documentationUrl =
		'https://developers.techwolf.ai/reference/latest/API%20Documentation/Authentication/Authentication';

	properties: INodeProperties[] = [
		...connectionProperties,
		{
			displayName: 'Access Token',
			name: 'accessToken',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description:
				'A SkillEngine access token (sent as Authorization: Bearer). TechWolf tokens expire after a few hours.',
		},
	];

	authenticate = authenticateRequest;

	test: ICredentialTestRequest = TOKEN_CHECK;
}
