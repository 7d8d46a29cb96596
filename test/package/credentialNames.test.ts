/**
 * The credential names the code reads come from one constant each. The credential classes and the node descriptions
 * still spell them as literals: n8n-node lint reads those two places as text (valid-credential-references,
 * credential-test-required) and would silently skip a name it cannot read. This test holds the literals to the
 * constants.
 */
import { TechWolfApi } from '../../credentials/TechWolfApi.credentials';
import { TechWolfOAuth2Api } from '../../credentials/TechWolfOAuth2Api.credentials';
import { TechWolfWebhookApi } from '../../credentials/TechWolfWebhookApi.credentials';
import { TechWolfWebhookJwksApi } from '../../credentials/TechWolfWebhookJwksApi.credentials';
import { TechWolfWebhookTokenKeyApi } from '../../credentials/TechWolfWebhookTokenKeyApi.credentials';
import { API_CREDENTIAL } from '../../nodes/TechWolf/connection';
import { TechWolf } from '../../nodes/TechWolf/TechWolf.node';
import { SIGNING_KEYS_CREDENTIAL } from '../../nodes/TechWolfTrigger/verification/signature';
import {
	JWKS_CREDENTIAL,
	PUBLIC_KEY_CREDENTIAL,
} from '../../nodes/TechWolfTrigger/verification/accessToken/credential';
import { TechWolfTrigger } from '../../nodes/TechWolfTrigger/TechWolfTrigger.node';

test('each credential class is named by its constant', () => {
	expect(new TechWolfOAuth2Api().name).toBe(API_CREDENTIAL.oAuth2);
	expect(new TechWolfApi().name).toBe(API_CREDENTIAL.accessToken);
	expect(new TechWolfWebhookApi().name).toBe(SIGNING_KEYS_CREDENTIAL);
	expect(new TechWolfWebhookJwksApi().name).toBe(JWKS_CREDENTIAL);
	expect(new TechWolfWebhookTokenKeyApi().name).toBe(PUBLIC_KEY_CREDENTIAL);
});

test('each node lists the credentials its code reads, by the same constants', () => {
	const names = (credentials: { name: string }[] | undefined) => (credentials ?? []).map(({ name }) => name);
	expect(names(new TechWolf().description.credentials)).toEqual([API_CREDENTIAL.oAuth2, API_CREDENTIAL.accessToken]);
	expect(names(new TechWolfTrigger().description.credentials)).toEqual([
		SIGNING_KEYS_CREDENTIAL,
		JWKS_CREDENTIAL,
		PUBLIC_KEY_CREDENTIAL,
	]);
});
