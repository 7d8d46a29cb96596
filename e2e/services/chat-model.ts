/**
 * A scripted OpenAI-compatible chat model for agent tests: n8n's OpenAI Chat Model talks to it through its credential's
 * Base URL. It records every request, answers `POST …/chat/completions` with what the test's script decides for that
 * request (a tool call or a text; plain JSON, or server-sent chunks when the request says `stream: true`), and lists
 * one model at `GET …/models`, which the credential's Test button and the editor's model list call.
 * Node's http only, on 127.0.0.1 and a free port.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';

import { closeServer, listenOnLoopback, readBody } from '../../sandbox/http';

/** One tool as the request's `tools` list carries it (OpenAI's function tool). */
export interface ChatTool {
	type: 'function';
	function: { name: string; description?: string; parameters?: JsonSchema };
}

export interface JsonSchema {
	type?: string;
	description?: string;
	properties?: Record<string, JsonSchema>;
	required?: string[];
	[keyword: string]: unknown;
}

export interface ChatToolCall {
	id: string;
	type: 'function';
	function: { name: string; arguments: string };
}

export interface ChatMessage {
	role: 'system' | 'developer' | 'user' | 'assistant' | 'tool';
	content?: string | Array<{ type: string; text?: string }> | null;
	tool_calls?: ChatToolCall[];
	tool_call_id?: string;
}

/** The fields of a chat-completions request the script and the tests read; the rest is kept as sent. */
export interface ChatCompletionRequest {
	model: string;
	messages: ChatMessage[];
	tools?: ChatTool[];
	stream?: boolean;
	stream_options?: { include_usage?: boolean };
	[field: string]: unknown;
}

export interface RecordedChatRequest {
	method: string;
	path: string;
	authorization: string | undefined;
	/** The parsed JSON body of a chat-completions request; undefined for other requests. */
	body: ChatCompletionRequest | undefined;
}

/** What the model answers a turn: tool calls, or a final text. */
export type ChatReply = { toolCalls: Array<{ name: string; arguments: Record<string, unknown> }> } | { text: string };

/** Decides each chat-completions answer from the request alone (a retried request gets the same answer). */
export type ChatScript = (request: ChatCompletionRequest) => ChatReply;

export interface ChatModelStub {
	/** What the OpenAI credential's Base URL is set to, e.g. `http://127.0.0.1:5701/v1`. */
	baseUrl: string;
	/** The model `GET /models` lists. */
	model: string;
	/** Every request so far, oldest first. */
	readonly requests: readonly RecordedChatRequest[];
	/** The chat-completions requests so far, oldest first. */
	chatRequests(): ChatCompletionRequest[];
	stop(): Promise<void>;
}

const MAX_BODY_BYTES = 5 * 1024 * 1024;
const API_PREFIX = '/v1';
export const STUB_MODEL = 'gpt-e2e-scripted';

/** The whole text of a message, whether sent as a string or as content parts. */
export function messageText(message: ChatMessage): string {
	const { content } = message;
	if (typeof content === 'string') return content;
	return (content ?? []).map((part) => part.text ?? '').join('');
}

function sendJson(response: ServerResponse, status: number, body: unknown): void {
	response.writeHead(status, { 'content-type': 'application/json' });
	response.end(JSON.stringify(body));
}

/** The reply as OpenAI's assistant message, with the finish reason that goes with it. */
function assistantMessage(
	reply: ChatReply,
	answerNumber: number,
): { message: Required<Pick<ChatMessage, 'role'>> & ChatMessage; finishReason: 'tool_calls' | 'stop' } {
	if ('text' in reply) return { message: { role: 'assistant', content: reply.text }, finishReason: 'stop' };
	const toolCalls = reply.toolCalls.map((call, index): ChatToolCall => ({
		id: `call_e2e_${answerNumber}_${index}`,
		type: 'function',
		function: { name: call.name, arguments: JSON.stringify(call.arguments) },
	}));
	return { message: { role: 'assistant', content: null, tool_calls: toolCalls }, finishReason: 'tool_calls' };
}

