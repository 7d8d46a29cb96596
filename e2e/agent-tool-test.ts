/**
 * The TechWolf node as an AI Agent tool in a real n8n: a trigger → AI Agent, with n8n's OpenAI Chat Model (its
 * credential's Base URL at a scripted chat model, services/chat-model.ts) and the TechWolf node's tool variant
 * (`techWolfTool`, which n8n makes of every node with `usableAsTool`), its Employee ID filled by the agent through
 * `$fromAI()`. Twice: a manual run (the model answers plain JSON) and a webhook that streams its response (the model
 * streams too). The scripted model picks the tool by what its definition says, fills its arguments from the tool's
 * schema and answers from the tool's result; the tests check each hop: the definition the model got, the call that
 * reached the sandbox, and the final answer.
 */
import * as assert from 'node:assert/strict';

import { getSkillProfile } from '../nodes/TechWolf/actions/employee/getSkillProfile.operation';
import { FIXTURE_IDS } from '../sandbox/data';
import { finishedExecution } from './executions';
import { nodeOutputItems } from './n8n/rest-client';
import type { N8nExecution, N8nWorkflowJson } from './n8n/rest-types';
import type { TestCase } from './test-case';
import {
	messageText,
	startChatModelStub,
	type ChatScript,
	type ChatTool,
	type JsonSchema,
} from './services/chat-model';
import { restOf, type SuiteContext } from './suite-context';

const EMPLOYEE_ID = FIXTURE_IDS.employeeWithProfile;
const QUESTION = `Which validated skills does employee ${EMPLOYEE_ID} have?`;
/** The `$fromAI()` key and description of the tool's one parameter, as the README's "Use it as an AI Agent tool" shows. */
const ID_KEY = 'employeeId';
const ID_HINT = 'The external ID of the employee in TechWolf, e.g. E12345';

const AGENT_NODE = 'AI Agent';
const MODEL_NODE = 'OpenAI Chat Model';
/** The name the editor gives a tool node: the operation's action, then " in " and the node's default name. */
const TOOL_NODE = `${getSkillProfile.action} in TechWolf`;
/** OpenAI's rule for function names, which n8n applies to node names (spaces and the like become `_`). */
const OPENAI_FUNCTION_NAME = /^[a-zA-Z0-9_-]{1,64}$/;
const AGENT_RUN_TIMEOUT_MS = 90_000;

interface Skill {
	skill: string;
	validation_state?: string;
}

/**
 * How the question reaches the agent: a manual run of a Manual Trigger (the agent calls the model without streaming),
 * or a POST to a published Webhook whose response streams (the agent, and so the model, stream).
 */
type Transport = 'manual run' | 'streamed webhook';

const TRIGGER_NODE: Record<Transport, string> = {
	'manual run': 'When clicking ‘Execute workflow’',
	'streamed webhook': 'Webhook',
};
const STREAMING_PATH = 'e2e-agent-tool';

function triggerNode(transport: Transport): Record<string, unknown> {
	return transport === 'manual run'
		? {
				parameters: {},
				name: TRIGGER_NODE[transport],
				type: 'n8n-nodes-base.manualTrigger',
				typeVersion: 1,
				position: [0, 0],
			}
		: {
				parameters: { httpMethod: 'POST', path: STREAMING_PATH, responseMode: 'streaming', options: {} },
				name: TRIGGER_NODE[transport],
				type: 'n8n-nodes-base.webhook',
				typeVersion: 2.1,
				position: [0, 0],
				webhookId: `e2e-${STREAMING_PATH}`,
			};
}

