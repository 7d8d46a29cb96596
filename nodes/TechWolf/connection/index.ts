/**
 * Where and how to reach TechWolf's SkillEngine API, shared by both API credentials and the transport: the regions,
 * the API base URL, the OAuth2 token endpoint, and the request authentication. The credentials own all of this, so
 * the transport only ever sends paths (`/employees/E1/skill_profile`).
 */
import type {
	ICredentialDataDecryptedObject,
	ICredentialTestRequest,
	IHttpRequestOptions,
	INodeProperties,
	INodePropertyOptions,
} from 'n8n-workflow';

import { credentialText, parseHttpUrl } from '../../shared/credentialFields';

/** The client-credentials credential's name (n8n's no-hardcoded-secrets rule takes it for a secret under an "auth" key). */
const CLIENT_CREDENTIALS_CREDENTIAL = 'techWolfOAuth2Api';

/** The action node's credentials, by the value of its Authentication parameter. */
export const API_CREDENTIAL = { oAuth2: CLIENT_CREDENTIALS_CREDENTIAL, accessToken: 'techWolfApi' } as const;

/** TechWolf's published Auth0 endpoints per region (TechWolf docs, "Authentication"). */
const TECHWOLF_REGIONS = {
	eu: {
		tokenUrl: 'https://techwolf.eu.auth0.com/oauth/token',
		audience: 'eu3.techwolf.ai',
		hostLabel: 'eu',
	},
	us: {
		tokenUrl: 'https://techwolf-us.us.auth0.com/oauth/token',
		audience: 'us3.techwolf.ai',
		hostLabel: 'us',
	},
} as const;

type RegionChoice = keyof typeof TECHWOLF_REGIONS | 'custom';

/** Tenant names as TechWolf issues them: letters, digits, `-` and `_` (the Authentication page's example is company_xyz). */
const TENANT = /^[a-zA-Z0-9][a-zA-Z0-9_-]{0,62}$/;
const HOST_LABEL = /^[a-z0-9][a-z0-9-]{0,30}$/;

class ConnectionSettingsError extends Error {}

function text(credentials: ICredentialDataDecryptedObject, field: string): string {
	return credentialText(credentials, field).trim();
}

function region(credentials: ICredentialDataDecryptedObject): RegionChoice {
	const value = text(credentials, 'region');
	if (value === 'custom' || Object.prototype.hasOwnProperty.call(TECHWOLF_REGIONS, value)) return value as RegionChoice;
	return 'eu';
}

function httpUrl(value: string, field: string): string {
	const url = parseHttpUrl(value);
	if (url === 'not a URL')
		throw new ConnectionSettingsError(`${field} "${value}" is not a URL (example: https://acme.eu.techwolf.ai)`);
	if (url === 'not http') throw new ConnectionSettingsError(`${field} must start with https://`);
	return value.replace(/\/+$/, '');
}

/** https://{tenant}.{region}.techwolf.ai, or the custom base URL. */
export function apiBaseUrl(credentials: ICredentialDataDecryptedObject): string {
	const chosen = region(credentials);
	if (chosen === 'custom') return httpUrl(text(credentials, 'baseUrl'), 'API Base URL');
	// The token's tenant and the address's {tenant_name} may differ (TechWolf does not say): the address can name its own.
	const tenant = text(credentials, 'apiTenant') || text(credentials, 'tenant');
	if (!TENANT.test(tenant)) {
		throw new ConnectionSettingsError(
			`Tenant "${tenant}" is not a TechWolf tenant name (letters, digits, "-" and "_")`,
		);
	}
	const hostLabel = text(credentials, 'hostRegion') || TECHWOLF_REGIONS[chosen].hostLabel;
	if (!HOST_LABEL.test(hostLabel)) {
		throw new ConnectionSettingsError(`Region in API Address "${hostLabel}" must be lower-case letters and digits`);
	}
	return `https://${tenant}.${hostLabel}.techwolf.ai`;
}