const USAGE = { prompt_tokens: 10, completion_tokens: 10, total_tokens: 20 };

/** `stream: true`: the same answer as server-sent chat.completion.chunk events, then `[DONE]`. */
function sendStream(
	response: ServerResponse,
	request: ChatCompletionRequest,
	id: string,
	created: number,
	reply: ReturnType<typeof assistantMessage>,
): void {
	response.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
	const chunk = (choices: unknown[], extra: Record<string, unknown> = {}) =>
		response.write(
			`data: ${JSON.stringify({ id, object: 'chat.completion.chunk', created, model: request.model, choices, ...extra })}\n\n`,
		);
	const { message, finishReason } = reply;
	const delta = message.tool_calls
		? {
				role: 'assistant',
				content: null,
				tool_calls: message.tool_calls.map((call, index) => ({ index, ...call })),
			}
		: { role: 'assistant', content: message.content };
	chunk([{ index: 0, delta, finish_reason: null }]);
	chunk([{ index: 0, delta: {}, finish_reason: finishReason }]);
	if (request.stream_options?.include_usage) chunk([], { usage: USAGE });
	response.end('data: [DONE]\n\n');
}

async function answer(
	request: IncomingMessage,
	response: ServerResponse,
	record: RecordedChatRequest,
	script: ChatScript,
	nextAnswerNumber: () => number,
): Promise<void> {
	const path = record.path;
	if (request.method === 'GET' && path === `${API_PREFIX}/models`) {
		sendJson(response, 200, {
			object: 'list',
			data: [{ id: STUB_MODEL, object: 'model', created: 0, owned_by: 'n8n-nodes-techwolf-e2e' }],
		});
		return;
	}
	if (request.method !== 'POST' || path !== `${API_PREFIX}/chat/completions`) {
		sendJson(response, 404, {
			error: { message: `no route ${request.method} ${path}`, type: 'invalid_request_error' },
		});
		return;
	}
	const raw = await readBody(request, MAX_BODY_BYTES, () => new Error('request body too large'));
	const body = JSON.parse(raw.toString('utf8')) as ChatCompletionRequest;
	record.body = body;
	const answerNumber = nextAnswerNumber();
	const reply = assistantMessage(script(body), answerNumber);
	const id = `chatcmpl-e2e-${answerNumber}`;
	const created = Math.floor(Date.now() / 1000);
	if (body.stream) {
		sendStream(response, body, id, created, reply);
		return;
	}
	sendJson(response, 200, {
		id,
		object: 'chat.completion',
		created,
		model: body.model,
		choices: [{ index: 0, message: reply.message, finish_reason: reply.finishReason, logprobs: null }],
		usage: USAGE,
	});
}

export async function startChatModelStub(script: ChatScript): Promise<ChatModelStub> {
	const requests: RecordedChatRequest[] = [];
	let answers = 0;
	const server = createServer((request, response) => {
		const record: RecordedChatRequest = {
			method: request.method ?? '',
			path: new URL(request.url ?? '/', 'http://stub').pathname,
			authorization: request.headers.authorization,
			body: undefined,
		};
		requests.push(record);
		answer(request, response, record, script, () => answers++).catch((error: unknown) => {
			// A script that throws is a failed test: the model answers 500, and n8n's execution shows it.
			if (!response.headersSent) {
				sendJson(response, 500, { error: { message: String(error), type: 'server_error' } });
			} else response.end();
		});
	});
	const url = await listenOnLoopback(server);
	return {
		baseUrl: `${url}${API_PREFIX}`,
		model: STUB_MODEL,
		requests,
		chatRequests: () => requests.flatMap((record) => (record.body ? [record.body] : [])),
		stop: () => closeServer(server),
	};
}
