/**
 * Everything a person or a test needs to try the package for real, started in one call: the package built and packed,
 * a local TechWolf sandbox, a real n8n with the package installed as n8n installs community packages, the TechWolf
 * credentials pointing at the sandbox, and the example workflow published. `npm start`, `npm run test:e2e` and the
 * benchmarks all start from here.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import * as path from 'node:path';

import { startAuthorizationServer, type AuthorizationServer } from './services/authorization-server';
import type { EndpointAuthentication } from '../sandbox/endpointToken';
import type { SigningKeyPair } from '../sandbox/signer';
import { generateSigningKeyPair } from '../sandbox/signer';
import { oauth2CredentialData, startSandbox, type Sandbox } from '../sandbox/server';
import { packPackage } from './n8n/community-package';
import { REPO_ROOT, type LogFn, type N8nInstallation } from './n8n/install';
import { startN8n, type N8nInstance } from './n8n/instance';
import type { N8nWorkflowJson } from './n8n/rest-types';
import { SIGNING_KEYS_CREDENTIAL } from '../nodes/TechWolfTrigger/verification/signature';
import { JWKS_CREDENTIAL } from '../nodes/TechWolfTrigger/verification/accessToken/credential';
import { API_CREDENTIAL } from '../nodes/TechWolf/connection';

export const EXAMPLE_WORKFLOW_FILE = path.join(REPO_ROOT, 'examples', 'techwolf-event-to-profile.json');

export interface PlaygroundOptions {
	n8nPort?: number;
	sandboxPort?: number;
	/** The key TechWolf (here: the sandbox sender) signs with; a fresh pair by default. */
	signingKey?: SigningKeyPair;
	/** Skip `npm run build` when dist/ is known to be fresh (CI builds once). */
	skipBuild?: boolean;
	echoLogs?: boolean;
	/** An n8n installation from ensureN8n(); installed (or found in the cache) here when left out. */
	install?: N8nInstallation;
	/** Extra n8n environment, e.g. for a benchmark. */
	n8nEnv?: Record<string, string | undefined>;
	/** More packed community packages for n8n, e.g. a benchmark fixture. */
	extraPackageTarballs?: string[];
	/**
	 * OAuth2 endpoint authentication: start the consumer's authorization server (e2e/services/authorization-server.ts) and
	 * publish the example with Require Access Token on, checked against that server's JWKS.
	 */
	requireAccessToken?: boolean;
	authorizationServerPort?: number;
	log?: LogFn;
}

export interface Playground {
	n8n: N8nInstance;
	sandbox: Sandbox;
	signingKey: SigningKeyPair;
	credentialIds: { webhook: string; oauth2: string };
	example: { workflowId: string; webhookUrl: string };
	/**
	 * A clean restart of n8n: SIGTERM, then a new process on the same port and user folder (database, encryption key,
	 * installed package); `n8n` is the new instance once the example workflow's webhook answers again. With `crash`,
	 * SIGKILL instead of SIGTERM, as a supervisor restarts a process that died.
	 */
	restartN8n(options?: { crash?: boolean }): Promise<void>;
	/** With `requireAccessToken`: the authorization server, and what the consumer gave TechWolf for it. */
	accessToken?: { server: AuthorizationServer; endpointAuthentication: EndpointAuthentication };
	stop(): Promise<void>;
}

/** The example trigger requires a token from `server`, checked with the JWKS credential `credential`. */
function requireAccessTokenIn(workflow: N8nWorkflowJson, credential: { id: string; name: string }): void {
	const trigger = workflow.nodes.find((node) => node.type === 'n8n-nodes-techwolf.techWolfTrigger');
	if (!trigger) throw new Error(`${workflow.name} has no TechWolf Trigger`);
	trigger.parameters = { ...(trigger.parameters as object), requireAccessToken: true, accessTokenKeys: 'jwks' };
	trigger.credentials = { ...(trigger.credentials as object), techWolfWebhookJwksApi: credential };
}

export function readExampleWorkflow(): N8nWorkflowJson {
	return JSON.parse(readFileSync(EXAMPLE_WORKFLOW_FILE, 'utf8')) as N8nWorkflowJson;
}

/** The example workflow with this n8n's credential ids filled in. */
export function exampleWorkflowWith(credentialIds: Playground['credentialIds']): N8nWorkflowJson {
	const workflow = readExampleWorkflow();
	for (const node of workflow.nodes) {
		const credentials = node.credentials as Record<string, { id: string; name: string }> | undefined;
		if (credentials?.techWolfWebhookApi) credentials.techWolfWebhookApi.id = credentialIds.webhook;
		if (credentials?.techWolfOAuth2Api) credentials.techWolfOAuth2Api.id = credentialIds.oauth2;
	}
	return workflow;
}

export function webhookIdOf(workflow: N8nWorkflowJson, nodeType = 'n8n-nodes-techwolf.techWolfTrigger'): string {
	const trigger = workflow.nodes.find((node) => node.type === nodeType);
	if (!trigger || typeof trigger.webhookId !== 'string') throw new Error(`${workflow.name} has no ${nodeType}`);
	return trigger.webhookId;
}

