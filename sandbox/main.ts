/**
 * `npx tsx sandbox/main.ts --port 5699 --tenant acme`: runs the TechWolf sandbox in the foreground, prints what a
 * TechWolf credential needs, logs each request, and stops on Ctrl-C.
 */
import { parseArgs } from 'node:util';

import { CONTROL_PREFIX, startSandbox } from './server';

const USAGE = `Usage: npx tsx sandbox/main.ts [options]

  --port <port>            port on 127.0.0.1 (default: 0, a free port)
  --tenant <tenant>        tenant (default: acme)
  --client-id <id>         OAuth client id (default: sandbox-client-id)
  --client-secret <secret> OAuth client secret (default: sandbox-client-secret)
  --audience <audience>    token audience (default: eu3.techwolf.ai)
  --token-lifetime <s>     access token lifetime in seconds (default: 10800)
  --quiet                  do not log requests
  --help                   this text`;

function fail(message: string): never {
	process.stderr.write(`${message}\n\n${USAGE}\n`);
	process.exit(2);
}

function integerOption(value: string | undefined, name: string, min: number, max: number): number | undefined {
	if (value === undefined) return undefined;
	if (!/^\d+$/.test(value) || Number(value) < min || Number(value) > max) {
		fail(`--${name} must be an integer from ${min} to ${max}`);
	}
	return Number(value);
}

async function main(): Promise<void> {
	let values;
	try {
		({ values } = parseArgs({
			strict: true,
			allowPositionals: false,
			options: {
				port: { type: 'string' },
				tenant: { type: 'string' },
				'client-id': { type: 'string' },
				'client-secret': { type: 'string' },
				audience: { type: 'string' },
				'token-lifetime': { type: 'string' },
				quiet: { type: 'boolean', default: false },
				help: { type: 'boolean', default: false },
			},
		}));
	} catch (error) {
		fail(error instanceof Error ? error.message : String(error));
	}
	if (values.help) {
		process.stdout.write(`${USAGE}\n`);
		return;
	}
	const port = integerOption(values.port, 'port', 0, 65535);
	const tokenLifetimeSeconds = integerOption(values['token-lifetime'], 'token-lifetime', 1, 10 * 365 * 24 * 3600);
	const sandbox = await startSandbox({
		...(port !== undefined ? { port } : {}),
		...(values.tenant !== undefined ? { tenant: values.tenant } : {}),
		...(values['client-id'] !== undefined ? { clientId: values['client-id'] } : {}),
		...(values['client-secret'] !== undefined ? { clientSecret: values['client-secret'] } : {}),
		...(values.audience !== undefined ? { audience: values.audience } : {}),
		...(tokenLifetimeSeconds !== undefined ? { tokenLifetimeSeconds } : {}),
		...(values.quiet ? {} : { log: (line: string) => process.stdout.write(`${new Date().toISOString()} ${line}\n`) }),
	}).catch((error: unknown) => {
		const code = (error as NodeJS.ErrnoException).code;
		fail(code === 'EADDRINUSE' ? `Port ${port} is already in use` : String(error));
	});
	const { credentials } = sandbox;
	process.stdout.write(
		[
			'TechWolf sandbox running (Ctrl-C to stop)',
			`  API URL        ${sandbox.url}`,
			`  Token URL      ${sandbox.tokenUrl}`,
			`  Client ID      ${credentials.clientId}`,
			`  Client secret  ${credentials.clientSecret}`,
			`  Tenant         ${credentials.tenant}`,
			`  Audience       ${credentials.audience}`,
			`  Controls       ${sandbox.url}${CONTROL_PREFIX}/{info,stats,faults,expire-tokens,reset}`,
			'',
		].join('\n'),
	);
	const stop = () => {
		process.stdout.write('Stopping the sandbox\n');
		sandbox.stop().then(
			() => process.exit(0),
			() => process.exit(1),
		);
	};
	process.once('SIGINT', stop);
	process.once('SIGTERM', stop);
}

void main();
