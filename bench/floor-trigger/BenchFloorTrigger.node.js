/**
 * The floor n8n sets for any community webhook trigger (bench/README.md, "The floor"): no credential, no checks; it
 * answers the way the TechWolf Trigger does (its own JSON reply, version 1.1) and hands the parsed body to the
 * workflow. Loaded by n8n as a community package in the benchmark only; never shipped.
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
			webhooks: [{ name: 'default', httpMethod: 'POST', responseMode: 'onReceived', path: 'webhook' }],
			properties: [],
		};
	}

	async webhook() {
		this.getResponseObject().status(200).json({ status: 'accepted' });
		return { noWebhookResponse: true, workflowData: [this.helpers.returnJsonArray([this.getBodyData()])] };
	}
}

module.exports = { BenchFloorTrigger };
