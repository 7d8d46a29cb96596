/**
 * The node's resources, typed once: the router looks operations up here, and the node description (the Resource
 * list, each resource's Operation list and fields) is derived from it. A new operation is one
 * `<resource>/<operation>.operation.ts` plus its line in that resource's index.ts.
 */
import type { INodeProperties } from 'n8n-workflow';

import { company } from './company';
import { course } from './course';
import { employee } from './employee';
import { event } from './event';
import { exportResource } from './export';
import { job } from './job';
import { jobChange } from './jobChange';
import { jobFamily } from './jobFamily';
import { resourceProperties, type Resource } from './shared/operation';
import { organisationalUnit } from './organisationalUnit';
import { skill } from './skill';
import { skillCluster } from './skillCluster';
import { taxonomy } from './taxonomy';
import { vacancy } from './vacancy';

export const resources: Readonly<Record<string, Resource>> = {
	event,
	employee,
	job,
	jobFamily,
	course,
	skill,
	taxonomy,
	export: exportResource,
	organisationalUnit,
	skillCluster,
	jobChange,
	vacancy,
	company,
};

const resourceSelector: INodeProperties = {
	displayName: 'Resource',
	name: 'resource',
	type: 'options',
	noDataExpression: true,
	options: Object.entries(resources)
		.map(([value, { label, description }]) => ({ name: label, value, ...(description ? { description } : {}) }))
		.sort((a, b) => a.name.localeCompare(b.name)),
	default: 'event',
};

/** Every resource and operation value pair, keyed `resource:operation`, with its canvas subtitle "Get Many: Employee". */
export const subtitles: Readonly<Record<string, string>> = Object.fromEntries(
	Object.entries(resources).flatMap(([resource, { label, operations }]) =>
		Object.entries(operations).map(([operation, op]) => [`${resource}:${operation}`, `${op.label}: ${label}`]),
	),
);

/** The node's subtitle: the labels of the selected operation and resource, in title case as n8n's UX guidelines ask. */
export const subtitle = `={{ (${JSON.stringify(subtitles)})[$parameter["resource"] + ":" + $parameter["operation"]] }}`;

/** The Resource list, then every resource's Operation list and fields. */
export const resourcesProperties: INodeProperties[] = [
	resourceSelector,
	...Object.entries(resources).flatMap(([name, resource]) => resourceProperties(name, resource)),
];
