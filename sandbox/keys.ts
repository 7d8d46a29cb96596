/**
 * The sandbox's webhook signing key, kept in `.cache/sandbox/signing-key.json` so that `npm start` (which gives the
 * public key to n8n's TechWolf credential) and `npm run send-event` (which signs with the private key) agree across
 * processes. Also the `.cache/sandbox/webhook-url` file through which `npm start` tells send-event where to post.
 */
import { createPrivateKey, createPublicKey } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';

import type { EndpointAuthentication } from './endpointToken';
import { generateSigningKeyPair, rawPublicKeyHex, type SigningKeyPair } from './signer';

export const SANDBOX_CACHE_DIR = path.resolve(__dirname, '..', '.cache', 'sandbox');
export const DEFAULT_SIGNING_KEY_FILE = path.join(SANDBOX_CACHE_DIR, 'signing-key.json');
export const DEFAULT_WEBHOOK_URL_FILE = path.join(SANDBOX_CACHE_DIR, 'webhook-url');
/** What `npm start -- --oauth2` configured as TechWolf's endpoint authentication, for `send-event --oauth2`. */
export const DEFAULT_ENDPOINT_AUTH_FILE = path.join(SANDBOX_CACHE_DIR, 'endpoint-authentication.json');

export interface StoredSigningKey extends SigningKeyPair {
	/** PKCS#8 PEM of the Ed25519 private key. */
	privateKeyPem: string;
	file: string;
	/** True when this call generated the key (the file did not exist). */
	created: boolean;
}

interface SigningKeyFile {
	algorithm: 'Ed25519';
	privateKeyPem: string;
	publicKeyHex: string;
	createdAt: string;
}

function readKeyFile(file: string): StoredSigningKey {
	let stored: Partial<SigningKeyFile>;
	try {
		stored = JSON.parse(fs.readFileSync(file, 'utf8')) as Partial<SigningKeyFile>;
	} catch (error) {
		throw new Error(`Cannot read the signing key file ${file}: ${error instanceof Error ? error.message : error}`);
	}
	if (typeof stored.privateKeyPem !== 'string')
		throw new Error(`${file} has no privateKeyPem; delete it to regenerate`);
	const privateKey = createPrivateKey(stored.privateKeyPem);
	if (privateKey.asymmetricKeyType !== 'ed25519') throw new Error(`${file} does not hold an Ed25519 private key`);
	const publicKey = createPublicKey(privateKey);
	const publicKeyHex = rawPublicKeyHex(publicKey);
	if (stored.publicKeyHex !== undefined && stored.publicKeyHex.toLowerCase() !== publicKeyHex) {
		throw new Error(`${file}: publicKeyHex does not belong to privateKeyPem; delete the file to regenerate`);
	}
	return { privateKey, publicKey, publicKeyHex, privateKeyPem: stored.privateKeyPem, file, created: false };
}

/** Loads the key pair from `file`, or generates and stores one (mode 0600) when the file does not exist. */
export function loadOrCreateSigningKey(file: string = DEFAULT_SIGNING_KEY_FILE): StoredSigningKey {
	if (fs.existsSync(file)) return readKeyFile(file);
	const pair = generateSigningKeyPair();
	const privateKeyPem = pair.privateKey.export({ format: 'pem', type: 'pkcs8' }).toString();
	const content: SigningKeyFile = {
		algorithm: 'Ed25519',
		privateKeyPem,
		publicKeyHex: pair.publicKeyHex,
		createdAt: new Date().toISOString(),
	};
	fs.mkdirSync(path.dirname(file), { recursive: true });
	try {
		// 'wx': if another process created the file meanwhile, use its key rather than overwrite it.
		fs.writeFileSync(file, `${JSON.stringify(content, null, '\t')}\n`, { flag: 'wx', mode: 0o600 });
	} catch (error) {
		if ((error as NodeJS.ErrnoException).code === 'EEXIST') return readKeyFile(file);
		throw error;
	}
	return { ...pair, privateKeyPem, file, created: true };
}

/** The n8n webhook URL `npm start` wrote, or undefined. */
export function readWebhookUrl(file: string = DEFAULT_WEBHOOK_URL_FILE): string | undefined {
	try {
		const url = fs.readFileSync(file, 'utf8').trim();
		return url === '' ? undefined : url;
	} catch {
		return undefined;
	}
}

export function writeWebhookUrl(url: string, file: string = DEFAULT_WEBHOOK_URL_FILE): void {
	fs.mkdirSync(path.dirname(file), { recursive: true });
	fs.writeFileSync(file, `${url}\n`);
}

export function writeEndpointAuthentication(
	configuration: EndpointAuthentication,
	file: string = DEFAULT_ENDPOINT_AUTH_FILE,
): void {
	fs.mkdirSync(path.dirname(file), { recursive: true });
	fs.writeFileSync(file, `${JSON.stringify(configuration, null, '\t')}\n`, { mode: 0o600 });
}

/** The endpoint authentication `npm start -- --oauth2` wrote, or undefined when it did not run with it. */
export function readEndpointAuthentication(
	file: string = DEFAULT_ENDPOINT_AUTH_FILE,
): EndpointAuthentication | undefined {
	try {
		return JSON.parse(fs.readFileSync(file, 'utf8')) as EndpointAuthentication;
	} catch {
		return undefined;
	}
}

/** Forgets it when `npm start` runs without --oauth2, so that send-event does not send a stale token. */
export function removeEndpointAuthentication(file: string = DEFAULT_ENDPOINT_AUTH_FILE): void {
	fs.rmSync(file, { force: true });
}
