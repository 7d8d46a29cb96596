/**
 * The sandbox's SkillEngine API: one route per contract entry (`contract/`), one handler per route (one file per
 * resource, as the action node's `actions/<resource>/`). Every request is checked against its entry before the handler
 * runs, and every answer after: a request the contract refuses gets TechWolf's 400, an answer that breaks it is a
 * sandbox bug and fails loudly (500).
 */
import { API_CONTRACT, INVALID_REQUEST_STATUS, checkRequest, check, type Endpoint } from '../contract';
import type { SandboxData } from '../data';
import { courseHandlers } from './course';
import { employeeHandlers } from './employee';
import { skillEventHandlers } from './skillEvents';
import { exportHandlers } from './export';
import { exportProfileHandlers } from './exportProfiles';
import { jobHandlers } from './job';
import { jobChangeHandlers } from './jobChange';
import { jobFamilyHandlers } from './jobFamily';
import { organisationalUnitHandlers } from './organisationalUnit';
import { ApiError, badRequest, type ApiResult, type Handler } from './shared';
import { skillHandlers } from './skill';
import { skillClusterHandlers } from './skillCluster';
import { taxonomyHandlers } from './taxonomy';
import { taxonomySkillHandlers } from './taxonomySkill';
import { vacancyHandlers } from './vacancy';

export { ApiError } from './shared';

const HANDLERS: Record<string, Handler> = {
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
	...vacancyHandlers,
};

/**
 * Entries whose refusals are reported (`SandboxStats.contractViolations`) instead of answered, while the node's fix
 * for them is on its way; empty once the node sends what the contract says.
 */
export const REPORT_ONLY: ReadonlySet<string> = new Set<string>([]);

export interface Route {
	endpoint: Endpoint;
	/** The path split at `/`, `{name}` segments kept as they are. */
	segments: readonly string[];
	handle: Handler;
}

export const API_ROUTES: readonly Route[] = API_CONTRACT.map((endpoint) => {
	const handle = HANDLERS[endpoint.id];
	if (!handle) throw new Error(`The sandbox has no handler for contract entry ${endpoint.id}`);
	return { endpoint, segments: endpoint.path.split('/').slice(1), handle };
});
for (const id of Object.keys(HANDLERS)) {
	if (!API_CONTRACT.some((endpoint) => endpoint.id === id)) throw new Error(`Handler ${id} has no contract entry`);
}

const isParameter = (segment: string) => segment.startsWith('{') && segment.endsWith('}');

export type RouteMatch =
	| { kind: 'found'; route: Route; params: Record<string, string> }
	| { kind: 'methodNotAllowed'; allowed: string[] }
	| { kind: 'notFound' };

/** Finds the route for a path; a path segment that is not valid percent-encoding is a 400 (ApiError). */
export function matchRoute(method: string, pathname: string): RouteMatch {
	const segments = pathname.split('/').slice(1);
	const candidates = API_ROUTES.filter(
		(route) =>
			route.segments.length === segments.length &&
			route.segments.every((part, index) => isParameter(part) || part === segments[index]),
	);
	if (candidates.length === 0) return { kind: 'notFound' };
	const route = candidates.find((candidate) => candidate.endpoint.method === method);
	if (!route) {
		return {
			kind: 'methodNotAllowed',
			allowed: [...new Set(candidates.map((candidate) => candidate.endpoint.method))],
		};
	}
	const params: Record<string, string> = {};
	route.segments.forEach((part, index) => {
		if (!isParameter(part)) return;
		const name = part.slice(1, -1);
		try {
			params[name] = decodeURIComponent(segments[index] ?? '');
		} catch {
			throw badRequest(`Path parameter ${name} is not valid percent-encoding`);
		}
	});
	return { kind: 'found', route, params };
}

export interface ContractViolation {
	endpoint: string;
	problems: string[];
}

/** Every way an answer breaks the entry: a status it does not list, or a body off its schema. */
export function checkAnswer(endpoint: Endpoint, status: number, body: unknown): string[] {
	const spec = endpoint.responses[status];
	if (!spec)
		return [
			`status ${status} is not among the statuses of ${endpoint.id} (${Object.keys(endpoint.responses).join(', ')})`,
		];
	if (status === 204) return body === undefined ? [] : ['a 204 answer has no body'];
	return spec.schema ? check(spec.schema, body, 'answer') : [];
}

/** Checks the request against the contract, runs the handler, and checks its answer against the contract. */
export function handleRoute(
	match: Extract<RouteMatch, { kind: 'found' }>,
	query: URLSearchParams,
	body: unknown,
	data: SandboxData,
	onViolation: (violation: ContractViolation) => void,
): ApiResult {
	const { endpoint, handle } = match.route;
	const problems = checkRequest(endpoint, { pathParameters: match.params, query, body });
	if (problems.length > 0) {
		onViolation({ endpoint: endpoint.id, problems });
		if (!REPORT_ONLY.has(endpoint.id)) throw new ApiError(INVALID_REQUEST_STATUS, problems.join('; '));
	}
	const result = handle({ params: match.params, query, body }, data);
	const broken = checkAnswer(endpoint, result.status, result.status === 204 ? undefined : result.body);
	if (broken.length > 0)
		throw new Error(`The sandbox's answer breaks the contract of ${endpoint.id}: ${broken.join('; ')}`);
	return result;
}
