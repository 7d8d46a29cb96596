// The dev tooling's lint (test/, sandbox/, e2e/, dev/, bench/, scripts/): n8n's config without n8n's community-node
// rules, which are about the code n8n loads; these folders are Node programs that never ship (CONTRIBUTING.md: Lint).
// Each folder's eslint.config.mjs is this file; `npm run lint` has ESLint look a file's config up from its own folder.
import { config } from '@n8n/node-cli/eslint';

const COMMUNITY_NODE_RULE = /^@n8n\/community-nodes\//;
const communityNodeRules = config
	.flatMap((entry) => Object.keys(entry.rules ?? {}))
	.filter((rule) => COMMUNITY_NODE_RULE.test(rule));

export default [...config, { rules: Object.fromEntries(communityNodeRules.map((rule) => [rule, 'off'])) }];
