/** Skill clusters: one cluster, and its skill profile (`techwolf.openapi.yaml` holds the same facts). */
import { COMMON_ERRORS, EXTERNAL_ID, REF, TIMESTAMP, VOCAB_LANGUAGE } from './common';
import { array, object, oneOf, optional, required, string, type Endpoint } from './schema';

export const skillClusterEndpoints: readonly Endpoint[] = [
	{
		id: 'skillCluster.get',
		method: 'GET',
		path: '/skill_clusters/{external_id}',
		summary: 'One skill cluster: name, description, type, last update',
		pages: [`${REF}/Skill%20Clusters/SkillClusterCRUD/get-skill-clusters-external-id`],
		scope: 'read',
		pathParameters: { external_id: EXTERNAL_ID },
		query: {
			include: {
				schema: string({
					minLength: 1,
					note: 'UNKNOWN: the options are not rendered; the example is custom_properties',
				}),
				required: false,
				repeatable: true,
			},
		},
		responses: {
			200: {
				description: 'The cluster',
				schema: object({
					external_id: required(EXTERNAL_ID),
					skill_cluster_name: required(string({ minLength: 1, maxLength: 255 })),
					last_updated: required(TIMESTAMP),
					skill_cluster_description: optional(string({ minLength: 1 })),
					skill_cluster_type: optional(string({ note: 'taxonomy in the example; other values UNKNOWN' })),
					custom_properties: optional(
						array(object({ property_name: required(string()), property_value: required(string()) })),
					),
				}),
			},
			...COMMON_ERRORS,
			404: { description: 'No such cluster (the body is not shown: UNKNOWN)' },
		},
		pagination: { style: 'none' },
	},
	{
		id: 'skillCluster.getSkillProfile',
		method: 'GET',
		path: '/skill_clusters/{external_id}/skill_profile',
		summary: 'The skills of a skill cluster, and its domain',
		pages: [`${REF}/Skill%20Clusters/SkillClusterProfile/get-skill-clusters-external-id-skill-profile`],
		scope: 'read',
		pathParameters: { external_id: EXTERNAL_ID },
		query: {
			response_format: { schema: oneOf(['list']), required: false, default: 'list' },
			vocab_language: VOCAB_LANGUAGE,
		},
		responses: {
			200: {
				description: 'The profile',
				schema: object({
					external_id: required(EXTERNAL_ID),
					skills: required(array(object({ skill: required(string()) }, { open: 'only skill is shown' }))),
					domain: optional(string()),
				}),
			},
			...COMMON_ERRORS,
			404: { description: 'No such cluster (the body is not shown: UNKNOWN)' },
		},
		pagination: { style: 'none' },
		unknowns: [
			'The stored copy has no address (inferred from the employee page) and is cut after vocab_language, which mentions external_vendor=workday',
		],
	},
];
