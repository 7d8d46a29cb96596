/**
 * Facts the reference repeats on many pages (ids, vendors, vocabulary languages, the two pagination styles, the error
 * body), written once here and used by the per-resource entries. Pages are paths under https://developers.techwolf.ai.
 */
import {
	array,
	boolean,
	integer,
	object,
	oneOf,
	optional,
	required,
	string,
	union,
	type ObjectSchema,
	type Property,
	type QueryParameter,
	type Schema,
	type StringSchema,
} from './schema';

export const REF = 'reference/latest';

export const PAGES = {
	authentication: `${REF}/API%20Documentation/Authentication/Authentication`,
	listEmployees: `${REF}/Employees/EmployeeCRUD/get-employees`,
	getEmployee: `${REF}/Employees/EmployeeCRUD/get-employees-external-id`,
	createEmployee: `${REF}/Employees/EmployeeCRUD/post-employees`,
	updateEmployee: `${REF}/Employees/EmployeeCRUD/patch-employees-external-id`,
	creatingEmployeesTutorial: 'tutorials/employee-timeline/creating-new-employees',
	employeeSkillProfile: `${REF}/Employees/EmployeeProfile/get-employees-external-id-skill-profile`,
	employeeFeedback: `${REF}/Employees/EmployeeProfile/patch-employees-external-id-skill-profile`,
	skillClusterFeedbackTutorial: 'tutorials/employee-timeline/skill-cluster-feedback',
	skillEvents: `${REF}/Employees/SkillEvents/post-employees-employee-external-id-skill-events`,
	skillEventsTutorial: 'tutorials/employee-timeline/skill-events',
	jobSkillProfile: `${REF}/Jobs/JobProfile/get-job-architecture-jobs-job-external-id-skill-profile`,
	jobSuggestedSkillProfile: `${REF}/Jobs/JobProfile/get-job-architecture-jobs-job-external-id-suggested-skill-profile`,
	jobFeedback: `${REF}/Jobs/JobProfile/patch-job-architecture-jobs-job-external-id-skill-profile`,
	jobExport: `${REF}/Export/JobArchitectureExport/post-job-architecture-export-jobs-skill-profiles`,
	jobSkillTypesTutorial: 'tutorials/job_architecture/skill_profile',
	jobFamilyProfile: `${REF}/Job%20Families/JobFamilyProfile/get-job-architecture-job-families-job-family-external-id-skill-profile`,
	exportSkills: `${REF}/Export/TaxonomyExport/post-export-skills`,
	createTaxonomySkill: `${REF}/Taxonomy/TaxonomySkills/post-taxonomy-skills`,
	taxonomyExport: `${REF}/Export/TaxonomyExport/post-taxonomy-export`,
	taxonomyChanges: `${REF}/Taxonomy/Taxonomy/get-taxonomy-changes`,
	employeeExport: `${REF}/Export/ExportEmployeesSkillClusters/post-export-employees-skill-profiles`,
	entityLifecycleTutorial: 'tutorials/skill-clusters/skill-cluster-framework',
	webhookEventTypes: 'integrations/webhooks/event_types',
	jobCreationTutorial: 'tutorials/job_architecture/job_and_job_family_creation',
	profileDataTutorial: 'tutorials/job_architecture/provide_profile_data',
	createJobFamily: `${REF}/Job%20Families/JobFamilyCRUD/post-job-architecture-job-families`,
	employeeSuggestions: `${REF}/Employees/EmployeeSuggestions/post-employees-suggestions-skills`,
	skillAssistantHowItWorks: 'integrations/skill-assistant/teams/how-it-works',
	deleteOrganisationalUnit: `${REF}/Organisational%20Structure/OrganisationalUnits/delete-organisational-units-external-id`,
} as const;

/** The status TechWolf gives a request it cannot read, with its error body (the pages show 400 for a malformed body). */
export const INVALID_REQUEST_STATUS = 400;
export const INVALID_REQUEST_NOTE =
	'The pages show 400 "The request body was not structured correctly." and no other status for a malformed request; ' +
	'the sandbox answers 400 for every request this contract refuses (unknown or missing parameter or field, wrong ' +
	'type or enum) and keeps 422 for what the docs give it: skill extraction that fails (' +
	PAGES.createTaxonomySkill +
	', ' +
	PAGES.skillEvents +
	').';

/** TechWolf's error body: a JSON array of `{title, description}` (e.g. `400 Bad Request`). */
export const ERROR_BODY: Schema = array(
	object({ title: required(string({ minLength: 1 })), description: required(string()) }),
	{ minItems: 1, note: `${PAGES.createTaxonomySkill}; ${PAGES.skillEvents}` },
);

