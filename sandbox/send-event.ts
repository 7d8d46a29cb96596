/**
 * `npm run send-event -- --type employee.skill_profile.updated`: sends one signed TechWolf webhook, as TechWolf would,
 * to the n8n started by `npm start` (its URL is in `.cache/sandbox/webhook-url`) or to `--url`.
 * Exit codes: 0 for a 2xx reply, 1 for any other reply or a network error, 2 for bad arguments.
 */
import { parseArgs } from 'node:util';

import { EVENT_CATALOG, findEvent } from '../nodes/shared/events/catalog';
import { buildEvent, postDelivery, signedDelivery } from './events';
import { EndpointTokenClient, type EndpointAuthentication } from './endpointToken';
import {
	DEFAULT_ENDPOINT_AUTH_FILE,
	DEFAULT_SIGNING_KEY_FILE,
	DEFAULT_WEBHOOK_URL_FILE,
	loadOrCreateSigningKey,
	readEndpointAuthentication,
	readWebhookUrl,
} from './keys';

const USAGE = `Usage: npm run send-event -- --type <name|type|list> [options]

  --type <name>            event to send, e.g. employee.skill_profile.updated; "list" prints all types
  --url <url>              webhook URL (default: the one in .cache/sandbox/webhook-url, written by npm start)
  --tenant <tenant>        tenant (default: acme)
  --external-id <id>       entity, skill or change id (default: a sandbox fixture: E1, J1, C1, ...)
  --vendor <vendor>        skill events only: external_vendor (default: the skill's vocabulary in the sandbox)
  --operation-type <type>  taxonomy.updated only: operation_type (default: the sandbox change's own)
  --id <id>                event id (default: a random UUID; reuse one to test deduplication)
  --timestamp <seconds>    X-Signature-Timestamp (default: now; an old one tests the freshness check)
  --api-url <url>          API base URL the event's source points at (default: https://<tenant>.eu.techwolf.ai)
  --key-file <path>        signing key (default: .cache/sandbox/signing-key.json, created when missing)
  --oauth2                 OAuth2 endpoint authentication, as TechWolf does it: fetch an access token with client
                           credentials and send it as Authorization: Bearer (default settings: the ones npm start
                           -- --oauth2 wrote to .cache/sandbox/endpoint-authentication.json)
  --token-url <url>        with --oauth2: the consumer's token endpoint
  --client-id <id>         with --oauth2: the client id the consumer gave TechWolf
  --client-secret <secret> with --oauth2: its secret
  --scope <scopes>         with --oauth2: the scope to request
  --token-param <n=v>      with --oauth2: an extra token-request parameter, e.g. audience=https://...; repeatable
  --help                   this text`;

export interface CliOutput {
	out: (line: string) => void;
	err: (line: string) => void;
}

class UsageError extends Error {}

function listTypes(output: CliOutput): void {
	const width = Math.max(...EVENT_CATALOG.map((entry) => entry.name.length));
	for (const entry of EVENT_CATALOG) output.out(`${entry.name.padEnd(width)}  ${entry.type}`);
}

function parseHttpUrl(value: string, option: string): string {
	let url: URL;
	try {
		url = new URL(value);
	} catch {
		throw new UsageError(`${option} "${value}" is not a URL`);
	}
	if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new UsageError(`${option} must be http(s)`);
	return url.toString();
}

const OAUTH2_OPTIONS = ['token-url', 'client-id', 'client-secret', 'scope', 'token-param'] as const;

/** --oauth2's settings: the options given, over what `npm start -- --oauth2` wrote. */
function endpointAuthenticationFrom(values: {
	'token-url'?: string;
	'client-id'?: string;
	'client-secret'?: string;
	scope?: string;
	'token-param'?: string[];
}): EndpointAuthentication {
	const stored = readEndpointAuthentication();
	const extraParameters: Record<string, string> = { ...stored?.extraParameters };
	for (const parameter of values['token-param'] ?? []) {
		const match = /^([^=\s]+)=(.*)$/.exec(parameter);
		if (!match) throw new UsageError(`--token-param "${parameter}" must be name=value`);
		extraParameters[match[1] as string] = match[2] as string;
	}
	const tokenUrl = values['token-url'] ?? stored?.tokenUrl;
	const clientId = values['client-id'] ?? stored?.clientId;
	const clientSecret = values['client-secret'] ?? stored?.clientSecret;
	if (!tokenUrl || !clientId || clientSecret === undefined) {
		throw new UsageError(
			`--oauth2 needs --token-url, --client-id and --client-secret, or run npm start -- --oauth2 (it writes ${DEFAULT_ENDPOINT_AUTH_FILE})`,
		);
	}
	const scope = values.scope ?? stored?.scope;
	return {
		tokenUrl: parseHttpUrl(tokenUrl, '--token-url'),
		clientId,
		clientSecret,
		...(scope !== undefined ? { scope } : {}),
		extraParameters,
	};
}