/** The trigger starts the agent with the question; the TechWolf tool reads the profile of whichever id the model passes. */
function agentWorkflow(
	transport: Transport,
	oauth2CredentialId: string,
	openAiCredentialId: string,
	model: string,
): N8nWorkflowJson {
	return {
		name: `e2e: TechWolf as an AI Agent tool (${transport})`,
		nodes: [
			triggerNode(transport),
			{
				parameters: {
					promptType: 'define',
					text: transport === 'manual run' ? QUESTION : '={{ $json.body.question }}',
					options: {},
				},
				name: AGENT_NODE,
				type: '@n8n/n8n-nodes-langchain.agent',
				// The newest version both tested n8n lines have (2.x defaults to 3.1).
				typeVersion: 3,
				position: [220, 0],
			},
			{
				parameters: {
					model: { __rl: true, mode: 'list', value: model, cachedResultName: model },
					// Chat Completions, the API every OpenAI-compatible server speaks (1.3 defaults to the Responses API).
					responsesApiEnabled: false,
					options: {},
				},
				name: MODEL_NODE,
				type: '@n8n/n8n-nodes-langchain.lmChatOpenAi',
				typeVersion: 1.3,
				position: [120, 220],
				credentials: { openAiApi: { id: openAiCredentialId, name: 'Scripted chat model (e2e)' } },
			},
			{
				parameters: {
					authentication: 'oAuth2',
					resource: 'employee',
					operation: 'getSkillProfile',
					employeeId: {
						__rl: true,
						mode: 'id',
						value: `={{ $fromAI('${ID_KEY}', '${ID_HINT}', 'string') }}`,
					},
					descriptionType: 'auto',
					options: {},
				},
				name: TOOL_NODE,
				type: 'n8n-nodes-techwolf.techWolfTool',
				typeVersion: 1,
				position: [340, 220],
				credentials: { techWolfOAuth2Api: { id: oauth2CredentialId, name: 'TechWolf sandbox (OAuth2)' } },
			},
		],
		connections: {
			[TRIGGER_NODE[transport]]: { main: [[{ node: AGENT_NODE, type: 'main', index: 0 }]] },
			[MODEL_NODE]: { ai_languageModel: [[{ node: AGENT_NODE, type: 'ai_languageModel', index: 0 }]] },
			[TOOL_NODE]: { ai_tool: [[{ node: AGENT_NODE, type: 'ai_tool', index: 0 }]] },
		},
		settings: { executionOrder: 'v1' },
	};
}

/** The tool whose definition says it reads an employee's skills, as a model would choose it. */
function employeeSkillsTool(tools: readonly ChatTool[]): ChatTool | undefined {
	return tools.find(({ function: fn }) => {
		const said = `${fn.name} ${fn.description ?? ''}`;
		return /employee/i.test(said) && /skill/i.test(said);
	});
}

/** Arguments from the tool's schema: the id goes into its one required string parameter that is about an id. */
function argumentsFor(tool: ChatTool, employeeId: string): Record<string, unknown> {
	const schema: JsonSchema = tool.function.parameters ?? {};
	const required = schema.required ?? [];
	const idParameters = required.filter((name) => {
		const property = schema.properties?.[name];
		return property?.type === 'string' && /\bid\b|id$/i.test(`${name} ${property.description ?? ''}`);
	});
	if (idParameters.length !== 1 || required.length !== 1) {
		throw new Error(`no single id parameter to fill in ${tool.function.name}'s schema: ${JSON.stringify(schema)}`);
	}
	return { [idParameters[0] as string]: employeeId };
}

/** Every skill object (`{skill, validation_state}`) in a tool result, however n8n wraps the tool's items. */
function skillsIn(value: unknown): Skill[] {
	if (Array.isArray(value)) return value.flatMap(skillsIn);
	if (typeof value !== 'object' || value === null) return [];
	const record = value as Record<string, unknown>;
	const own = typeof record.skill === 'string' ? [record as unknown as Skill] : [];
	return [...own, ...Object.values(record).flatMap(skillsIn)];
}

function parsedToolResult(text: string): unknown {
	try {
		return JSON.parse(text) as unknown;
	} catch {
		throw new Error(`the tool result is not JSON: ${text.slice(0, 300)}`);
	}
}

/**
 * First turn: call the employee-skills tool for `employeeId` (the employee the question names). Second turn (the tool's
 * result in the messages): name the validated skills it holds.
 */
function agentScript(employeeId: string): ChatScript {
	return (request) => {
		const results = request.messages.filter((message) => message.role === 'tool');
		if (results.length === 0) {
			const tool = employeeSkillsTool(request.tools ?? []);
			if (!tool) {
				const offered = (request.tools ?? []).map((offer) => offer.function.name).join(', ') || 'none';
				return { text: `None of the tools reads an employee's skills (offered: ${offered}).` };
			}
			return { toolCalls: [{ name: tool.function.name, arguments: argumentsFor(tool, employeeId) }] };
		}
		const skills = results.flatMap((result) => skillsIn(parsedToolResult(messageText(result))));
		const validated = skills.filter((skill) => skill.validation_state === 'validated').map((skill) => skill.skill);
		return { text: `Employee ${employeeId} has these validated skills: ${validated.join(', ')}.` };
	};
}

