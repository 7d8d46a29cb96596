import type { Icon, ICredentialType, INodeProperties } from 'n8n-workflow';

import { durationText } from '../nodes/TechWolfTrigger/durationText';
import { CREDENTIAL_REUSE_SECONDS } from '../nodes/TechWolfTrigger/settings';

/**
 * The public keys that verify TechWolf's webhook signatures. Public keys are not secrets, so the field stays visible:
 * users compare it with what TechWolf sent. The TechWolf Trigger's credential test checks every key.
 */
export class TechWolfWebhookApi implements ICredentialType {
	name = 'techWolfWebhookApi';

	displayName = 'TechWolf Webhook API';

	icon: Icon = { light: 'file:../icons/techwolf.svg', dark: 'file:../icons/techwolf.dark.svg' };

	documentationUrl = 'https://developers.techwolf.ai/integrations/webhooks/security';

	properties: INodeProperties[] = [
		{
			displayName: 'Signing Public Keys',
			name: 'publicKeys',
			type: 'string',
			typeOptions: { rows: 3 },
			default: '',
			required: true,
			placeholder: 'e.g. d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a',
			description: `The Ed25519 public key TechWolf gave you for this webhook endpoint: 64 hexadecimal characters. During a key rotation, add the new key on its own line and keep the old one until TechWolf stops signing with it. A running trigger reads this field again at most every ${durationText(CREDENTIAL_REUSE_SECONDS, 'seconds')}: a removed key stops verifying within ${durationText(CREDENTIAL_REUSE_SECONDS, 'minutes')}.`,
		},
	];
}
