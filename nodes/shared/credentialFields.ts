/** Reading what users typed into a credential: both nodes' credentials hold text fields and URLs. */
import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

/** A text field's value as typed; '' when it is empty or not text. */
export function credentialText(data: ICredentialDataDecryptedObject, field: string): string {
	const value = data[field];
	return typeof value === 'string' ? value : '';
}

/** `text` as an http(s) URL, or why it is not one; each credential words the error for its own field. */
export function parseHttpUrl(text: string): URL | 'not a URL' | 'not http' {
	let url: URL;
	try {
		url = new URL(text);
	} catch {
		return 'not a URL';
	}
	return url.protocol === 'https:' || url.protocol === 'http:' ? url : 'not http';
}
