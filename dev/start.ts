/**
 * `npm start`: a real n8n with this package, a local TechWolf sandbox, credentials and the example workflow, ready
 * to click through. `npm start -- --oauth2` also starts the consumer's authorization server and has the example
 * trigger require its access tokens. Ports: N8N_PORT (default 5678), SANDBOX_PORT (5699) and AUTH_PORT (5698, with
 * --oauth2). A default port that is taken
 * (an n8n you already run) is replaced by the next free one, with a line saying so; a port you chose that is taken
 * stops npm start with one line. n8n exiting ends npm start with a line naming its log. Ctrl-C, an error or n8n's
 * exit stop everything this started.
 */
import {
	loadOrCreateSigningKey,
	removeEndpointAuthentication,
	writeEndpointAuthentication,
	writeWebhookUrl,
} from '../sandbox/keys';
import { isPortFree } from '../e2e/n8n/helpers';
import { N8N_VERSION } from '../e2e/n8n/install';
import { PortInUseError } from '../e2e/n8n/instance';
import { startPlayground, type Playground } from '../e2e/playground';

/** How far past a taken default port to look for a free one. */
const PORT_SEARCH_SPAN = 20;

function say(line: string): void {
	process.stderr.write(`${line}\n`);
}

/** Ends npm start with one line (and no stack trace): the user has something to do, not a bug to read. */
class StartRefused extends Error {}

async function choosePort(envName: string, defaultPort: number, what: string): Promise<number> {
	const chosen = process.env[envName];
	if (chosen !== undefined) {
		const port = Number(chosen);
		if (!Number.isInteger(port) || port < 1 || port > 65535) {
			throw new StartRefused(`${envName}=${chosen} is not a port number (1-65535).`);
		}
		if (!(await isPortFree(port))) {
			throw new StartRefused(
				`Port ${port} (${envName}) is already in use. Stop what listens there or choose another port: ${envName}=<port> npm start`,
			);
		}
		return port;
	}
	for (let port = defaultPort; port < defaultPort + PORT_SEARCH_SPAN; port++) {
		if (await isPortFree(port)) {
			if (port !== defaultPort) {
				say(
					`Port ${defaultPort} is in use (an n8n already running?): ${what} uses ${port}. To choose: ${envName}=<port> npm start`,
				);
			}
			return port;
		}
	}
	throw new StartRefused(
		`Ports ${defaultPort}-${defaultPort + PORT_SEARCH_SPAN - 1} are all in use. Choose a free one: ${envName}=<port> npm start`,
	);
}

function printReady({ n8n, sandbox, example, signingKey, accessToken }: Playground): void {
	const oauth2Lines = accessToken
		? [
				'OAuth2 endpoint authentication is on (the example trigger requires an access token):',
				`  Token URL:           ${accessToken.server.tokenUrl}  (the consumer's authorization server)`,
				`  Client ID / secret:  ${accessToken.server.client.clientId} / ${accessToken.server.client.clientSecret}`,
				`  Audience:            ${accessToken.server.audience}`,
				`  JWKS:                ${accessToken.server.jwksUrl}  (rotate: POST ${accessToken.server.url}/__auth/rotate-keys)`,
				'  npm run send-event -- --type employee.skill_profile.updated --oauth2',
				'  npm run send-event -- --type employee.skill_profile.updated   (no token: 401)',
				'',
			]
		: ['With npm start -- --oauth2, the example trigger requires an OAuth2 access token as well.', ''];
	process.stdout.write(
		[
			'',
			`n8n ${N8N_VERSION} with n8n-nodes-techwolf is running.`,
			'',
			`  Editor:              ${n8n.baseUrl}/  (log in as ${n8n.email} / ${n8n.password})`,
			`  Example workflow:    ${n8n.baseUrl}/workflow/${example.workflowId}`,
			`  Production webhook:  ${example.webhookUrl}`,
			`  TechWolf sandbox:    ${sandbox.url} (token endpoint ${sandbox.tokenUrl})`,
			`  Signing public key:  ${signingKey.publicKeyHex}`,
			`  n8n's log:           ${n8n.logFile}`,
			'',
			'Send a signed TechWolf event (any type; --type list shows them all):',
			'  npm run send-event -- --type employee.skill_profile.updated',
			'  npm run send-event -- --type taxonomy.skill.deleted --url <another webhook URL>',
			'',
			...oauth2Lines,
			'Press Ctrl-C to stop.',
			'',
		].join('\n'),
	);
}

