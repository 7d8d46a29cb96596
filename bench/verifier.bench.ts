/**
 * Part 4: the verifiers' optimisations, each with and without (issue 19), so that the product keeps only those that
 * pay. Per configuration (trusted keys × signatures in X-Signature-V1, the last signature valid under the last key, so
 * keys × signatures Ed25519 verifications) the whole verify path, and beside it each optimised step against its plain
 * form, in the same rounds. A step's figure is the whole path's throughput with it over without it: for a cache, two
 * whole paths; for a step, the path with the step's difference in cost added or taken away (the rounds are paired).
 *
 * An optimisation stays if it makes the path at least THRESHOLD faster in one of the configurations: 1–3 keys and
 * 1–3 signatures with a 1 KB body (TechWolf's events are thin CloudEvents of a few hundred bytes), and one key and one
 * signature with 64 KB and 1 MB bodies (part 1 holds the verify path to raw verification at 1 KB and 1 MB).
 */
import { randomBytes } from 'node:crypto';

import {
	AccessTokenVerifier,
	JwksCache,
	readJwks,
	type ReadToken,
} from '../nodes/TechWolfTrigger/verification/accessToken';
import {
	accessTokenKeySource,
	accessTokenPolicy,
	accessTokenVerifierFor,
} from '../nodes/TechWolfTrigger/verification/accessToken/credential';
import { decodeHex } from '../nodes/TechWolfTrigger/verification/signature/hex';
import { reusedBuffer, signedMessage } from '../nodes/TechWolfTrigger/verification/signature/message';
import { WebhookVerifier, verifierFor } from '../nodes/TechWolfTrigger/verification/signature/verifier';
import { generateSigningKey, signJws, type TokenAlgorithm } from '../e2e/services/jws';
import { generateSigningKeyPair, signWebhookHeaders } from '../sandbox/signer';
import { median, pairedRatio, runCases, type BenchCase, type CaseResult } from './measure';
import { DROPPED } from './droppedVerifierOptimisations';

export const THRESHOLD = 1.1;
const OPTIONS = { toleranceSeconds: 300, maxSignatures: 5 };
const KB = 1024;

export interface OptimisationFigure {
	optimisation: string;
	where: string;
	configuration: string;
	/** Whole-path ops/s with the optimisation over without it (median of per-round ratios). */
	ratio: number;
}

export interface VerifierGroup {
	title: string;
	cases: CaseResult[];
}

export interface VerifierBenchResult {
	groups: VerifierGroup[];
	figures: OptimisationFigure[];
}

type Run = { rounds: number; roundMillis: number; latencyMillis: number };

function jsonBody(bytes: number): Buffer {
	const pad = randomBytes(bytes)
		.toString('base64')
		.slice(0, Math.max(0, bytes - 30));
	return Buffer.from(`{"specversion":"1.0","pad":"${pad}"}`);
}

/**
 * A step's figure on the whole path: the path's ops/s with the step's optimised form over with its plain form, the
 * path measured with whichever the product has (`productHasIt`), round by round.
 */
function pathRatio(path: CaseResult, stepWith: CaseResult, stepWithout: CaseResult, productHasIt: boolean): number {
	return median(
		path.rounds.map((opsPerSecond, round) => {
			const saved = 1 / stepWithout.rounds[round] - 1 / stepWith.rounds[round];
			const pathTime = 1 / opsPerSecond;
			return productHasIt ? (pathTime + saved) / pathTime : pathTime / (pathTime - saved);
		}),
	);
}

