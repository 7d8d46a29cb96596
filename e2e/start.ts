/* eslint-disable @n8n/community-nodes/no-restricted-globals -- dev tooling, never shipped (README: Lint) */
/**
 * `npm start`: a real n8n with this package, a local TechWolf sandbox, credentials and the example workflow, ready
 * to click through. Ctrl-C stops everything it started.
 */
import { loadOrCreateSigningKey, writeWebhookUrl } from '../sandbox/keys';
import { startPlayground } from './playground';

async function main(): Promise<void> {
	const signingKey = loadOrCreateSigningKey();
	const playground = await startPlayground({
		n8nPort: Number(process.env.N8N_PORT ?? 5678),
		sandboxPort: Number(process.env.SANDBOX_PORT ?? 5699),
		signingKey,
	});
	writeWebhookUrl(playground.example.webhookUrl);

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

	const { n8n, sandbox, example } = playground;
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
			'Press Ctrl-C to stop.',
			'',
		].join('\n'),
	);
}

main().catch((error: Error) => {
	process.stderr.write(`npm start failed: ${error.stack ?? error.message}\n`);
	process.exit(1);
});
