/**
 * What the signature test cases share: a case is a name and a function, registered with Jest by the *.test.ts files
 * here (which test/deno/suites.test.ts also runs under Deno 2).
 */
import assert from 'node:assert/strict';
import { Buffer } from 'node:buffer';

import { decodeHex } from '../../nodes/TechWolfTrigger/verification/signature/hex';
import type { Verification } from '../../nodes/TechWolfTrigger/verification/signature/verifier';

export interface VerifierCase {
	name: string;
	run: () => void | Promise<void>;
}

/** How a runner reads a file of test/vectors/ as text. */
export type ReadVector = (fileName: string) => string;

/** A list of cases and the function that adds one. */
export function caseList(): { cases: VerifierCase[]; add: (name: string, run: VerifierCase['run']) => void } {
	const cases: VerifierCase[] = [];
	return { cases, add: (name, run) => cases.push({ name, run }) };
}

export const NOW = 1_763_900_000;
export const TENANT = 'acme';
export const EVENT_ID = '6f1c2a9e-8d3b-4c55-9a21-3f0e7b9d4c10';
export const BODY = new TextEncoder().encode(
	`{"specversion":"1.0","type":"ai.techwolf.employee.skill_profile.updated.v1","id":"${EVENT_ID}","time":"2025-11-23T10:00:00Z","data":{"tenant_name":"acme","external_id":"E1"}}`,
);

export const encodeHex = (bytes: Uint8Array): string => Buffer.from(bytes).toString('hex');

/** Vector hex (trusted input) as bytes. */
export function hex(text: string): Uint8Array {
	const bytes = decodeHex(text, text.length / 2);
	if (!bytes) throw new Error(`bad hex in a vector: ${text.slice(0, 16)}`);
	return bytes;
}

export function flipBit(bytes: Uint8Array, bit: number): Uint8Array {
	const copy = Uint8Array.from(bytes);
	if (copy.length > 0) copy[Math.floor(bit / 8) % copy.length] ^= 1 << (bit % 8);
	return copy;
}

export function expectFailure(result: Verification, reason: string): void {
	assert.equal(result.ok, false, `expected a rejection (${reason}), got a pass`);
	if (!result.ok) assert.equal(result.reason, reason, result.message);
}