async function main(): Promise<number> {
	const n8nPort = await choosePort('N8N_PORT', 5678, 'n8n');
	const sandboxPort = await choosePort('SANDBOX_PORT', 5699, 'the TechWolf sandbox');
	const requireAccessToken = process.argv.includes('--oauth2');
	const authorizationServerPort = requireAccessToken
		? await choosePort('AUTH_PORT', 5698, 'the authorization server')
		: undefined;
	const signingKey = loadOrCreateSigningKey();

	// Ctrl-C while n8n is still starting: startPlayground stops what it started when it fails or returns.
	let interrupted = false;
	const onStartupSignal = (): void => {
		if (!interrupted) say('\nStopping what has started...');
		interrupted = true;
	};
	process.on('SIGINT', onStartupSignal);
	process.on('SIGTERM', onStartupSignal);
	let playground: Playground;
	try {
		playground = await startPlayground({
			n8nPort,
			sandboxPort,
			signingKey,
			requireAccessToken,
			...(authorizationServerPort ? { authorizationServerPort } : {}),
		});
	} catch (error) {
		if (!interrupted) throw error;
		say('Stopped.');
		return 130;
	}
	process.off('SIGINT', onStartupSignal);
	process.off('SIGTERM', onStartupSignal);

	let stopping: Promise<void> | undefined;
	const stopAll = (): Promise<void> => (stopping ??= playground.stop());
	if (interrupted) {
		await stopAll();
		return 130;
	}
	writeWebhookUrl(playground.example.webhookUrl);
	if (playground.accessToken) writeEndpointAuthentication(playground.accessToken.endpointAuthentication);
	else removeEndpointAuthentication();
	printReady(playground);

	return await new Promise<number>((resolve) => {
		// `on`, not `once`: Ctrl-C reaches this process twice (from the terminal and relayed by tsx), and a second
		// signal without a listener would end the process before the stop has finished.
		const onSignal = (signal: NodeJS.Signals): void => {
			if (!stopping) say(`\n${signal}: stopping n8n and the servers it talks to...`);
			void stopAll().then(() => resolve(130));
		};
		process.on('SIGINT', onSignal);
		process.on('SIGTERM', onSignal);
		// The sandbox runs in this process: an error escaping it ends npm start like n8n's exit does.
		const onCrash = (error: unknown): void => {
			say(
				`\nnpm start stopped: the TechWolf sandbox failed: ${error instanceof Error ? error.message : String(error)}`,
			);
			say(`n8n's log: ${playground.n8n.logFile}`);
			void stopAll().then(() => resolve(1));
		};
		process.once('uncaughtException', onCrash);
		process.once('unhandledRejection', onCrash);
		void playground.n8n.exited.then(({ code, signal }) => {
			if (stopping) return;
			say(`\nn8n exited on its own (${signal ? `signal ${signal}` : `exit code ${code}`}); npm start stops too.`);
			say(`n8n's log: ${playground.n8n.logFile}`);
			stopping = (async () => {
				await playground.n8n.stop({ keepUserFolder: true });
				await playground.sandbox.stop();
				await playground.accessToken?.server.stop();
			})();
			void stopping.then(() => resolve(1));
		});
	});
}

main().then(
	(exitCode) => process.exit(exitCode),
	(error: unknown) => {
		if (error instanceof StartRefused) say(`npm start: ${error.message}`);
		else if (error instanceof PortInUseError) {
			say(
				`npm start: ${error.message} (taken while n8n was starting). Run npm start again, or choose: N8N_PORT=<port> npm start`,
			);
		} else say(`npm start failed: ${error instanceof Error ? error.message : String(error)}`);
		process.exit(1);
	},
);