function signatureGroup(keys: number, signatures: number, bodyBytes: number, run: Run) {
	const trusted = Array.from({ length: keys }, generateSigningKeyPair);
	const untrusted = Array.from({ length: signatures - 1 }, generateSigningKeyPair);
	const keysText = trusted.map((pair) => pair.publicKeyHex).join(',');
	const body = jsonBody(bodyBytes);
	const now = Math.floor(Date.now() / 1000);
	const headers = signWebhookHeaders({
		body,
		tenant: 'acme',
		eventId: 'evt-bench-1',
		timestamp: now,
		privateKeys: [...untrusted.map((pair) => pair.privateKey), trusted[keys - 1].privateKey],
	});
	const verified = verifierFor(keysText, OPTIONS).verify(headers, body, now);
	if (!verified.ok || verified.key.position !== keys) throw new Error('verifier bench: setup does not verify');

	const entries = headers['x-signature-v1'].split(',');
	const timestamp = String(now);
	const cases: BenchCase[] = [
		{ name: 'verify path', run: () => verifierFor(keysText, OPTIONS).verify(headers, body, now) },
		{
			name: 'verify path, verifier built per request',
			run: () => new WebhookVerifier(keysText, OPTIONS).verify(headers, body, now),
		},
		{
			name: 'message: one reused buffer',
			run: () => signedMessage(timestamp, 'acme', 'evt-bench-1', body, reusedBuffer),
		},
		{ name: 'message: a fresh buffer', run: () => signedMessage(timestamp, 'acme', 'evt-bench-1', body) },
		{ name: 'signatures: regex, Buffer.from', run: () => entries.map((entry) => decodeHex(entry, 64)) },
		{
			name: 'signatures: char-code table (dropped)',
			run: () => entries.map((entry) => DROPPED.decodeHexTable(entry, 64)),
		},
		{
			name: 'signatures: char-code table into reused slots (dropped)',
			run: () => DROPPED.decodeHexIntoSlots(entries),
		},
	];
	const results = runCases(cases, run);
	const [path, rebuilt, reused, fresh, plainHex, table, slots] = results;
	const configuration = `${keys} key${keys > 1 ? 's' : ''} × ${signatures} signature${signatures > 1 ? 's' : ''}, ${bodyBytes >= 1 << 20 ? '1 MB' : `${bodyBytes / KB} KB`}`;
	const figure = (optimisation: string, where: string, ratio: number) => ({
		optimisation,
		where,
		configuration,
		ratio,
	});
	const figures: OptimisationFigure[] = [
		figure(
			'verifier (its imported, checked keys) built once per key text',
			'signature/verifier.ts verifierFor (verifierCache.ts)',
			pairedRatio(path, rebuilt),
		),
		figure(
			'signed message in one reused buffer',
			'signature/message.ts reusedBuffer',
			pathRatio(path, reused, fresh, true),
		),
		figure('hex through a char-code table', 'signature/hex.ts (dropped)', pathRatio(path, table, plainHex, false)),
		figure(
			'signatures decoded into reused slots',
			'signature/verifier.ts (dropped)',
			pathRatio(path, slots, table, false),
		),
	];
	return { group: { title: `Webhook signature: ${configuration}`, cases: results }, figures };
}

const ISSUER = 'https://auth.example.com/';
const AUDIENCE = 'https://n8n.example.com/techwolf';
const JWKS_URL = 'https://auth.example.com/.well-known/jwks.json';

/** One key of each kind published; the token signed with `algorithm`, checked against that key pasted as PEM. */
async function accessTokenGroup(algorithm: TokenAlgorithm, run: Run) {
	const published = (['RS256', 'ES256', 'EdDSA'] as const).map(generateSigningKey);
	const key = published.find((entry) => entry.algorithm === algorithm) as (typeof published)[number];
	const now = Math.floor(Date.now() / 1000);
	const claims = { iss: ISSUER, aud: AUDIENCE, sub: 'techwolf', scope: 'webhooks', exp: now + 3600 };
	const authorization = `Bearer ${signJws({ alg: algorithm, typ: 'at+jwt', kid: key.kid }, claims, key)}`;
	const data = {
		publicKeys: key.publicKey.export({ type: 'spki', format: 'pem' }).toString(),
		issuer: ISSUER,
		audience: AUDIENCE,
		requiredScopes: '',
		algorithms: ['RS256', 'ES256', 'EdDSA'],
	};
	const jwksText = JSON.stringify({ keys: published.map((entry) => entry.jwk) });
	const fetchJwks = async () => jwksText;
	const cache = new JwksCache();
	// Loaded before the rounds: a load still pending would make every timed call wait on it.
	if (!(await cache.keySet(JWKS_URL, fetchJwks, now)).ok) throw new Error('verifier bench: JWKS not read');

	// With pasted keys nothing in verifySignature() waits, so a call does all its work before it returns.
	const check = (verifier: AccessTokenVerifier) => {
		const reading = verifier.read(authorization, now);
		if (!reading.ok) throw new Error(`verifier bench: ${reading.message}`);
		return verifier.verifySignature(reading.token as ReadToken, fetchJwks, now);
	};
	const cases: BenchCase[] = [
		{ name: 'token path', run: () => check(accessTokenVerifierFor('publicKey', data)) },
		{
			name: 'token path, verifier built per request',
			run: () => check(new AccessTokenVerifier(accessTokenPolicy(data), accessTokenKeySource('publicKey', data))),
		},
		{ name: 'JWKS: the cached key set', run: () => cache.keySet(JWKS_URL, fetchJwks, now) },
		{ name: 'JWKS: the fetched answer read per request (no network)', run: () => readJwks(JSON.parse(jwksText)) },
	];
	const results = runCases(cases, run);
	const [path, rebuilt, cached, refetched] = results;
	const configuration = `${algorithm}, 1 pasted key / a JWKS of 3`;
	const figures: OptimisationFigure[] = [
		{
			optimisation: 'verifier (its imported, checked keys) built once per credential',
			where: 'accessToken/credential.ts accessTokenVerifierFor (verifierCache.ts)',
			configuration,
			ratio: pairedRatio(path, rebuilt),
		},
		{
			optimisation: 'JWKS cached (lower bound: without it a fetch adds the network too)',
			where: 'accessToken/jwks.ts JwksCache',
			configuration,
			ratio: pathRatio(path, cached, refetched, true),
		},
	];
	return { group: { title: `Access token: ${algorithm}`, cases: results }, figures };
}

