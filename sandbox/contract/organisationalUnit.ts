/** The organisational structure: list and get organisational units (`techwolf.openapi.yaml` holds the same facts). */
import { COMMON_ERRORS, EXTERNAL_ID, OFFSET_NOTE, OFFSET_QUERY, REF } from './common';
import { boolean, integer, nullable, object, required, string, array, type Endpoint } from './schema';

const UNITS = `${REF}/Organisational%20Structure/OrganisationalUnits`;

/** "Default structure for Organisational Unit data": every field required. */
export const ORGANISATIONAL_UNIT = object({
	external_id: required(EXTERNAL_ID),
	name: required(string({ minLength: 1, maxLength: 100 })),
	active: required(boolean()),
	parent_id: required(nullable(EXTERNAL_ID)),
	total_nr_of_employees: required(integer({ minimum: 0, note: 'employees of the unit and all its subunits' })),
});

export const organisationalUnitEndpoints: readonly Endpoint[] = [
	{
		id: 'organisationalUnit.getAll',
		method: 'GET',
		path: '/organisational_units',
		summary: "The organisational units, a page at a time; parent_id narrows to one parent's direct children",
		pages: [`${UNITS}/get-organisational-units`],
		scope: 'read',
		pathParameters: {},
		query: {
			...OFFSET_QUERY,
			parent_id: {
				schema: string({ minLength: 1, note: '"null" selects the root units' }),
				required: false,
			},
		},
		responses: {
			200: {
				description: 'A page of units and the count of all matching units',
				schema: object({
					count: required(integer({ minimum: 0 })),
					results: required(array(ORGANISATIONAL_UNIT)),
				}),
			},
			...COMMON_ERRORS,
		},
		pagination: { style: 'offset', note: OFFSET_NOTE },
	},
	{
		id: 'organisationalUnit.get',
		method: 'GET',
		path: '/organisational_units/{external_id}',
		summary: 'One organisational unit',
		pages: [`${UNITS}/get-organisational-units-external-id`],
		scope: 'read',
		pathParameters: { external_id: EXTERNAL_ID },
		query: {},
		responses: {
			200: { description: 'The unit', schema: ORGANISATIONAL_UNIT },
			...COMMON_ERRORS,
			404: { description: 'No such unit (the body is not shown: UNKNOWN)' },
		},
		pagination: { style: 'none' },
	},
];
