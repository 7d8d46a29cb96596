/**
 * The Jest files that also run under Deno 2 (`npm run test:deno`), unchanged, against the built package: the import
 * map (importMap.json) sends their imports of nodes/ and credentials/ to dist/, what ships, and n8n-workflow to its
 * CommonJS build, the one dist/ and n8n-core load (its ES build has extensionless imports, which Deno refuses).
 */
import { registerJestFile } from './jestFiles';

const JEST_FILES = [
	'signature/ed25519',
	'signature/keys',
	'signature/hex',
	'signature/verifier',
	'accessToken/verifier.claims',
	'accessToken/verifier.keys',
	'accessToken/verifier.signatures',
	'events/catalog',
	'trigger/delivery',
	'trigger/deduplication',
	'action/transport',
	'action/operations',
	'action/getResource',
	'action/privateKeyJwt',
	'action/employeeLifecycle',
	'action/jobs',
	'connection/clientAssertion',
	'trigger/trigger.accepted',
	'trigger/trigger.filters',
	'trigger/trigger.recording',
	'trigger/trigger.rejections',
	'trigger/accessToken',
	'trigger/sourceIp',
];

for (const file of JEST_FILES) await registerJestFile(file, () => import(`../${file}.test.ts`));
