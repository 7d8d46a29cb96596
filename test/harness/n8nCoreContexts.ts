/**
 * Runs the package's nodes inside n8n-core's real execution contexts (WebhookContext, ExecuteContext), so that
 * parameters resolve with their defaults, credentials flow through preAuthentication and authenticate, and HTTP goes
 * through n8n's own httpRequestWithAuthentication. Only the CLI's credential store is stood in for, by
 * CredentialVault, which follows the CLI's CredentialsHelper rules (see the comments there).
 */
import 'reflect-metadata';
import { ExecuteContext, LoadOptionsContext, WebhookContext } from 'n8n-core';
import {
	createEmptyRunExecutionData,
	Workflow,
	type ICredentialDataDecryptedObject,
	type ICredentialType,
	type IDataObject,
	type IHttpRequestHelper,
	type IHttpRequestOptions,
	type INode,
	type INodeExecutionData,
	type INodeListSearchResult,
	type INodeType,
	type INodeTypes,
	type IWebhookData,
	type IWorkflowExecuteAdditionalData,
	type IWebhookResponseData,
	type Logger,
} from 'n8n-workflow';

export const NODE_TYPE_PREFIX = 'n8n-nodes-techwolf.';

/** In-memory credential store with the CLI's preAuthentication rules (packages/cli credentials-helper). */
export class CredentialVault {
	private readonly stored = new Map<string, ICredentialDataDecryptedObject>();
	readonly preAuthenticationCalls: Array<{ type: string; expired: boolean }> = [];

	constructor(private readonly types: Record<string, ICredentialType>) {}

	set(type: string, data: ICredentialDataDecryptedObject): void {
		this.stored.set(type, { ...data });
	}

	get(type: string): ICredentialDataDecryptedObject {
		const credentialType = this.types[type];
		if (!credentialType) throw new Error(`Unknown credential type ${type}`);
		const defaults: ICredentialDataDecryptedObject = {};
		for (const property of credentialType.properties) {
			if (property.type !== 'notice') defaults[property.name] = property.default as string;
		}
		return { ...defaults, ...this.stored.get(type) };
	}

	helper() {
		return {
			getParentTypes: (type: string) => this.types[type]?.extends ?? [],
			isCredentialUsableByNode: () => true,
			getDecrypted: async (_additionalData: unknown, _nodeCredentials: unknown, type: string) => this.get(type),
			/**
			 * As the CLI: run the type's preAuthentication when its first hidden `expirable` property is empty or the
			 * caller says the credentials expired (a 401), keep the result only if it carries that property, and persist
			 * what it returned.
			 */
			preAuthentication: async (
				helpers: IHttpRequestHelper,
				credentials: ICredentialDataDecryptedObject,
				type: string,
				_node: INode,
				credentialsExpired: boolean,
			) => {
				const credentialType = this.types[type];
				const expirable = credentialType?.properties.find(
					(property) => property.type === 'hidden' && property.typeOptions?.expirable === true,
				);
				if (!credentialType?.preAuthentication || !expirable) return undefined;
				if (credentials[expirable.name] !== '' && !credentialsExpired) return undefined;
				this.preAuthenticationCalls.push({ type, expired: credentialsExpired });
				const output = await credentialType.preAuthentication.call(helpers, credentials);
				if (output[expirable.name] === undefined) return undefined;
				this.set(type, { ...this.stored.get(type), ...(output as ICredentialDataDecryptedObject) });
				return Object.assign(credentials, output);
			},
			authenticate: async (
				credentials: ICredentialDataDecryptedObject,
				type: string,
				requestOptions: IHttpRequestOptions,
			) => {
				const authenticate = this.types[type]?.authenticate;
				if (typeof authenticate !== 'function') throw new Error(`${type} needs a function authenticate`);
				return await authenticate(credentials, requestOptions);
			},
		};
	}
}

function nodeTypesFor(nodeType: INodeType): INodeTypes {
	return {
		getByName: () => nodeType,
		getByNameAndVersion: () => nodeType,
		getKnownTypes: () => ({}),
	};
}

export interface NodeSetup {
	nodeType: INodeType;
	parameters: IDataObject;
	credentials: Record<string, string>;
	staticData?: IDataObject;
	/** Defaults to 'workflow-1'. */
	workflowId?: string;
	/** n8n's per-node error setting; 'continueRegularOutput' is "Continue On Fail". */
	onError?: INode['onError'];
	/** The node's version; its newest by default. */
	typeVersion?: number;
}

