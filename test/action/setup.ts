/** A TechWolf node wired to a fresh sandbox through the OAuth2 (custom region) or access-token credential. */
import type { IDataObject, INodeExecutionData, INodeListSearchResult } from 'n8n-workflow';

import { TechWolf } from '../../nodes/TechWolf/TechWolf.node';
import {
	oauth2CredentialData,
	startSandbox,
	type RecordedRequest,
	type Sandbox,
	type SandboxOptions,
} from '../../sandbox/server';
import { runExecute, runListSearch, type CredentialVault } from '../harness/n8nCoreContexts';
import { vaultWithKeys } from '../trigger/fixtures';
import { API_CREDENTIAL } from '../../nodes/TechWolf/connection';

export interface ActionHarness {
	sandbox: Sandbox;
	vault: CredentialVault;
	run(
		parameters: IDataObject,
		items?: INodeExecutionData[],
		options?: { continueOnFail?: boolean },
	): Promise<INodeExecutionData[]>;
	/** JSON of the output items of one run. */
	json(parameters: IDataObject, items?: INodeExecutionData[]): Promise<IDataObject[]>;
	/** A resource locator's From List, as the editor asks for it. */
	listSearch(method: string, filter?: string, paginationToken?: string): Promise<INodeListSearchResult>;
	/** The last request the sandbox saw on a route such as `POST /employees`. */
	lastRequest(route: string): RecordedRequest | undefined;
}

/** `sandboxOptions`: e.g. more employees, for exports of several pages. */
export async function actionHarness(sandboxOptions: SandboxOptions = {}): Promise<ActionHarness> {
	const sandbox = await startSandbox(sandboxOptions);
	const vault = vaultWithKeys('');
	vault.set(API_CREDENTIAL.oAuth2, { ...oauth2CredentialData(sandbox), accessToken: '' });
	const run: ActionHarness['run'] = async (parameters, items = [{ json: {} }], options = {}) => {
		const [output] = await runExecute(
			{
				nodeType: new TechWolf(),
				parameters,
				credentials: { techWolfOAuth2Api: 'oauth-1', techWolfApi: 'token-1' },
				...(options.continueOnFail ? { onError: 'continueRegularOutput' as const } : {}),
			},
			vault,
			items,
		);
		return output;
	};
	return {
		sandbox,
		vault,
		run,
		json: async (parameters, items) => (await run(parameters, items)).map((item) => item.json),
		listSearch: async (method, filter, paginationToken) =>
			await runListSearch(
				{
					nodeType: new TechWolf(),
					parameters: { authentication: 'oAuth2' },
					credentials: { techWolfOAuth2Api: 'oauth-1' },
				},
				vault,
				method,
				filter,
				paginationToken,
			),
		lastRequest: (route) =>
			sandbox
				.stats()
				.recentRequests.filter((request) => `${request.method} ${request.path}` === route)
				.pop(),
	};
}

/**
 * A harness for the test file: started before its tests, reset before each, stopped after all; after each test,
 * nothing the node sent may have broken the contract (the strict sandbox refuses it, or reports it).
 */
export function useActionHarness(): ActionHarness {
	let started: ActionHarness | undefined;
	const current = (): ActionHarness => {
		if (!started) throw new Error('The harness starts in beforeAll');
		return started;
	};
	beforeAll(async () => {
		started = await actionHarness();
	});
	afterAll(() => started?.sandbox.stop());
	beforeEach(() => started?.sandbox.reset());
	afterEach(() => expect(current().sandbox.stats().contractViolations).toEqual([]));
	return {
		get sandbox() {
			return current().sandbox;
		},
		get vault() {
			return current().vault;
		},
		run: (parameters, items, options) => current().run(parameters, items, options),
		json: (parameters, items) => current().json(parameters, items),
		listSearch: (method, filter, paginationToken) => current().listSearch(method, filter, paginationToken),
		lastRequest: (route) => current().lastRequest(route),
	};
}
