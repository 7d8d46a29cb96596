/**
 * The SkillEngine API as TechWolf's pages describe it, for every endpoint the package calls: one file per resource
 * (as the action node's `actions/<resource>/`), each entry with its pages, and UNKNOWN wherever the pages are silent.
 * The sandbox validates every request and every answer it gives against these entries (`sandbox/api/`).
 *
 * Host: `https://{tenant_name}.{region}.techwolf.ai` (every reference curl example). The `{region}` label is UNKNOWN:
 * the audiences eu3/us3 hint at eu3/us3, unconfirmed; so the credential lets the user type it.
 */
import { tokenEndpoint } from './auth';
import { courseEndpoints } from './course';
import { employeeEndpoints } from './employee';
import { exportEndpoints } from './export';
import { jobEndpoints } from './job';
import { jobFamilyEndpoints } from './jobFamily';
import type { Endpoint } from './schema';
import { skillEndpoints } from './skill';
import { taxonomyEndpoints } from './taxonomy';

export { ERROR_BODY, INVALID_REQUEST_NOTE, INVALID_REQUEST_STATUS, PAGES } from './common';
export { checkRequest, check, type ContractRequest, type Endpoint, type Schema } from './schema';
export { tokenEndpoint };

/** The API endpoints, on the tenant's host. */
export const API_CONTRACT: readonly Endpoint[] = [
	...employeeEndpoints,
	...jobEndpoints,
	...jobFamilyEndpoints,
	...courseEndpoints,
	...skillEndpoints,
	...taxonomyEndpoints,
	...exportEndpoints,
];

export function endpointById(id: string): Endpoint {
	const endpoint = [...API_CONTRACT, tokenEndpoint].find((candidate) => candidate.id === id);
	if (!endpoint) throw new Error(`No contract entry ${id}`);
	return endpoint;
}
