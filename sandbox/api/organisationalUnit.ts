/** Organisational unit routes (operations of `contract/techwolf.openapi.yaml`): list and get. */
import type { SandboxData } from '../data';
import type { OrganisationalUnitRecord } from '../fixtures/organisationalUnits';
import { DEFAULT_PAGE_SIZE, notFound, ok, type Handler } from './shared';

/** The unit and every unit below it. */
function unitAndDescendants(data: SandboxData, externalId: string): Set<string> {
	const found = new Set([externalId]);
	for (let grew = true; grew;) {
		grew = false;
		for (const unit of data.organisationalUnits.values()) {
			if (unit.parent_id !== null && found.has(unit.parent_id) && !found.has(unit.external_id)) {
				found.add(unit.external_id);
				grew = true;
			}
		}
	}
	return found;
}

/** "The total number of Employees in this Organisational Unit and all its subordinate units." */
function withEmployeeCount(data: SandboxData, unit: OrganisationalUnitRecord) {
	const units = unitAndDescendants(data, unit.external_id);
	let total = 0;
	for (const employee of data.employees.values()) {
		if (employee.organisational_unit !== null && units.has(employee.organisational_unit)) total++;
	}
	return { ...unit, total_nr_of_employees: total };
}

const listOrganisationalUnits: Handler = ({ query }, data) => {
	const limit = Number(query.get('limit') ?? DEFAULT_PAGE_SIZE);
	const offset = Number(query.get('offset') ?? 0);
	const parent = query.get('parent_id');
	const matching = [...data.organisationalUnits.values()]
		.filter((unit) => parent === null || unit.parent_id === (parent === 'null' ? null : parent))
		.sort((a, b) => (a.external_id < b.external_id ? -1 : 1));
	return ok({
		count: matching.length,
		results: matching.slice(offset, offset + limit).map((unit) => withEmployeeCount(data, unit)),
	});
};

const getOrganisationalUnit: Handler = ({ params }, data) => {
	const externalId = params.external_id ?? '';
	const unit = data.organisationalUnits.get(externalId);
	if (!unit) throw notFound(`Organisational Unit with external_id "${externalId}" was not found`);
	return ok(withEmployeeCount(data, unit));
};

export const organisationalUnitHandlers: Record<string, Handler> = {
	listOrganisationalUnits: listOrganisationalUnits,
	getOrganisationalUnit: getOrganisationalUnit,
};