/** External ids in paths: 1–100 of a-z, A-Z, 0-9, `_`, `-` (the employee skill profile page). */
export const EXTERNAL_ID: StringSchema = string({ pattern: /^[a-zA-Z0-9_-]+$/, minLength: 1, maxLength: 100 });

export const TIMESTAMP: StringSchema = string({ format: 'date-time' });

/**
 * `vocab_language`: en, en_uk (default), en_us, de, fr, nl on the older pages; IETF BCP 47 tags (fr-FR) and, with
 * external_vendor=workday, es, fr_ca, it, ja, ko, pt_br, zh_cn, zh_tw, sv, fi, da, no on the newer ones. The set grows
 * per vendor (`GET /taxonomy/skills/languages`), so the contract holds the tag's form, not a closed list.
 */
export const VOCAB_LANGUAGE: QueryParameter = {
	schema: string({ pattern: /^[a-z]{2}([_-][a-zA-Z]{2,4})?$/ }),
	required: false,
	default: 'en_uk',
	note: `${PAGES.employeeSkillProfile}; ${PAGES.jobFamilyProfile}`,
};

/** The vendors the reference names; newer pages also list `techwolf` as the explicit default. */
export const VENDORS = ['workday', 'sap_attribute_library', 'techwolf'] as const;

export const externalVendor = (values: readonly string[], note?: string): QueryParameter => ({
	schema: oneOf(values),
	required: false,
	...(note ? { note } : {}),
});

export const queryBoolean = (defaultValue: boolean, note?: string): QueryParameter => ({
	schema: boolean(),
	required: false,
	default: defaultValue,
	...(note ? { note } : {}),
});

export const include = (values: readonly string[], note?: string): QueryParameter => ({
	schema: oneOf(values),
	required: false,
	repeatable: true,
	...(note ? { note } : {}),
});

/** `limit` 1–200 (default 100) and `offset` (default 0): every offset-paginated list. */
export const OFFSET_QUERY: Record<string, QueryParameter> = {
	limit: { schema: integer({ minimum: 1, maximum: 200 }), required: false, default: 100 },
	offset: { schema: integer({ minimum: 0 }), required: false, default: 0 },
};

/** The `limit` and `starting_after` of every `POST .../export` body. */
export const KEYSET_BODY: Record<string, Property> = {
	limit: optional(integer({ minimum: 1, maximum: 200, note: 'default 100' })),
	starting_after: optional(string({ minLength: 1, nullable: true, note: "the previous page's next_starting_after" })),
};

/** The envelope of every keyset page: `{has_next, next_starting_after, records}`. */
export function keysetPage(record: Schema): ObjectSchema {
	return object({
		has_next: required(boolean()),
		next_starting_after: required(
			string({ nullable: true, note: 'null on the last page: the docs show only a string (choice of the sandbox)' }),
		),
		records: required(array(record)),
	});
}

export const KEYSET_NOTE =
	"Keyset: the body's limit (1–200, default 100) and starting_after (the previous page's next_starting_after); " +
	'the answer is {has_next, next_starting_after, records}.';
export const OFFSET_NOTE = 'Offset: limit (1–200, default 100) and offset; the answer is {count, results}.';

/** The common 4xx answers every entry lists. */
export const COMMON_ERRORS = {
	400: { description: 'The request is malformed (TechWolf: "The request body was not structured correctly.")' },
	401: {
		description:
			'No valid access token. The body of a 401 is not shown in the docs (UNKNOWN); the sandbox uses the error array',
	},
} as const;

/** Names across the job architecture: "Required string length: 1 - 255" (the Create Job Family page). */
export const NAME = string({ minLength: 1, maxLength: 255 });

/** The body of `POST …/profile_data` for one owner's data types (the "Providing Profile Data" tutorial). */
export function profileDataBody(dataTypes: readonly string[]): Schema {
	return union(
		'data_type',
		Object.fromEntries(
			dataTypes.map((dataType) => [
				dataType,
				object({
					external_id: required(EXTERNAL_ID),
					source: required(string({ minLength: 1 })),
					data_type: required(oneOf([dataType])),
					data: required(object({ [dataType]: required(string({ minLength: 1 })) })),
				}),
			]),
		),
		{
			note: 'Every example carries external_id, source, data_type and data {<data_type>: text}; which are required is not stated: all four are',
		},
	);
}