export function workflowWith(setup: NodeSetup): { workflow: Workflow; node: INode } {
	const node: INode = {
		id: 'node-1',
		name: setup.nodeType.description.defaults.name ?? setup.nodeType.description.displayName,
		type: NODE_TYPE_PREFIX + setup.nodeType.description.name,
		typeVersion: setup.typeVersion ?? Math.max(...[setup.nodeType.description.version].flat()),
		position: [0, 0],
		parameters: setup.parameters as INode['parameters'],
		credentials: Object.fromEntries(
			Object.entries(setup.credentials).map(([type, id]) => [type, { id, name: `${type} (${id})` }]),
		),
		webhookId: 'f0b1c2d3-0000-4000-8000-000000000001',
		...(setup.onError ? { onError: setup.onError } : {}),
	};
	const workflow = new Workflow({
		id: setup.workflowId ?? 'workflow-1',
		name: 'Test workflow',
		nodes: [node],
		connections: {},
		active: true,
		nodeTypes: nodeTypesFor(setup.nodeType),
		staticData: setup.staticData,
	});
	return { workflow, node };
}

function additionalData(vault: CredentialVault, extra: Partial<IWorkflowExecuteAdditionalData> = {}) {
	return {
		credentialsHelper: vault.helper(),
		executionId: 'execution-1',
		restApiUrl: 'http://127.0.0.1/rest',
		instanceBaseUrl: 'http://127.0.0.1/',
		webhookBaseUrl: 'webhook',
		webhookWaitingBaseUrl: 'webhook-waiting',
		webhookTestBaseUrl: 'webhook-test',
		formWaitingBaseUrl: 'form-waiting',
		variables: {},
		currentNodeParameters: undefined,
		...extra,
	} as unknown as IWorkflowExecuteAdditionalData;
}

/**
 * Calls a trigger's webhook() with n8n-core's WebhookContext around an HTTP request and response; with `logger`, the
 * node logs there instead of to n8n's logger.
 */
export async function runWebhook(
	setup: NodeSetup,
	vault: CredentialVault,
	httpRequest: unknown,
	httpResponse: unknown,
	logger?: Logger,
): Promise<{ result: IWebhookResponseData; workflow: Workflow }> {
	const { workflow, node } = workflowWith(setup);
	const webhookData = {
		httpMethod: 'POST',
		node: node.name,
		path: 'webhook',
		webhookDescription: setup.nodeType.description.webhooks?.[0],
		workflowId: workflow.id,
		workflowExecuteAdditionalData: {},
		isTest: false,
	} as unknown as IWebhookData;
	const context = new WebhookContext(
		workflow,
		node,
		additionalData(vault, { httpRequest, httpResponse } as Partial<IWorkflowExecuteAdditionalData>),
		'webhook',
		webhookData,
		[],
		null,
	);
	if (logger) Object.defineProperty(context, 'logger', { value: logger });
	if (!setup.nodeType.webhook) throw new Error(`${node.type} has no webhook()`);
	const result = await setup.nodeType.webhook.call(context);
	return { result, workflow };
}

/** Calls an action node's execute() with n8n-core's ExecuteContext over the given input items. */
export async function runExecute(
	setup: NodeSetup,
	vault: CredentialVault,
	items: INodeExecutionData[],
): Promise<INodeExecutionData[][]> {
	const { workflow, node } = workflowWith(setup);
	const context = new ExecuteContext(
		workflow,
		node,
		additionalData(vault),
		'manual',
		createEmptyRunExecutionData(),
		0,
		items,
		{ main: [items] },
		{ node, data: { main: [items] }, source: null },
		[],
	);
	if (!setup.nodeType.execute) throw new Error(`${node.type} has no execute()`);
	return (await setup.nodeType.execute.call(context)) as INodeExecutionData[][];
}

/** Calls one of a node's `methods.listSearch` (a resource locator's From List) with n8n-core's LoadOptionsContext. */
export async function runListSearch(
	setup: NodeSetup,
	vault: CredentialVault,
	method: string,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const { workflow, node } = workflowWith(setup);
	const search = setup.nodeType.methods?.listSearch?.[method];
	if (!search) throw new Error(`${node.type} has no listSearch ${method}`);
	const context = new LoadOptionsContext(
		workflow,
		node,
		additionalData(vault, { currentNodeParameters: setup.parameters } as Partial<IWorkflowExecuteAdditionalData>),
		'parameters',
	);
	return await search.call(context, filter, paginationToken);
}
