import type {
	ICredentialDataDecryptedObject,
	ICredentialTestRequest,
	ICredentialType,
	Icon,
	IHttpRequestHelper,
	INodeProperties,
} from 'n8n-workflow';

import { authenticateRequest, connectionProperties, TOKEN_CHECK, tokenEndpoint } from '../nodes/TechWolf/connection';
import { CLIENT_ASSERTION_TYPE, signClientAssertion } from '../nodes/TechWolf/connection/clientAssertion';

interface TokenResponse {
	access_token?: unknown;
	expires_in?: unknown;
}

/**
 * How the client proves who it is in the token request: its secret, or a fresh client assertion (RFC 7523) signed
 * for this token URL, sent as `client_assertion` with the jwt-bearer `client_assertion_type`.
 */
function clientAuthentication(credentials: ICredentialDataDecryptedObject, tokenUrl: string): Record<string, string> {
	if (credentials.clientAuthentication !== 'privateKeyJwt')
		return { client_secret: String(credentials.clientSecret ?? '') };
	const { assertion } = signClientAssertion({
		clientId: String(credentials.clientId ?? ''),
		tokenUrl,
		privateKeyPem: String(credentials.privateKey ?? ''),
		keyId: typeof credentials.keyId === 'string' ? credentials.keyId : undefined,
	});
	return { client_assertion: assertion, client_assertion_type: CLIENT_ASSERTION_TYPE };
}

/**
 * OAuth2 client credentials against TechWolf's Auth0 tenant, the client authenticated by its secret or by a JWT it
 * signs with its private key (TechWolf's two documented methods; `nodes/TechWolf/connection/clientAssertion.ts`).
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
			displayName: 'Client Authentication',
			name: 'clientAuthentication',
			type: 'options',
			default: 'clientSecret',
			options: [
				{ name: 'Client Secret', value: 'clientSecret', description: 'TechWolf gave you a client secret' },
				{
					name: 'Private Key JWT',
					value: 'privateKeyJwt',
					description: 'TechWolf registered your public key; n8n signs each token request with the private key',
				},
			],
		},
		{
			displayName: 'Client Secret',
			name: 'clientSecret',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			displayOptions: { show: { clientAuthentication: ['clientSecret'] } },
		},
		{
			displayName: 'Private Key',
			name: 'privateKey',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			placeholder: 'e.g. -----BEGIN PRIVATE KEY----- MIIE... -----END PRIVATE KEY-----',
			description:
				'The PEM private key whose public key TechWolf registered for this client (unencrypted PKCS #8, PKCS #1 or SEC 1)',
			hint: 'The algorithm follows the key: an RSA key (2048 bits or more) signs RS256, an EC P-256 key signs ES256. TechWolf does not name one; its token endpoint (Auth0) accepts RSA keys, so use RSA unless TechWolf confirms ES256.',
			displayOptions: { show: { clientAuthentication: ['privateKeyJwt'] } },
		},
		{
			displayName: 'Key ID',
			name: 'keyId',
			type: 'string',
			default: '',
			description: 'Sent as the JWT "kid" header; only if TechWolf gave you a key ID for the registered key',
			displayOptions: { show: { clientAuthentication: ['privateKeyJwt'] } },
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
				...clientAuthentication(credentials, url),
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

	/** Fetches a token (preAuthentication runs on every test) and checks it as TechWolf suggests. */
	test: ICredentialTestRequest = TOKEN_CHECK;
}
