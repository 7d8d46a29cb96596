/**
 * Resource locators for the ids users pick most, employees, jobs and organisational units: From List (methods/listSearch.ts pages through
 * TechWolf's lists) or By ID: an id or an expression (a trigger's `{{ $json.externalId }}`), checked with TechWolf's
 * id rule in the editor and again at run time (helpers/ids.ts readLocatedId). A plain string saved by an older
 * workflow is read as the id.
 */
import type { INodeProperties } from 'n8n-workflow';

import { TECHWOLF_ID } from '../helpers/ids';

export type LocatedEntity = 'employee' | 'job' | 'organisationalUnit';

const ENTITY: Record<LocatedEntity, { label: string; searchMethod: string; pick: string; placeholder: string }> = {
	employee: {
		label: 'Employee',
		searchMethod: 'searchEmployees',
		pick: 'Select an employee...',
		placeholder: 'e.g. E12345',
	},
	job: {
		label: 'Job',
		searchMethod: 'searchJobs',
		pick: 'Select a job...',
		placeholder: 'e.g. job-frontend-developer',
	},
	organisationalUnit: {
		label: 'Organisational Unit',
		searchMethod: 'searchOrganisationalUnits',
		pick: 'Select an organisational unit...',
		placeholder: 'e.g. ou-engineering',
	},
};

/** A resource locator field for an existing employee, job or organisational unit: From List, or By ID. */
export function locatorField(entity: LocatedEntity, name: string, description: string): INodeProperties {
	const { label, searchMethod, pick, placeholder } = ENTITY[entity];
	return {
		displayName: `${label} ID`,
		name,
		type: 'resourceLocator',
		default: { mode: 'list', value: '' },
		required: true,
		description,
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				placeholder: pick,
				typeOptions: { searchListMethod: searchMethod, searchable: true },
			},
			{
				displayName: 'By ID',
				name: 'id',
				type: 'string',
				placeholder,
				hint: 'TechWolf IDs are 1 to 100 letters, digits, "_" or "-"',
				validation: [
					{
						type: 'regex',
						properties: {
							regex: TECHWOLF_ID.source,
							errorMessage: 'Not a TechWolf ID: use 1 to 100 letters, digits, "_" or "-"',
						},
					},
				],
			},
		],
	};
}