/** Runs the CLI with `argv` (without node and script); returns the exit code. */
export async function runSendEvent(argv: string[], output: CliOutput): Promise<number> {
	let values;
	try {
		({ values } = parseArgs({
			args: argv,
			strict: true,
			allowPositionals: false,
			options: {
				type: { type: 'string' },
				url: { type: 'string' },
				tenant: { type: 'string', default: 'acme' },
				'external-id': { type: 'string' },
				vendor: { type: 'string' },
				'operation-type': { type: 'string' },
				id: { type: 'string' },
				timestamp: { type: 'string' },
				'api-url': { type: 'string' },
				'key-file': { type: 'string', default: DEFAULT_SIGNING_KEY_FILE },
				oauth2: { type: 'boolean', default: false },
				'token-url': { type: 'string' },
				'client-id': { type: 'string' },
				'client-secret': { type: 'string' },
				scope: { type: 'string' },
				'token-param': { type: 'string', multiple: true },
				help: { type: 'boolean', default: false },
			},
		}));
	} catch (error) {
		output.err(`${error instanceof Error ? error.message : String(error)}\n\n${USAGE}`);
		return 2;
	}
	if (values.help) {
		output.out(USAGE);
		return 0;
	}
	try {
		if (values.type === 'list') {
			listTypes(output);
			return 0;
		}
		if (!values.type) throw new UsageError('--type is required');
		const entry = findEvent(values.type);
		if (!entry && !values.type.startsWith('ai.techwolf.')) {
			throw new UsageError(`Unknown event type "${values.type}". Known types (--type list):`);
		}
		const dataShape = entry?.data;
		if (values.vendor !== undefined && dataShape !== 'skill') {
			throw new UsageError('--vendor applies to skill events only (taxonomy.skill.*)');
		}
		if (values['operation-type'] !== undefined && dataShape !== 'taxonomyChange') {
			throw new UsageError('--operation-type applies to taxonomy.updated only');
		}
		if (values['operation-type'] !== undefined && !/^[a-z][a-z0-9_]*$/.test(values['operation-type'])) {
			throw new UsageError('--operation-type must look like vocab_update_rename_skill');
		}
		if (values['external-id'] !== undefined && dataShape === 'none') {
			throw new UsageError('--external-id does not apply to the health check');
		}
		if (values.timestamp !== undefined && !/^\d{1,12}$/.test(values.timestamp)) {
			throw new UsageError('--timestamp must be whole seconds since the epoch');
		}
		if (!/^[^\s:]+$/.test(values.tenant)) throw new UsageError('--tenant must be non-empty, without spaces or ":"');
		const urlText = values.url ?? readWebhookUrl();
		if (!urlText) {
			throw new UsageError(`No webhook URL: pass --url, or run npm start (it writes ${DEFAULT_WEBHOOK_URL_FILE})`);
		}
		const url = parseHttpUrl(urlText, values.url ? '--url' : DEFAULT_WEBHOOK_URL_FILE);
		const apiBaseUrl = values['api-url'] === undefined ? undefined : parseHttpUrl(values['api-url'], '--api-url');

		const endpointAuthentication = values.oauth2 ? endpointAuthenticationFrom(values) : undefined;
		if (!values.oauth2 && OAUTH2_OPTIONS.some((option) => values[option] !== undefined)) {
			throw new UsageError(`--${OAUTH2_OPTIONS.join(', --')} need --oauth2`);
		}

		const key = loadOrCreateSigningKey(values['key-file']);
		if (key.created) output.err(`Created a signing key in ${key.file}; public key: ${key.publicKeyHex}`);
		const event = buildEvent(values.type, {
			tenant: values.tenant,
			...(values['external-id'] !== undefined ? { externalId: values['external-id'] } : {}),
			...(values.vendor !== undefined ? { externalVendor: values.vendor } : {}),
			...(values['operation-type'] !== undefined ? { operationType: values['operation-type'] } : {}),
			...(values.id !== undefined ? { id: values.id } : {}),
			...(apiBaseUrl !== undefined ? { apiBaseUrl } : {}),
		});
		const delivery = signedDelivery(event, {
			privateKeys: [key.privateKey],
			...(values.timestamp !== undefined ? { timestamp: values.timestamp } : {}),
		});
		let authorization: string | undefined;
		if (endpointAuthentication) {
			try {
				authorization = await new EndpointTokenClient(endpointAuthentication).authorization();
			} catch (error) {
				output.err(`No access token: ${error instanceof Error ? error.message : String(error)}`);
				return 1;
			}
			output.out(`Access token from ${endpointAuthentication.tokenUrl} (client ${endpointAuthentication.clientId})`);
		}
		output.out(`POST ${url}`);
		output.out(delivery.body.toString('utf8'));
		let reply;
		try {
			reply = await postDelivery(url, {
				body: delivery.body,
				headers: { ...delivery.headers, ...(authorization ? { authorization } : {}) },
			});
		} catch (error) {
			const cause = error instanceof Error && error.cause instanceof Error ? `: ${error.cause.message}` : '';
			output.err(`Request failed: ${error instanceof Error ? error.message : String(error)}${cause}`);
			return 1;
		}
		output.out(`→ ${reply.status}`);
		if (reply.body !== '') output.out(reply.body);
		return reply.status >= 200 && reply.status < 300 ? 0 : 1;
	} catch (error) {
		if (!(error instanceof UsageError)) throw error;
		output.err(error.message);
		if (error.message.startsWith('Unknown event type')) listTypes({ out: output.err, err: output.err });
		else output.err(`\n${USAGE}`);
		return 2;
	}
}

if (require.main === module) {
	runSendEvent(process.argv.slice(2), {
		out: (line) => process.stdout.write(`${line}\n`),
		err: (line) => process.stderr.write(`${line}\n`),
	}).then(
		(code) => {
			process.exitCode = code;
		},
		(error: unknown) => {
			process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
			process.exitCode = 1;
		},
	);
}