/** The finished execution and the agent's answer, from a manual run through the REST API. */
async function askInAManualRun(
	context: SuiteContext,
	workflowJson: N8nWorkflowJson,
): Promise<{ execution: N8nExecution; answer: string }> {
	const rest = restOf(context);
	const workflow = await rest.importWorkflow(workflowJson);
	const started = await rest.runManually(workflow.id, TRIGGER_NODE['manual run']);
	assert.ok(started.executionId, `n8n started no execution: ${JSON.stringify(started)}`);
	const execution = await finishedExecution(rest, started.executionId, AGENT_RUN_TIMEOUT_MS);
	const answers = nodeOutputItems(execution, AGENT_NODE).map((item) => item.json.output);
	assert.equal(answers.length, 1, `the agent gave ${answers.length} answers`);
	return { execution, answer: String(answers[0]) };
}

/**
 * The finished execution and the answer as the webhook's caller reads it: n8n streams one JSON object per line, and
 * the agent's text arrives in the `content` of the `item` chunks.
 */
async function askThroughAStreamingWebhook(
	context: SuiteContext,
	workflowJson: N8nWorkflowJson,
): Promise<{ execution: N8nExecution; answer: string }> {
	const rest = restOf(context);
	const workflow = await rest.upsertWorkflow(workflowJson);
	await rest.publishWorkflow(workflow.id);
	try {
		const url = context.playground.n8n.webhookUrl(STREAMING_PATH);
		await rest.waitForWebhook(url);
		const before = await rest.countExecutions(workflow.id);
		const response = await fetch(url, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify({ question: QUESTION }),
			signal: AbortSignal.timeout(AGENT_RUN_TIMEOUT_MS),
		});
		const streamed = await response.text();
		assert.equal(response.status, 200, `the webhook answered ${response.status}: ${streamed.slice(0, 300)}`);
		const chunks = streamed
			.split('\n')
			.filter((line) => line.trim() !== '')
			.map((line) => JSON.parse(line) as { type?: string; content?: string });
		assert.ok(
			chunks.some((chunk) => chunk.type === 'end'),
			`the stream did not end: ${streamed.slice(0, 300)}`,
		);
		await rest.waitForExecutions(workflow.id, before + 1);
		const [latest] = await rest.listExecutions(workflow.id, 1);
		assert.ok(latest, 'no execution was saved');
		const execution = await finishedExecution(rest, latest.id, AGENT_RUN_TIMEOUT_MS);
		const answer = chunks
			.filter((chunk) => chunk.type === 'item')
			.map((chunk) => chunk.content ?? '')
			.join('');
		return { execution, answer };
	} finally {
		await rest.unpublishWorkflow(workflow.id);
	}
}

/**
 * Asks the agent through `transport` and checks each hop: the tool definition the model got, the call that reached
 * the sandbox, the tool's result back at the model, and the answer.
 */
