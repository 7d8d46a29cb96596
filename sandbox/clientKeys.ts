/**
 * The key pairs registered for the sandbox's OAuth2 client, as a customer registers a public key with TechWolf for
 * private-key JWT client authentication: one RSA (RS256) and one EC P-256 (ES256) pair, made once per process (an
 * RSA key takes a moment). The token endpoint verifies assertions with the public keys; tests, `npm start` and e2e
 * give the private keys to the TechWolf OAuth2 credential.
 */
import { generateKeyPairSync } from 'node:crypto';

export interface ClientKeyPair {
	privateKeyPem: string;
	publicKeyPem: string;
}

export interface ClientKeys {
	rsa: ClientKeyPair;
	ec: ClientKeyPair;
}

let made: ClientKeys | undefined;

function pem(pair: ReturnType<typeof generateKeyPairSync>): ClientKeyPair {
	return {
		privateKeyPem: pair.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
		publicKeyPem: pair.publicKey.export({ type: 'spki', format: 'pem' }).toString(),
	};
}

export function sandboxClientKeys(): ClientKeys {
	made ??= {
		rsa: pem(generateKeyPairSync('rsa', { modulusLength: 2048 })),
		ec: pem(generateKeyPairSync('ec', { namedCurve: 'prime256v1' })),
	};
	return made;
}