export async function benchVerifier(options: {
	rounds: number;
	log: (line: string) => void;
}): Promise<VerifierBenchResult> {
	const run: Run = { rounds: options.rounds, roundMillis: 250, latencyMillis: 20 };
	const parts = [
		...(
			[
				[1, 1, KB],
				[2, 2, KB],
				[3, 3, KB],
				[1, 1, 64 * 1024],
				[1, 1, 1 << 20],
			] as const
		).map(
			([keys, signatures, bytes]) =>
				() =>
					signatureGroup(keys, signatures, bytes, run),
		),
		...(['RS256', 'ES256', 'EdDSA'] as const).map((algorithm) => () => accessTokenGroup(algorithm, run)),
	];
	const groups: VerifierGroup[] = [];
	const figures: OptimisationFigure[] = [];
	for (const part of parts) {
		const result = await part();
		options.log(`verifier: ${result.group.title}`);
		groups.push(result.group);
		figures.push(...result.figures);
	}
	return { groups, figures };
}

function fmt(value: number | undefined, digits = 0): string {
	if (value === undefined) return '–';
	return value.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });
}

/** Whether an optimisation matters: at least THRESHOLD in some configuration. */
export function optimisationVerdicts(figures: readonly OptimisationFigure[]) {
	const names = [...new Set(figures.map((figure) => figure.optimisation))];
	return names.map((optimisation) => {
		const ratios = figures.filter((figure) => figure.optimisation === optimisation).map((figure) => figure.ratio);
		return {
			optimisation,
			min: Math.min(...ratios),
			max: Math.max(...ratios),
			matters: Math.max(...ratios) >= THRESHOLD,
		};
	});
}

export function verifierReport(result: VerifierBenchResult): string[] {
	const lines = [
		'## 4. Verifier optimisations',
		'',
		`Each optimisation of the two verifiers against its plain form (bench/verifier.bench.ts). "With ÷ without" is the whole path's throughput with it over without it; it matters at ≥ ${fmt(THRESHOLD, 2)}× in some configuration (1–3 keys and 1–3 signatures with a 1 KB body, TechWolf's events being a few hundred bytes; one key and one signature with 64 KB and 1 MB bodies). p50 and p99 time single calls (a clock read included).`,
		'',
		'| optimisation | where | configuration | with ÷ without |',
		'|---|---|---|---:|',
		...result.figures.map(
			(figure) => `| ${figure.optimisation} | ${figure.where} | ${figure.configuration} | ${fmt(figure.ratio, 3)}× |`,
		),
		'',
		'| optimisation | range | matters |',
		'|---|---|---|',
		...optimisationVerdicts(result.figures).map(
			(verdict) =>
				`| ${verdict.optimisation} | ${fmt(verdict.min, 3)}–${fmt(verdict.max, 3)}× | ${verdict.matters ? 'yes' : 'no'} |`,
		),
		'',
	];
	for (const group of result.groups) {
		const path = group.cases[0];
		lines.push(
			`### ${group.title}`,
			'',
			'| case | ops/s (median) | µs/op | p50 µs | p99 µs | range ops/s | vs path (paired) |',
			'|---|---:|---:|---:|---:|---|---:|',
			...group.cases.map(
				(entry) =>
					`| ${entry.name} | ${fmt(entry.opsPerSecond)} | ${fmt(entry.microsPerOp, 2)} | ${fmt(entry.p50Micros, 2)} | ${fmt(entry.p99Micros, 2)} | ${fmt(entry.minOpsPerSecond)}–${fmt(entry.maxOpsPerSecond)} | ${fmt(pairedRatio(entry, path), 3)}× |`,
			),
			'',
		);
	}
	return lines;
}
