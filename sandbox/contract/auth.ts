/** TechWolf's token endpoint (Auth0, client credentials): on its own host, with OAuth errors rather than TechWolf's. */
import { PAGES } from './common';
import { array, integer, object, oneOf, optional, required, string, type Endpoint } from './schema';

export const tokenEndpoint: Endpoint = {
	id: 'auth.token',
	method: 'POST',
	path: '/oauth/token',
	summary:
		'A Bearer token for client credentials; EU https://techwolf.eu.auth0.com, US https://techwolf-us.us.auth0.com',
	pages: [PAGES.authentication],
	scope: 'read',
	pathParameters: {},
	query: {},
	body: object(
		{
			grant_type: required(oneOf(['client_credentials'])),
			client_id: required(string({ minLength: 1 })),
			client_secret: optional(string({ minLength: 1, note: 'client credentials: TechWolf gives the secret' })),
			client_assertion: optional(
				string({
					minLength: 1,
					note: 'private key JWT: claims iss = sub = client_id, aud = the token URL, exp (the page); alg, iat, jti presumed',
				}),
			),
			client_assertion_type: optional(
				oneOf(['urn:ietf:params:oauth:client-assertion-type:jwt-bearer'], {
					note: 'RFC 7523 and Auth0: presumed, the page is cut off before the request',
				}),
			),
			audience: required(string({ minLength: 1, note: 'eu3.techwolf.ai or us3.techwolf.ai' })),
			tenant: required(string({ minLength: 1, note: 'the example tenant is company_xyz: underscores occur' })),
			scopes: optional(array(oneOf(['read', 'write', 'read_reports']), { note: 'the newer page: a JSON array' })),
			scope: optional(string({ note: "UNKNOWN whether Auth0's space-separated form is also accepted" })),
		},
		{ exactlyOneOf: [['client_secret', 'client_assertion']] },
	),
	rules: [
		{
			rule: 'A client assertion comes with its client_assertion_type (RFC 7523 §2.2)',
			check: ({ body }) => {
				const fields = (body ?? {}) as Record<string, unknown>;
				return (fields.client_assertion === undefined) === (fields.client_assertion_type === undefined)
					? undefined
					: 'client_assertion and client_assertion_type go together';
			},
		},
	],
	responses: {
		200: {
			description: 'The token; cache it until it expires',
			schema: object({
				access_token: required(string({ minLength: 1 })),
				expires_in: required(integer({ minimum: 1, note: 'example 10800' })),
				scope: required(string()),
				token_type: required(oneOf(['Bearer'])),
			}),
		},
		400: { description: 'OAuth error {error, error_description} (Auth0; not shown by TechWolf)' },
		401: { description: 'Wrong client credentials (Auth0; not shown by TechWolf)' },
		403: { description: 'Audience, tenant or scope refused (Auth0; not shown by TechWolf)' },
	},
	pagination: { style: 'none' },
	unknowns: [
		"Private key JWT: the algorithm and the request parameters are not in the copies; the sandbox takes RS256 (RSA) and ES256 (P-256) assertions as client_assertion with the jwt-bearer client_assertion_type, with Auth0's limits (at most 5 minutes, each jti once)",
		'Whether the token tenant and the API host {tenant_name} are one value is not stated',
	],
};
