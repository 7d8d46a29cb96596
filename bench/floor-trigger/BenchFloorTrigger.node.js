/**
 * The floor n8n sets for any community webhook trigger (bench/README.md, "The floor"): no credential, no checks; it
 * answers the way the TechWolf Trigger answers an accepted event (a JSON body n8n sends once it has recorded the run:
 * `webhookResponse` with an empty `responseData`, version 1.1) and hands the parsed body to the workflow. Loaded by n8n as a community package in the benchmark only; never shipped.
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
			properties: [],
		};
	}

	async webhook() {
		return {
			webhookResponse: { status: 'accepted' },
			workflowData: [this.helpers.returnJsonArray([this.getBodyData()])],
		};
	}
}

module.exports = { BenchFloorTrigger };
