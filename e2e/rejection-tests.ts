/**
 * Every way a delivery is refused, sent to the trigger in a real n8n: each must get the trigger's own 400 or 401 with
 * its reason, and start nothing.
 */
import * as assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';

import { generateSigningKeyPair } from '../sandbox/signer';
import {
	assertRejected,
	forgedSignatureHex,
	isValidUtf8,
	newEvent,
	nowSeconds,
	post,
	sign,
	signBytes,
	withOneByteChanged,
	withHeaderTwice,
	withoutHeader,
	type Delivery,
	type SignedEventDelivery,
} from './deliveries';
import { assertNoNewExecution } from './executions';
import type { TestCase } from './test-case';
import { exampleWebhookUrl, exampleWorkflowId, restOf, type SuiteContext } from './suite-context';

/** TechWolf's default tolerance is 300 s; twice that is unambiguously out of it. */
const OUTSIDE_TOLERANCE_SECONDS = 600;

interface RejectionCase {
	name: string;
	status: 400 | 401;
	reason: string;
	messagePart?: string;
	delivery(context: SuiteContext): Delivery;
}

function validDelivery(context: SuiteContext, timestamp?: number): SignedEventDelivery {
	return sign(newEvent('employee.skill_profile.updated'), [context.playground.signingKey], timestamp);
}

const SIGNATURE_HEADER_NAMES = ['x-signature-timestamp', 'x-tenant', 'x-event-id', 'x-signature-v1'] as const;

const REJECTIONS: readonly RejectionCase[] = [
	{
		name: 'forged signature (random bytes)',
		status: 401,
		reason: 'no_matching_signature',
		delivery: (context) => {
			const valid = validDelivery(context);
			return { body: valid.body, headers: { ...valid.headers, 'x-signature-v1': forgedSignatureHex() } };
		},
	},
	{
		name: 'signed with a key the credential does not hold',
		status: 401,
		reason: 'no_matching_signature',
		delivery: () => sign(newEvent('employee.skill_profile.updated'), [generateSigningKeyPair()]),
	},
	{
		name: `stale timestamp (${OUTSIDE_TOLERANCE_SECONDS} s old)`,
		status: 401,
		reason: 'stale_timestamp',
		delivery: (context) => validDelivery(context, nowSeconds() - OUTSIDE_TOLERANCE_SECONDS),
	},
	{
		name: `future timestamp (${OUTSIDE_TOLERANCE_SECONDS} s ahead)`,
		status: 401,
		reason: 'future_timestamp',
		delivery: (context) => validDelivery(context, nowSeconds() + OUTSIDE_TOLERANCE_SECONDS),
	},
	...SIGNATURE_HEADER_NAMES.map((header): RejectionCase => ({
		name: `missing ${header} header`,
		status: 401,
		reason: 'missing_header',
		messagePart: header,
		delivery: (context) => withoutHeader(validDelivery(context), header),
	})),
	// Node would join two lines of these with ", ": an X-Signature-V1 list that verifies, a malformed timestamp,
	// tenant or id. The trigger reads the lines as sent and refuses the repeat itself.
	...SIGNATURE_HEADER_NAMES.map((header): RejectionCase => ({
		name: `${header} sent on two lines (the same valid value twice)`,
		status: 401,
		reason: 'repeated_header',
		messagePart: `${header} is sent more than once`,
		delivery: (context) => withHeaderTwice(validDelivery(context), header),
	})),
	{
		name: 'body changed by one byte (still valid JSON)',
		status: 401,
		reason: 'no_matching_signature',
		delivery: (context) => withOneByteChanged(validDelivery(context), '"external_id":"E1"', '"external_id":"E2"'),
	},
	{
		name: 'body changed only in whitespace (same JSON)',
		status: 401,
		reason: 'no_matching_signature',
		delivery: (context) => {
			const valid = validDelivery(context);
			const body = Buffer.from(JSON.stringify(valid.event, null, 2));
			assert.notDeepEqual(body, Buffer.from(valid.body));
			assert.deepEqual(JSON.parse(body.toString('utf8')), valid.event);
			return { body, headers: valid.headers };
		},
	},
	{
		name: 'non-UTF-8 body (Latin-1 bytes of a text signed as UTF-8)',
		status: 401,
		reason: 'no_matching_signature',
		delivery: (context) => {
			const event = newEvent('employee.skill_profile.updated', { extraData: { note: 'café' } });
			const valid = sign(event, [context.playground.signingKey]);
			const body = Buffer.from(Buffer.from(valid.body).toString('utf8'), 'latin1');
			assert.ok(!isValidUtf8(body), 'the Latin-1 body should not be valid UTF-8');
			return { body, headers: valid.headers };
		},
	},
	{
		// Sent as text/plain: with `application/json`, n8n itself answers 422 for a body that is not JSON, before any
		// node runs (n8n's own body parser).
		name: 'validly signed body that is not JSON (text/plain)',
		status: 400,
		reason: 'invalid_cloudevent',
		messagePart: 'not JSON',
		delivery: (context) =>
			signBytes(Buffer.from('this is not a TechWolf CloudEvent'), context.playground.signingKey, {
				eventId: randomUUID(),
				contentType: 'text/plain',
			}),
	},
	{
		name: 'validly signed JSON without a type',
		status: 400,
		reason: 'invalid_cloudevent',
		messagePart: 'type',
		delivery: (context) => {
			const { type, ...withoutType } = newEvent('employee.skill_profile.updated');
			assert.ok(type);
			return signBytes(Buffer.from(JSON.stringify(withoutType)), context.playground.signingKey, {
				eventId: withoutType.id,
				contentType: 'application/json',
			});
		},
	},
];

/** One test per way a delivery is refused. */
export function rejectionTests(context: SuiteContext): TestCase[] {
	return REJECTIONS.map((rejection) => rejectionTest(context, rejection));
}

function rejectionTest(context: SuiteContext, rejection: RejectionCase): TestCase {
	return {
		name: `${rejection.name} → ${rejection.status} ${rejection.reason} from the trigger, no execution`,
		run: async () => {
			const rest = restOf(context);
			const workflowId = exampleWorkflowId(context);
			const delivery = rejection.delivery(context);
			const countBefore = await rest.countExecutions(workflowId);
			const reply = await post(exampleWebhookUrl(context), delivery);
			assertRejected(reply, rejection.status, rejection.reason, rejection.messagePart);
			await assertNoNewExecution(rest, workflowId, countBefore);
		},
	};
}
