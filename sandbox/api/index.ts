/**
 * The sandbox's SkillEngine API: one handler per operation of the OpenAPI contract (`contract/`), one file per
 * resource, keyed by the document's operationId. Every request is checked against its operation before the handler
 * runs, and every answer after: a request the contract refuses gets TechWolf's 400, an answer that breaks it is a
 * sandbox bug and fails loudly (500). Operations of the document the sandbox does not play answer 501.
 */
import {
	CONTRACT_OPERATIONS,
	checkAnswer,
	checkRequest,
	matchOperation,
	type ContractOperation,
	type OperationMatch,
} from '../contract';
import type { SandboxData } from '../data';
import { courseHandlers } from './course';
import { employeeHandlers } from './employee';
import { skillEventHandlers } from './skillEvents';
import { exportHandlers } from './export';
import { exportProfileHandlers } from './exportProfiles';
import { jobHandlers } from './job';
import { jobChangeHandlers } from './jobChange';
import { jobFamilyHandlers } from './jobFamily';
import { matchListHandlers } from './matchLists';
import { matchingHandlers } from './matching';
import { organisationalUnitHandlers } from './organisationalUnit';
import { ApiError, badRequest, type ApiResult, type Handler } from './shared';
import { skillHandlers } from './skill';
import { skillClusterHandlers } from './skillCluster';
import { taxonomyHandlers } from './taxonomy';
import { taxonomySkillHandlers } from './taxonomySkill';
import { vacancyHandlers } from './vacancy';
import { versionHandlers } from './version';

export { ApiError } from './shared';

/** The status TechWolf gives a request it cannot read: the pages show 400 "The request body was not structured correctly." */
export const INVALID_REQUEST_STATUS = 400;

export const HANDLERS: Readonly<Record<string, Handler>> = {
	...employeeHandlers,
	...skillEventHandlers,
	...jobHandlers,
	...jobFamilyHandlers,
	...courseHandlers,
	...skillHandlers,
	...taxonomyHandlers,
	...exportHandlers,
	...organisationalUnitHandlers,
	...skillClusterHandlers,
	...taxonomySkillHandlers,
	...exportProfileHandlers,
	...jobChangeHandlers,
	...matchingHandlers,
	...matchListHandlers,
	...vacancyHandlers,
	...versionHandlers,
};

for (const operationId of Object.keys(HANDLERS)) {
	if (!CONTRACT_OPERATIONS.some((operation) => operation.operationId === operationId)) {
		throw new Error(`Handler ${operationId} has no operation in the contract`);
	}
}

/**
 * The token scope an operation needs. TechWolf names the scopes (read, write, read_reports), not which endpoint
 * needs which: reads (GET, and the POSTs that only read: exports, suggestions and match lists) need read, the rest
 * write.
 */
export function scopeOf(operation: ContractOperation): 'read' | 'write' {
	const readsOnly = /^(export|suggest|match)/.test(operation.operationId);
	return operation.method === 'GET' || readsOnly ? 'read' : 'write';
}

/** Finds the operation for a path; a path segment that is not valid percent-encoding is a 400 (ApiError). */
export function matchRoute(method: string, pathname: string): OperationMatch {
	try {
		return matchOperation(method, pathname);
	} catch (error) {
		if (error instanceof URIError) throw badRequest('A path parameter is not valid percent-encoding');
		throw error;
	}
}

export interface ContractViolation {
	endpoint: string;
	problems: string[];
}

/** Checks the request against the contract, runs the handler, and checks its answer against the contract. */
export function handleRoute(
	match: Extract<OperationMatch, { kind: 'found' }>,
	query: URLSearchParams,
	body: unknown,
	data: SandboxData,
	onViolation: (violation: ContractViolation) => void,
): ApiResult {
	const { operation, params } = match;
	const handle = HANDLERS[operation.operationId];
	if (!handle) {
		throw new ApiError(
			501,
			`The sandbox does not play ${operation.operationId} (${operation.method} ${operation.path})`,
		);
	}
	const problems = checkRequest(operation, { pathParameters: params, query, body });
	if (problems.length > 0) {
		onViolation({ endpoint: operation.operationId, problems });
		throw new ApiError(INVALID_REQUEST_STATUS, problems.join('; '));
	}
	const result = handle({ params, query, body }, data);
	const broken = checkAnswer(operation, result.status, result.status === 204 ? undefined : result.body);
	if (broken.length > 0) {
		throw new Error(`The sandbox's answer breaks the contract of ${operation.operationId}: ${broken.join('; ')}`);
	}
	return result;
}
