import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { EVENT_CATALOG, HEALTH_CHECK_TYPE } from '../shared/events';
import { DEFAULT_TOLERANCE_SECONDS } from './verification/signature';
import { DEFAULT_WINDOW_MINUTES } from './deduplication';
import { SOURCE_PRESETS } from './sourceIp';

export const ALL_EVENTS = '*';

/** One option per catalog event, labelled by group so that the list reads grouped when n8n sorts it. */
const eventOptions: INodePropertyOptions[] = EVENT_CATALOG.filter((entry) => entry.type !== HEALTH_CHECK_TYPE).map(
	(entry) => ({
		name: `${entry.group}: ${entry.label.replace(new RegExp(`^${entry.group} `), '')}`,
		value: entry.type,
		description: `${entry.description}. Fetch the state with ${entry.apiCall}.`,
	}),
);

export const triggerProperties: INodeProperties[] = [
	{
		displayName:
			'TechWolf has no API to register webhooks. Give the <b>Production URL</b> above and the event types you want to your TechWolf contact, put the public key TechWolf gives you in the credential, then publish this workflow. The Test URL only works while you listen for a test event.',
		name: 'productionUrlNotice',
		type: 'notice',
		default: '',
	},
	{
		displayName: 'Events',
		name: 'events',
		type: 'multiOptions',
		required: true,
		default: [ALL_EVENTS],
		description:
			'Which event types start the workflow. Other verified events are acknowledged (200) so that TechWolf does not retry them.',
		options: [
			{
				name: 'All Events',
				value: ALL_EVENTS,
				description: 'Every event type below, and new ones as this node learns them',
			},
			...eventOptions,
		],
	},
	{
		displayName: 'Require Access Token',
		name: 'requireAccessToken',
		type: 'boolean',
		default: false,
		description:
			"Whether every delivery must also carry an access token from your own authorization server (Authorization: Bearer), on top of TechWolf's signature. Turn it on once you gave TechWolf a token URL, client ID and secret for OAuth2 endpoint authentication.",
	},
	{
		displayName: 'Access Token Keys',
		name: 'accessTokenKeys',
		type: 'options',
		default: 'jwks',
		displayOptions: { show: { requireAccessToken: [true] } },
		options: [
			{
				name: 'From a JWKS URL',
				value: 'jwks',
				description: "Your authorization server's published key set; key rotations are picked up by themselves",
			},
			{
				name: 'Pasted Public Key',
				value: 'publicKey',
				description: 'For an authorization server without a JWKS URL',
			},
		],
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			{
				displayName: 'Allowed Source IPs',
				name: 'allowedSources',
				type: 'multiOptions',
				default: [],
				description:
					"Accept requests only from TechWolf's published addresses for a region. Behind a reverse proxy, set N8N_PROXY_HOPS so that n8n sees the real client address.",
				options: Object.entries(SOURCE_PRESETS).map(([value, preset]) => ({
					name: preset.label,
					value,
					description: preset.addresses.join(', '),
				})),
			},
			{
				displayName: 'Custom Allowed IP Ranges',
				name: 'customAllowedRanges',
				type: 'string',
				default: '',
				placeholder: 'e.g. 203.0.113.0/24, 2001:db8::/32',
				description:
					'More addresses or CIDR ranges to accept, comma-separated. With neither this nor a preset, any address may call.',
			},
			{
				displayName: 'Deduplication Window (Minutes)',
				name: 'deduplicationWindowMinutes',
				type: 'number',
				default: DEFAULT_WINDOW_MINUTES,
				typeOptions: { minValue: 0, maxValue: 10080 },
				description:
					'How long an accepted event ID is remembered; a redelivery within it is acknowledged but does not start the workflow. 0 turns deduplication off.',
			},
			{
				displayName: 'Emit Health Checks',
				name: 'emitHealthChecks',
				type: 'boolean',
				default: false,
				description:
					'Whether TechWolf health checks start the workflow. They are always verified and answered, either way.',
			},
			{
				displayName: 'Emit Unknown Event Types',
				name: 'emitUnknownTypes',
				type: 'boolean',
				default: false,
				description:
					'Whether verified events of a type or version this node does not know yet start the workflow (only when Events is All Events)',
			},
			{
				displayName: 'Expected Tenant',
				name: 'expectedTenant',
				type: 'string',
				default: '',
				placeholder: 'e.g. acme',
				description:
					'Reject events of any other tenant (X-Tenant header). Empty accepts any tenant signed by your key.',
			},
			{
				displayName: 'Timestamp Tolerance (Seconds)',
				name: 'toleranceSeconds',
				type: 'number',
				default: DEFAULT_TOLERANCE_SECONDS,
				typeOptions: { minValue: 1, maxValue: 3600 },
				description:
					'Reject requests signed longer ago, or further in the future, than this. Protects against replays.',
			},
		],
	},
];
