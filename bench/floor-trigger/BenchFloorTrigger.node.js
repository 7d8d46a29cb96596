/**
 * The floor n8n sets for any community webhook trigger (bench/README.md, "The floor"): no credential, no checks; it
 * answers the way the TechWolf Trigger answers an accepted event (a JSON body n8n sends once it has recorded the run:
 * `webhookResponse` with an empty `responseData`, version 1.1) and hands the parsed body to the workflow. Loaded by n8n as a community package in the benchmark only; never shipped.
 *
 * With _Static Data Characters_ above 0 it also changes that much static data per delivery and has n8n save it with
 * the run, as the TechWolf Trigger saves its memory of event ids (deduplication/eventMemory.ts, `recorded`): what n8n
 * costs any trigger that persists that much per delivery.
 */
class BenchFloorTrigger {
	constructor() {
		this.description = {
			displayName: 'Bench Floor Trigger',
			name: 'benchFloorTrigger',
			group: ['trigger'],
			version: 1.1,
			description: 'Benchmark fixture: accepts every POST',
			defaults: { name: 'Bench Floor Trigger' },
			inputs: [],
			outputs: ['main'],
			webhooks: [
				{ name: 'default', httpMethod: 'POST', responseMode: 'onReceived', responseData: '', path: 'webhook' },
			],
			properties: [{ displayName: 'Static Data Characters', name: 'staticDataChars', type: 'number', default: 0 }],
		};
	}

	async webhook() {
		const chars = this.getNodeParameter('staticDataChars', 0);
		const body = { status: 'accepted' };
		const workflowData = [this.helpers.returnJsonArray([this.getBodyData()])];
		if (!chars) return { webhookResponse: body, workflowData };
		const staticData = this.getWorkflowStaticData('node');
		const previous =
			typeof staticData.blob === 'string' && staticData.blob.length === chars ? staticData.blob : 'x'.repeat(chars);
		staticData.blob = `${Date.now().toString(36)}${previous.slice(8)}`.padEnd(chars, 'x').slice(0, chars);
		return {
			get webhookResponse() {
				const blob = staticData.blob;
				staticData.blob = blob; // n8n clears the changed mark while it records the run: mark it again
				return body;
			},
			workflowData,
		};
	}
}

module.exports = { BenchFloorTrigger };
