/** A TechWolf node wired to a fresh sandbox through the OAuth2 (custom region) or access-token credential. */
import type { IDataObject, INodeExecutionData, INodeListSearchResult } from 'n8n-workflow';

import { TechWolf } from '../../nodes/TechWolf/TechWolf.node';
import { oauth2CredentialData, startSandbox, type Sandbox, type SandboxOptions } from '../../sandbox/server';
import { runExecute, runListSearch, type CredentialVault } from '../harness/n8nCoreContexts';
import { vaultWithKeys } from '../trigger/fixtures';

export interface ActionHarness {
	sandbox: Sandbox;
	vault: CredentialVault;
	run(
		parameters: IDataObject,
		items?: INodeExecutionData[],
		options?: { continueOnFail?: boolean; typeVersion?: number },
	): Promise<INodeExecutionData[]>;
	/** JSON of the output items of one run. */
	json(parameters: IDataObject, items?: INodeExecutionData[]): Promise<IDataObject[]>;
	/** A resource locator's From List, as the editor asks for it. */
	listSearch(method: string, filter?: string, paginationToken?: string): Promise<INodeListSearchResult>;
}

/** `sandboxOptions`: e.g. more employees, for exports of several pages. */
export async function actionHarness(sandboxOptions: SandboxOptions = {}): Promise<ActionHarness> {
	const sandbox = await startSandbox(sandboxOptions);
	const vault = vaultWithKeys('');
	vault.set('techWolfOAuth2Api', { ...oauth2CredentialData(sandbox), accessToken: '' });
	const run: ActionHarness['run'] = async (parameters, items = [{ json: {} }], options = {}) => {
		const [output] = await runExecute(
			{
				nodeType: new TechWolf(),
				parameters,
				credentials: { techWolfOAuth2Api: 'oauth-1', techWolfApi: 'token-1' },
				...(options.continueOnFail ? { onError: 'continueRegularOutput' as const } : {}),
				...(options.typeVersion ? { typeVersion: options.typeVersion } : {}),
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
	};
}
