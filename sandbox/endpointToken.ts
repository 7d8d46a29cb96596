/**
 * TechWolf's side of the optional OAuth2 endpoint authentication (webhooks Security page): with the token URL, client
 * id and secret, scope and extra parameters the consumer configured, TechWolf fetches an access token with the
 * client-credentials grant and sends it as `Authorization: Bearer <token>` with every delivery, in addition to the
 * signature (which does not cover that header). The token is reused until shortly before it expires, as any
 * client-credentials client does.
 *
 * TechWolf does not say how it authenticates to the token endpoint; this client uses HTTP Basic, the method every
 * authorization server must support (RFC 6749 §2.3.1), and a form-encoded body (§4.4.2).
 */

export interface EndpointAuthentication {
	tokenUrl: string;
	clientId: string;
	clientSecret: string;
	/** Space-separated; none when empty. */
	scope?: string;
	/** Extra token-request parameters, e.g. `{ audience: 'https://…' }` or `{ resource: '…' }`. */
	extraParameters?: Record<string, string>;
}

/** A token is fetched again this long before it expires, so that none expires in flight. */
const EXPIRY_MARGIN_SECONDS = 30;

export class EndpointTokenError extends Error {}

export class EndpointTokenClient {
	private token: { value: string; expiresAt: number } | undefined;
	/** Token requests made so far (tests assert that the token is reused). */
	tokenRequests = 0;

	constructor(private readonly configuration: EndpointAuthentication) {}

	/** The Authorization header value for the next delivery. */
	async authorization(): Promise<string> {
		const now = Math.floor(Date.now() / 1000);
		if (!this.token || this.token.expiresAt - EXPIRY_MARGIN_SECONDS <= now) this.token = await this.fetchToken(now);
		return `Bearer ${this.token.value}`;
	}

	/** Drops the cached token, e.g. after the consumer answered 401. */
	invalidate(): void {
		this.token = undefined;
	}

	private async fetchToken(now: number): Promise<{ value: string; expiresAt: number }> {
		const { tokenUrl, clientId, clientSecret, scope, extraParameters } = this.configuration;
		const body = new URLSearchParams({ grant_type: 'client_credentials' });
		if (scope) body.set('scope', scope);
		for (const [name, value] of Object.entries(extraParameters ?? {})) body.set(name, value);
		const basic = Buffer.from(`${formEncode(clientId)}:${formEncode(clientSecret)}`).toString('base64');
		this.tokenRequests++;
		const response = await fetch(tokenUrl, {
			method: 'POST',
			headers: {
				authorization: `Basic ${basic}`,
				'content-type': 'application/x-www-form-urlencoded',
				accept: 'application/json',
			},
			body,
			signal: AbortSignal.timeout(15_000),
		});
		const text = await response.text();
		let parsed: Record<string, unknown> = {};
		try {
			parsed = JSON.parse(text) as Record<string, unknown>;
		} catch {
			// Reported below with the status.
		}
		if (!response.ok || typeof parsed.access_token !== 'string') {
			const reason =
				typeof parsed.error === 'string' ? `${parsed.error}: ${String(parsed.error_description ?? '')}` : text;
			throw new EndpointTokenError(
				`The token endpoint ${tokenUrl} answered ${response.status}: ${reason.slice(0, 300)}`,
			);
		}
		if (typeof parsed.token_type === 'string' && parsed.token_type.toLowerCase() !== 'bearer') {
			throw new EndpointTokenError(`The token endpoint issued a ${parsed.token_type} token, not a Bearer token`);
		}
		const expiresIn = typeof parsed.expires_in === 'number' ? parsed.expires_in : 300;
		return { value: parsed.access_token, expiresAt: now + expiresIn };
	}
}

/** application/x-www-form-urlencoded, as RFC 6749 §2.3.1 requires for the Basic user name and password. */
function formEncode(text: string): string {
	return new URLSearchParams({ v: text }).toString().slice(2);
}
