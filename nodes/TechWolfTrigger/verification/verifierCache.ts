/**
 * Verifiers built once and reused: n8n calls the trigger per request, and building a verifier imports and checks its
 * keys, which costs several times a verification (bench/verifier.bench.ts: the signature path is 3.4–6.5× faster with
 * 1–3 keys, the access-token path 3.4–6.1× with a pasted key). Keyed by everything the verifier is built from, so that
 * a changed credential or option builds a new one. A build that throws is not kept: the next request throws again.
 */
export class VerifierCache<T> {
	private readonly built = new Map<string, T>();

	/** Credentials rarely change; a few entries cover several triggers with different keys in one n8n. */
	constructor(private readonly size = 32) {}

	get(key: string, build: () => T): T {
		let verifier = this.built.get(key);
		if (verifier === undefined) {
			verifier = build();
			if (this.built.size >= this.size) this.built.delete(this.built.keys().next().value as string);
			this.built.set(key, verifier);
		}
		return verifier;
	}
}