export function tokenEndpoint(credentials: ICredentialDataDecryptedObject): { url: string; audience: string } {
	const chosen = region(credentials);
	if (chosen === 'custom') {
		const audience = text(credentials, 'audience');
		if (!audience) throw new ConnectionSettingsError('Audience is required for a custom region');
		return { url: httpUrl(text(credentials, 'tokenUrl'), 'Access Token URL'), audience };
	}
	return { url: TECHWOLF_REGIONS[chosen].tokenUrl, audience: TECHWOLF_REGIONS[chosen].audience };
}

/** Bearer token plus base URL, for both credentials (the OAuth2 one fetches its token in preAuthentication). */
export async function authenticateRequest(
	credentials: ICredentialDataDecryptedObject,
	requestOptions: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	return {
		...requestOptions,
		baseURL: requestOptions.baseURL || apiBaseUrl(credentials),
		headers: { ...requestOptions.headers, Authorization: `Bearer ${text(credentials, 'accessToken')}` },
	};
}

/**
 * Both API credentials' Test call: TechWolf's Authentication page says "To verify if your token works, you can retrieve
 * the version of your tenant via the /version endpoint" (sandbox/contract/READING.md, Version). Only the status counts.
 */
export const TOKEN_CHECK: ICredentialTestRequest = { request: { method: 'GET', url: '/version' } };

const apiHost = (region: keyof typeof TECHWOLF_REGIONS) =>
	`https://{tenant}.${TECHWOLF_REGIONS[region].hostLabel}.techwolf.ai`;

/** TechWolf's regions as the Region field lists them; their names appear nowhere else. */
const REGION_OPTIONS = [
	{ name: 'Europe', value: 'eu', description: `API at ${apiHost('eu')}` },
	{ name: 'United States', value: 'us', description: `API at ${apiHost('us')}` },
] as const satisfies ReadonlyArray<{ name: string; value: keyof typeof TECHWOLF_REGIONS; description: string }>;

const REGION_CHOICES: INodePropertyOptions[] = [
	...REGION_OPTIONS,
	{ name: 'Custom', value: 'custom', description: 'Type the addresses, e.g. for another region or a sandbox' },
];

/** The connection fields both credentials show: region, tenant, and where the API is. */
export const connectionProperties: INodeProperties[] = [
	{
		displayName: 'Region',
		name: 'region',
		type: 'options',
		default: 'eu',
		options: REGION_CHOICES,
	},
	{
		displayName: 'Tenant',
		name: 'tenant',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. acme',
		description:
			'Your TechWolf tenant, as TechWolf gave it to you (sent with every token request), for example acme or company_xyz',
	},
	{
		displayName: 'Tenant in API Address',
		name: 'apiTenant',
		type: 'string',
		default: '',
		placeholder: 'e.g. company-xyz',
		description:
			"Leave empty when the API address starts with your tenant, as in https://acme.eu.techwolf.ai. If the address TechWolf gave you names the tenant differently (for example company-xyz for the tenant company_xyz), type that part here. Whether the two can differ is TechWolf's to confirm.",
		displayOptions: { show: { region: REGION_OPTIONS.map(({ value }) => value) } },
	},
	{
		displayName: 'Region in API Address',
		name: 'hostRegion',
		type: 'string',
		default: '',
		placeholder: 'e.g. eu3',
		description: `Leave empty to call ${REGION_OPTIONS.map(({ name, value }) => `${apiHost(value)} (${name})`).join(' or ')}. TechWolf does not publish the region part of the address (its token audiences eu3/us3 suggest eu3/us3): TechWolf to confirm. If TechWolf gave you another address, such as https://acme.eu3.techwolf.ai, type its region part (eu3).`,
		displayOptions: { show: { region: REGION_OPTIONS.map(({ value }) => value) } },
	},
	{
		displayName: 'API Base URL',
		name: 'baseUrl',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. https://acme.eu.techwolf.ai',
		description: 'Where the SkillEngine API is, without a trailing path',
		displayOptions: { show: { region: ['custom'] } },
	},
];
