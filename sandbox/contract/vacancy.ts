/** Vacancies: get one (`techwolf.openapi.yaml` holds the same facts). */
import { COMMON_ERRORS, EXTERNAL_ID, REF, TIMESTAMP } from './common';
import { array, boolean, integer, number, object, oneOf, optional, required, string, type Endpoint } from './schema';

export const vacancyEndpoints: readonly Endpoint[] = [
	{
		id: 'vacancy.get',
		method: 'GET',
		path: '/vacancies/{external_id}',
		summary: 'One vacancy: title, description, languages, company, location',
		pages: [`${REF}/Vacancies/VacancyCRUD/get-vacancies-external-id`],
		scope: 'read',
		pathParameters: { external_id: EXTERNAL_ID },
		query: { include: { schema: oneOf(['custom_properties']), required: false, repeatable: true } },
		responses: {
			200: {
				description: 'The vacancy',
				schema: object({
					external_id: required(EXTERNAL_ID),
					job_title: optional(string({ minLength: 1, maxLength: 255 })),
					job_description: optional(string({ minLength: 1 })),
					last_updated: optional(TIMESTAMP),
					active: optional(boolean()),
					languages: optional(
						array(
							object({
								language: required(string({ pattern: /^[a-z]{2}$/, note: 'ISO 639-1' })),
								level: optional(integer({ minimum: 1, maximum: 5, note: 'default 2' })),
							}),
						),
					),
					company: optional(string({ minLength: 1 })),
					location: optional(object({ lat: required(number()), lng: required(number()) })),
					custom_properties: optional(
						array(object({ property_name: required(string()), property_value: required(string()) })),
					),
				}),
			},
			...COMMON_ERRORS,
			404: { description: 'No such vacancy (the body is not shown: UNKNOWN)' },
		},
		pagination: { style: 'none' },
		unknowns: ['Which answer fields besides external_id are always present'],
	},
];