/** The example workflow's two credentials in `n8n`: the sandbox sender's public key and OAuth2 to the sandbox. */
export async function createSandboxCredentials(
	n8n: N8nInstance,
	sandbox: Sandbox,
	signingKey: SigningKeyPair,
): Promise<Playground['credentialIds']> {
	const webhookCredential = await n8n.rest.createCredential(
		SIGNING_KEYS_CREDENTIAL,
		'TechWolf webhook keys (sandbox)',
		{
			publicKeys: signingKey.publicKeyHex,
		},
	);
	const oauth2Credential = await n8n.rest.createCredential(
		API_CREDENTIAL.oAuth2,
		'TechWolf sandbox (OAuth2)',
		oauth2CredentialData(sandbox),
	);
	return { webhook: webhookCredential.id, oauth2: oauth2Credential.id };
}

export function buildPackage(log: LogFn): void {
	log('building the package (npm run build)');
	const result = spawnSync('npm', ['run', 'build', '--silent'], { cwd: REPO_ROOT, stdio: 'inherit' });
	if (result.status !== 0) throw new Error('npm run build failed');
}

export async function startPlayground(options: PlaygroundOptions = {}): Promise<Playground> {
	const log = options.log ?? ((line: string) => process.stderr.write(`[playground] ${line}\n`));
	if (!options.skipBuild) buildPackage(log);
	const packed = await packPackage();
	log(`packed ${path.basename(packed.tarball)} (${packed.files.length} files)`);

	const sandbox = await startSandbox({ port: options.sandboxPort ?? 0 });
	log(`TechWolf sandbox at ${sandbox.url}`);
	let n8n: N8nInstance | undefined;
	let authorizationServer: AuthorizationServer | undefined;
	try {
		n8n = await startN8n({
			...(options.n8nPort ? { port: options.n8nPort } : {}),
			packageTarball: packed.tarball,
			...(options.extraPackageTarballs ? { extraPackageTarballs: options.extraPackageTarballs } : {}),
			...(options.install ? { install: options.install } : {}),
			echoLogs: options.echoLogs ?? false,
			...(options.n8nEnv ? { env: options.n8nEnv } : {}),
			log,
		});
		// n8n has its own copy now; the tarball's temporary folder is not needed any more.
		rmSync(path.dirname(packed.tarball), { recursive: true, force: true });
		const signingKey = options.signingKey ?? generateSigningKeyPair();
		const credentialIds = await createSandboxCredentials(n8n, sandbox, signingKey);
		const workflowJson = exampleWorkflowWith(credentialIds);
		if (options.requireAccessToken) {
			authorizationServer = await startAuthorizationServer({ port: options.authorizationServerPort ?? 0 });
			const jwksCredential = await n8n.rest.createCredential(JWKS_CREDENTIAL, 'Our authorization server (sandbox)', {
				jwksUrl: authorizationServer.jwksUrl,
				issuer: authorizationServer.issuer,
				audience: authorizationServer.audience,
			});
			requireAccessTokenIn(workflowJson, { id: jwksCredential.id, name: jwksCredential.name });
			log(`authorization server at ${authorizationServer.url}; the example requires its access tokens`);
		}
		const workflow = await n8n.rest.upsertWorkflow(workflowJson);
		await n8n.rest.publishWorkflow(workflow.id);
		const webhookUrl = n8n.webhookUrl('webhook', webhookIdOf(workflowJson));
		await n8n.rest.waitForWebhook(webhookUrl);
		log(`example workflow published: ${webhookUrl}`);
		const first = n8n;
		const auth = authorizationServer;
		const playground: Playground = {
			n8n: first,
			sandbox,
			signingKey,
			credentialIds,
			example: { workflowId: workflow.id, webhookUrl },
			restartN8n: async ({ crash = false } = {}) => {
				const previous = playground.n8n;
				await previous.stop({ keepUserFolder: true, crash });
				const started = performance.now();
				playground.n8n = await startN8n({
					port: previous.port,
					userFolder: previous.userFolder,
					reuseUserFolder: true,
					owner: { email: previous.email, password: previous.password },
					...(options.install ? { install: options.install } : {}),
					echoLogs: options.echoLogs ?? false,
					...(options.n8nEnv ? { env: options.n8nEnv } : {}),
					log,
				});
				await playground.n8n.rest.waitForWebhook(webhookUrl);
				log(`n8n restarted in ${((performance.now() - started) / 1000).toFixed(1)} s`);
			},
			...(auth
				? {
						accessToken: {
							server: auth,
							endpointAuthentication: {
								tokenUrl: auth.tokenUrl,
								clientId: auth.client.clientId,
								clientSecret: auth.client.clientSecret,
								scope: auth.client.scopes.join(' '),
								extraParameters: { audience: auth.audience },
							},
						},
					}
				: {}),
			stop: async () => {
				await playground.n8n.stop();
				// A restarted instance was handed the first one's folder, so it does not delete it itself.
				if (playground.n8n !== first && process.env.N8N_E2E_KEEP !== '1') {
					rmSync(first.userFolder, { recursive: true, force: true });
				}
				await sandbox.stop();
				await auth?.stop();
			},
		};
		return playground;
	} catch (error) {
		await n8n?.stop({ keepUserFolder: true });
		await sandbox.stop();
		await authorizationServer?.stop();
		if (!n8n || !(error instanceof Error)) throw error;
		throw new Error(`${error.message} (n8n's log: ${n8n.logFile})`, { cause: error });
	}
}
