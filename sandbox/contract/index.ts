/**
 * The SkillEngine API as TechWolf's pages describe it, for every endpoint the package calls: one file per resource
 * (as the action node's `actions/<resource>/`), each entry with its pages, and UNKNOWN wherever the pages are silent.
 * The sandbox validates every request and every answer it gives against these entries (`sandbox/api/`).
 *
 * `HOST` and `API_UNKNOWNS` hold what applies to every endpoint, unknowns included.
 */
import { tokenEndpoint } from './auth';
import { courseEndpoints } from './course';
import { employeeEndpoints } from './employee';
import { exportEndpoints } from './export';
import { exportProfileEndpoints } from './exportProfiles';
import { jobEndpoints } from './job';
import { jobChangeEndpoints } from './jobChange';
import { jobFamilyEndpoints } from './jobFamily';
import { organisationalUnitEndpoints } from './organisationalUnit';
import type { Endpoint } from './schema';
import { skillEndpoints } from './skill';
import { skillClusterEndpoints } from './skillCluster';
import { taxonomyEndpoints } from './taxonomy';
import { taxonomySkillEndpoints } from './taxonomySkill';
import { vacancyEndpoints } from './vacancy';

import { INVALID_REQUEST_NOTE, PAGES } from './common';

export { ERROR_BODY, INVALID_REQUEST_NOTE, INVALID_REQUEST_STATUS, PAGES } from './common';
export { checkRequest, check, type ContractRequest, type Endpoint, type Schema } from './schema';
export { tokenEndpoint };

/** Where the API is: every reference curl example. */
export const HOST = {
	pattern: 'https://{tenant_name}.{region}.techwolf.ai',
	pages: [PAGES.employeeSkillProfile],
	unknowns: [
		"UNKNOWN: the {region} label (the audiences eu3.techwolf.ai / us3.techwolf.ai hint at eu3 / us3, unconfirmed); the credential lets the user type it, saying it is TechWolf's to confirm",
		"UNKNOWN: whether {tenant_name} is the token request's tenant (the Authentication page's example tenant company_xyz has an underscore, not usual in a host name); the credential takes the address's tenant separately",
	],
} as const;

/** What holds for every endpoint and the pages do not say; the sandbox's choice for each is named. */
export const API_UNKNOWNS: readonly string[] = [
	'UNKNOWN: rate limits, 429 and Retry-After of the SkillEngine API (the sandbox answers 429 only when a test injects it)',
	'UNKNOWN: the bodies of 401, 403 and 404 (the sandbox uses the error array of the 400 example)',
	`UNKNOWN: the status of a malformed request other than the 400 example; ${INVALID_REQUEST_NOTE}`,
];

/** The API endpoints, on the tenant's host. */
export const API_CONTRACT: readonly Endpoint[] = [
	...employeeEndpoints,
	...jobEndpoints,
	...jobFamilyEndpoints,
	...courseEndpoints,
	...skillEndpoints,
	...taxonomyEndpoints,
	...exportEndpoints,
	...organisationalUnitEndpoints,
	...skillClusterEndpoints,
	...taxonomySkillEndpoints,
	...exportProfileEndpoints,
	...jobChangeEndpoints,
	...vacancyEndpoints,
];

export function endpointById(id: string): Endpoint {
	const endpoint = [...API_CONTRACT, tokenEndpoint].find((candidate) => candidate.id === id);
	if (!endpoint) throw new Error(`No contract entry ${id}`);
	return endpoint;
}
