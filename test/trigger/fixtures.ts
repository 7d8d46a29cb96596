import { TechWolfApi } from '../../credentials/TechWolfApi.credentials';
import { TechWolfOAuth2Api } from '../../credentials/TechWolfOAuth2Api.credentials';
import { TechWolfWebhookApi } from '../../credentials/TechWolfWebhookApi.credentials';
import { CredentialVault } from '../harness/n8nCoreContexts';

export function vaultWithKeys(publicKeys: string): CredentialVault {
	const vault = new CredentialVault({
		techWolfWebhookApi: new TechWolfWebhookApi(),
		techWolfOAuth2Api: new TechWolfOAuth2Api(),
		techWolfApi: new TechWolfApi(),
	});
	vault.set('techWolfWebhookApi', { publicKeys });
	return vault;
}
