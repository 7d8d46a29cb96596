import { TechWolfApi } from '../../credentials/TechWolfApi.credentials';
import { TechWolfOAuth2Api } from '../../credentials/TechWolfOAuth2Api.credentials';
import { TechWolfWebhookApi } from '../../credentials/TechWolfWebhookApi.credentials';
import { CredentialVault } from '../harness/n8nCoreContexts';
import { SIGNING_KEYS_CREDENTIAL } from '../../nodes/TechWolfTrigger/verification/signature';

export function vaultWithKeys(publicKeys: string): CredentialVault {
	const vault = new CredentialVault({
		techWolfWebhookApi: new TechWolfWebhookApi(),
		techWolfOAuth2Api: new TechWolfOAuth2Api(),
		techWolfApi: new TechWolfApi(),
	});
	vault.set(SIGNING_KEYS_CREDENTIAL, { publicKeys });
	return vault;
}
