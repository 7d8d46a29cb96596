/**
 * Facts about the asymmetric keys users paste, which both nodes read: the action node's private key for client
 * assertions (TechWolf/connection/clientAssertion.ts) and the trigger's access-token public keys
 * (TechWolfTrigger/verification/accessToken/).
 */

/** RSA keys shorter than this are refused: NIST SP 800-131A and Auth0 both require 2048 bits. */
export const MIN_RSA_BITS = 2048;

/**
 * Accepts a PEM as people paste it into a single-line field: with literal `\n` sequences, with `\r\n`, or with the
 * line breaks replaced by spaces. The base64 body is re-wrapped between its BEGIN and END lines.
 */
export function normalizePem(text: string): string {
	const unescaped = text.replace(/\\r\\n|\\n|\\r/g, '\n').trim();
	const match = /^-----BEGIN ([A-Z0-9 ]+)-----([\s\S]*?)-----END \1-----$/.exec(unescaped);
	if (!match) return unescaped;
	const [, label, inner] = match as unknown as [string, string, string];
	// An encrypted legacy PEM has "Proc-Type:"/"DEK-Info:" headers; keep those lines as they are.
	if (/^\s*Proc-Type:/m.test(inner)) return unescaped;
	const body = inner.replace(/\s+/g, '');
	const lines = body.match(/.{1,64}/g) ?? [];
	return [`-----BEGIN ${label}-----`, ...lines, `-----END ${label}-----`].join('\n');
}
