import type {
	ICredentialDataDecryptedObject,
	ICredentialTestRequest,
	ICredentialType,
	Icon,
	IHttpRequestHelper,
	INodeProperties,
} from 'n8n-workflow';

import { authenticateRequest, connectionProperties, tokenEndpoint } from '../nodes/shared/connection';

interface TokenResponse {
	access_token?: unknown;
	expires_in?: unknown;
}

/**
 * OAuth2 client credentials against TechWolf's Auth0 tenant.
 *
 * Why not `extends: ['oAuth2Api']`: n8n's built-in flow posts a form-encoded body, while TechWolf documents a JSON
 * body that carries the non-standard `tenant` field next to `audience`. So this credential fetches the token itself in
 * `preAuthentication`, exactly as TechWolf documents it, and n8n keeps it in the hidden, expirable `accessToken`:
 * n8n stores it with the credential and reuses it across executions until the API answers 401 (TechWolf tokens last
 * about three hours), then calls preAuthentication once more and retries the request once.
 */
export class TechWolfOAuth2Api implements ICredentialType {
	name = 'techWolfOAuth2Api';

	displayName = 'TechWolf OAuth2 API';

	icon: Icon = { light: 'file:../icons/techwolf.svg', dark: 'file:../icons/techwolf.dark.svg' };

	documentationUrl =
		'https://developers.techwolf.ai/reference/latest/API%20Documentation/Authentication/Authentication';

	properties: INodeProperties[] = [
		...connectionProperties,
		{
			displayName: 'Access Token URL',
			name: 'tokenUrl',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'e.g. https://techwolf.eu.auth0.com/oauth/token',
			displayOptions: { show: { region: ['custom'] } },
		},
		{
			displayName: 'Audience',
			name: 'audience',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'e.g. eu3.techwolf.ai',
			displayOptions: { show: { region: ['custom'] } },
		},
		{
			displayName: 'Client ID',
			name: 'clientId',
			type: 'string',
			default: '',
			required: true,
		},
		{
			displayName: 'Client Secret',
			name: 'clientSecret',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
		},
		{
			displayName: 'Scopes',
			name: 'scopes',
			type: 'string',
			default: '',
			placeholder: 'e.g. read write',
			description:
				'Space-separated scopes to request (read, write, read_reports). Empty requests every scope your client has.',
		},
		{
			displayName: 'Access Token',
			name: 'accessToken',
			type: 'hidden',
			typeOptions: { expirable: true, password: true },
			default: '',
		},
	];

	async preAuthentication(this: IHttpRequestHelper, credentials: ICredentialDataDecryptedObject) {
		const { url, audience } = tokenEndpoint(credentials);
		const scopes = String(credentials.scopes ?? '')
			.split(/\s+/)
			.filter((scope) => scope.length > 0);
		const response = (await this.helpers.httpRequest({
			method: 'POST',
			url,
			headers: { 'Content-Type': 'application/json' },
			body: {
				client_id: credentials.clientId,
				client_secret: credentials.clientSecret,
				audience,
				grant_type: 'client_credentials',
				tenant: credentials.tenant,
				...(scopes.length > 0 ? { scopes } : {}),
			},
			json: true,
		})) as TokenResponse;
		if (typeof response?.access_token !== 'string' || response.access_token.length === 0) {
			throw new Error(`The token endpoint ${url} answered without an access_token`);
		}
		return { accessToken: response.access_token };
	}

	authenticate = authenticateRequest;

	/** Fetches a token (preAuthentication runs on every test) and makes one cheap read. */
	test: ICredentialTestRequest = { request: { method: 'GET', url: '/employees', qs: { limit: 1 } } };
}