async function agentAnswersFromTheTool(context: SuiteContext, transport: Transport): Promise<void> {
	const rest = restOf(context);
	const { sandbox, credentialIds } = context.playground;
	const chatModel = await startChatModelStub(agentScript(EMPLOYEE_ID));
	try {
		const apiKey = `sk-e2e-${Date.now()}`;
		const credential = await rest.createCredential('openAiApi', `Scripted chat model (e2e, ${transport})`, {
			apiKey,
			url: chatModel.baseUrl,
		});
		// The credential's Test button lists the models: the base URL and key reach the scripted model.
		const tested = await rest.testCredential(credential.id);
		assert.equal(tested.status, 'OK', `the OpenAI credential's Test button said: ${tested.message}`);

		const profileRoute = `GET /employees/${EMPLOYEE_ID}/skill_profile`;
		const profileReadsBefore = sandbox.stats().requestsByRoute[profileRoute] ?? 0;
		const workflow = agentWorkflow(transport, credentialIds.oauth2, credential.id, chatModel.model);
		const { execution, answer } =
			transport === 'manual run'
				? await askInAManualRun(context, workflow)
				: await askThroughAStreamingWebhook(context, workflow);
		const error = execution.data.resultData.error;
		assert.equal(
			execution.status,
			'success',
			`the run ended ${execution.status}${error ? `: ${JSON.stringify(error).slice(0, 500)}` : ''}`,
		);

		// What the model was given: the question, and a tool definition it can use.
		const chatRequests = chatModel.chatRequests();
		const [first, second, ...more] = chatRequests;
		assert.ok(first && second, `the model was asked ${chatRequests.length} times, expected 2`);
		assert.equal(more.length, 0, 'the agent asked the model again after the answer');
		assert.deepEqual(
			chatRequests.map((request) => request.stream === true),
			[transport === 'streamed webhook', transport === 'streamed webhook'],
			'the model was not asked to stream exactly when the webhook streams',
		);
		assert.ok(
			chatModel.requests.every((request) => request.authorization === `Bearer ${apiKey}`),
			"a request to the model lacked the credential's API key",
		);
		assert.ok(
			first.messages.some((message) => message.role === 'user' && messageText(message).includes(QUESTION)),
			'the question did not reach the model',
		);
		assert.equal(first.tools?.length, 1, `the model was offered ${first.tools?.length ?? 0} tools, expected 1`);
		const tool = (first.tools as ChatTool[])[0] as ChatTool;
		context.note(`the tool definition the model got: ${JSON.stringify(tool)}`);
		assert.equal(tool.type, 'function');
		assert.match(tool.function.name, OPENAI_FUNCTION_NAME);
		assert.equal(tool.function.name, TOOL_NODE.replace(/[^a-zA-Z0-9_-]+/g, '_'), 'the tool is named by its node');
		assert.equal(tool.function.description, `${getSkillProfile.action} in TechWolf`);
		assert.ok(employeeSkillsTool([tool]), `the tool's name and description do not say it reads employee skills`);
		const parameters = tool.function.parameters;
		assert.equal(parameters?.type, 'object');
		assert.deepEqual(parameters?.required, [ID_KEY]);
		assert.deepEqual(Object.keys(parameters?.properties ?? {}), [ID_KEY], 'the tool takes more than the id');
		assert.deepEqual(
			{ type: parameters?.properties?.[ID_KEY]?.type, description: parameters?.properties?.[ID_KEY]?.description },
			{ type: 'string', description: ID_HINT },
		);

		// The model's call reached the sandbox with the id it chose, once.
		assert.equal(
			(sandbox.stats().requestsByRoute[profileRoute] ?? 0) - profileReadsBefore,
			1,
			`the sandbox did not see exactly one ${profileRoute}`,
		);
		const toolRuns = execution.data.resultData.runData[TOOL_NODE] ?? [];
		assert.equal(toolRuns.length, 1, `the tool node ran ${toolRuns.length} times`);

		// The tool's result went back to the model, and the final answer carries the validated skills and no other.
		const returned = second.messages.filter((message) => message.role === 'tool');
		assert.equal(returned.length, 1, `the second request carried ${returned.length} tool results`);
		const direct = await context.sandboxClient.get(`/employees/${EMPLOYEE_ID}/skill_profile`);
		assert.equal(direct.status, 200);
		const profile = skillsIn(direct.body);
		const validated = profile.filter((skill) => skill.validation_state === 'validated').map((skill) => skill.skill);
		const others = profile.filter((skill) => skill.validation_state !== 'validated').map((skill) => skill.skill);
		assert.ok(validated.length > 0 && others.length > 0, `${EMPLOYEE_ID} needs validated and other skills`);
		for (const skill of validated) assert.ok(answer.includes(skill), `the answer lacks ${skill}: ${answer}`);
		for (const skill of others) assert.ok(!answer.includes(skill), `the answer names ${skill}: ${answer}`);
	} finally {
		await chatModel.stop();
	}
}

async function agentAnswersInAManualRun(context: SuiteContext): Promise<void> {
	await agentAnswersFromTheTool(context, 'manual run');
}

async function agentStreamsItsAnswerThroughAWebhook(context: SuiteContext): Promise<void> {
	await agentAnswersFromTheTool(context, 'streamed webhook');
}

export function agentToolTests(context: SuiteContext): TestCase[] {
	const asks = `asks "${QUESTION}"`;
	const checks = "the TechWolf tool's definition, the call that reaches the sandbox, the answer";
	return [
		{
			name: `AI Agent tool, manual run: an agent ${asks}; ${checks}`,
			timeoutMs: 120_000,
			run: () => agentAnswersInAManualRun(context),
		},
		{
			name: `AI Agent tool, streaming webhook: an agent ${asks}, the model and the answer stream; ${checks}`,
			timeoutMs: 120_000,
			run: () => agentStreamsItsAnswerThroughAWebhook(context),
		},
	];
}
