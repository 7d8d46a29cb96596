/* eslint-disable @n8n/community-nodes/no-restricted-globals -- dev tooling, never shipped (README: Lint) */
/**
 * `npm start`: a real n8n with this package, a local TechWolf sandbox, credentials and the example workflow, ready
 * to click through. `npm start -- --oauth2` also starts the consumer's authorization server and has the example
 * trigger require its access tokens. Ctrl-C stops everything it started.
 */
import {
	loadOrCreateSigningKey,
	removeEndpointAuthentication,
	writeEndpointAuthentication,
	writeWebhookUrl,
} from '../sandbox/keys';
import { startPlayground } from './playground';

async function main(): Promise<void> {
	const signingKey = loadOrCreateSigningKey();
	const requireAccessToken = process.argv.includes('--oauth2');
	const playground = await startPlayground({
		n8nPort: Number(process.env.N8N_PORT ?? 5678),
		sandboxPort: Number(process.env.SANDBOX_PORT ?? 5699),
		signingKey,
		requireAccessToken,
		authorizationServerPort: Number(process.env.AUTH_PORT ?? 5698),
	});
	writeWebhookUrl(playground.example.webhookUrl);
	if (playground.accessToken) writeEndpointAuthentication(playground.accessToken.endpointAuthentication);
	else removeEndpointAuthentication();

	let stopping = false;
	const stop = async (): Promise<void> => {
		if (stopping) return;
		stopping = true;
		process.stderr.write('\nStopping n8n and the sandbox...\n');
		await playground.stop();
		process.exit(0);
	};
	process.on('SIGINT', () => void stop());
	process.on('SIGTERM', () => void stop());

	const { n8n, sandbox, example, accessToken } = playground;
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
			'n8n with n8n-nodes-techwolf is running.',
			'',
			`  Editor:              ${n8n.baseUrl}/  (log in as ${n8n.email} / ${n8n.password})`,
			`  Example workflow:    ${n8n.baseUrl}/workflow/${example.workflowId}`,
			`  Production webhook:  ${example.webhookUrl}`,
			`  TechWolf sandbox:    ${sandbox.url} (token endpoint ${sandbox.tokenUrl})`,
			`  Signing public key:  ${signingKey.publicKeyHex}`,
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

main().catch((error: Error) => {
	process.stderr.write(`npm start failed: ${error.stack ?? error.message}\n`);
	process.exit(1);
});
