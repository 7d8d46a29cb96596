/**
 * The sandbox's tenant data: a skills taxonomy (TechWolf vocabulary plus Workday and SAP vendor vocabularies), ~250
 * employees with skill profiles, jobs, courses and ~30 taxonomy changes. Everything is derived from fixed seeds, so
 * ids and records are identical in every process (a test, `npm start` and `send-event` agree on `FIXTURE_IDS`).
 *
 * Record shapes follow TechWolf's examples as the contract (`contract/techwolf.openapi.yaml`) records them. Where
 * TechWolf does not document a shape (course profiles, the content of `vocab_update_add_skill`), the shape here is a
 * plausible guess and is marked as such.
 */
import { createHash } from 'node:crypto';

import { JOB_CHANGES, type JobChangeRecord } from './fixtures/jobChanges';
import { ORGANISATIONAL_UNITS, type OrganisationalUnitRecord } from './fixtures/organisationalUnits';
import { VACANCIES, type VacancyRecord } from './fixtures/vacancies';

export type JsonValue = string | number | boolean | null | JsonValue[] | JsonObject;
export interface JsonObject {
	[key: string]: JsonValue;
}

export type ValidationState = 'validated' | 'suggested' | 'rejected';
export type VocabularyName = 'techwolf' | 'workday' | 'sap_attribute_library';

/** A Skill Event type (the contract's SkillEventCreate.event_type enum). */
export type SkillEventType = string;
/** A taxonomy change's operation type (the contract lists the documented ones; the list may be longer). */
export type TaxonomyOperationType = string;

/** One record of `POST /export/skills`, which is also what `GET /taxonomy/skills/{skill_id}` returns. */
export interface SkillRecord {
	skill_id: string;
	skill_name: string;
	skill_description: string;
	skill_source: 'vocabulary' | 'custom';
	inference_enabled: boolean;
	default_skill_name: string;
	default_skill_description: string;
	techwolf_domain: string;
	taxonomy_domain_id: string;
	taxonomy_domain_name: string;
	taxonomy_skill_cluster_id: string;
	taxonomy_skill_cluster_name: string;
	properties: JsonObject;
}

export interface TaxonomySkill {
	vocabulary: VocabularyName;
	/** Removed from the vocabulary: the API answers 404, taxonomy changes still mention it. */
	deleted: boolean;
	/** For vendor skills, the TechWolf skill they stand for (used by `feedback_format=external_vendor_skills`). */
	techwolfSkillId: string | null;
	/** Skill names by vocab_language where they differ from the default (English) name. */
	translations: Record<string, string>;
	record: SkillRecord;
}

export interface GeoLocation extends JsonObject {
	lat: number;
	lng: number;
}

/** The Create Employee page's working_history entry; the current job has no end_date. */
export interface WorkingHistoryEntry extends JsonObject {
	job_title: string;
	company: string;
	job_description: string;
	start_date: string;
}

/** The Create Employee page's education_history entry. */
export interface EducationHistoryEntry extends JsonObject {
	degree_name: string;
	school: string;
	start_date: string;
	end_date: string;
}

/** An ISO 639-1 code with a proficiency level, 1 (elementary) to 5 (native). */
export interface LanguageProficiency extends JsonObject {
	language: string;
	level: number;
}

export interface CustomProperty extends JsonObject {
	property_name: string;
	property_value: string;
}

/** `GET /employees/{external_id}`; the list endpoint returns a subset (see EMPLOYEE_LIST_FIELDS). */
export interface EmployeeRecord {
	external_id: string;
	assigned_position: string | null;
	assigned_position_id: string | null;
	active: boolean;
	low_data_availability: boolean;
	organisational_unit: string | null;
	working_history: JsonObject[];
	education_history: JsonObject[];
	languages: LanguageProficiency[];
	desired_functions: { title: string; importance: number }[];
	non_desired_functions: JsonValue[];
	last_updated: string;
	location: GeoLocation | null;
	/** Only returned with `include=custom_properties`. */
	custom_properties: CustomProperty[];
}

export const EMPLOYEE_LIST_FIELDS = [
	'external_id',
	'active',
	'location',
	'assigned_position',
	'low_data_availability',
	'organisational_unit',
	'last_updated',
] as const;

export interface SourceEvent {
	external_id: string;
	event_type: string;
	source: string;
}

export interface StoredEmployeeSkill {
	skill_id: string;
	validation_state: ValidationState;
	sources: string[];
	source_events: SourceEvent[];
	self_rated_proficiency_level: number | null;
	self_rated_proficiency_float: number | null;
	inferred_proficiency_level: number | null;
	inferred_proficiency_float: number | null;
}

export interface StoredEmployeeProfile {
	num_skill_events: number;
	/** A number on the export page; its scale is not shown (the sandbox: years of experience). */
	seniority: number;
	skills: StoredEmployeeSkill[];
	/** External ids of the Skill Events received, to answer 409 for a repeated one. */
	skillEventIds: Set<string>;
}

export type JobSkillType = 'Job-Specific' | 'Family-Specific' | 'Core';

export interface StoredJobSkill {
	skill_id: string;
	skill_types: { skill_type: JobSkillType; is_common: boolean }[];
	validation_state: 'validated' | 'initially_validated';
	proficiency_level: number | null;
	proficiency_float: number | null;
	critical: boolean | null;
}

export interface StoredJobSuggestion {
	skill_id: string;
	skill_type: JobSkillType;
	source_data: { external_id: string; source_data_type: 'job_profile_data' | 'job_family_profile_data' }[];
	critical: boolean;
}

export interface JobRecord {
	external_id: string;
	title: string;
	job_family_id: string | null;
	/** Creation order: the job skill profile export pages through jobs in the order they were created. */
	sequence: number;
	last_updated: string;
	low_data_availability: boolean;
	skills: StoredJobSkill[];
	suggestions: StoredJobSuggestion[];
	/** Profile data ids received, to answer 409 for a repeated one. */
	profileDataIds: Set<string>;
}

export interface JobFamilyRecord {
	external_id: string;
	job_family_name: string;
	job_family_group: string | null;
	active: boolean;
	/** Skills inferred from the family's profile data: suggested for the family and its jobs. */
	suggestedSkillIds: string[];
	profileDataIds: Set<string>;
}

/** A Skill Event as the list of an employee's Skill Events shows it. */
export interface StoredSkillEvent {
	external_id: string;
	event_type: string;
	timestamp: string;
	source: string;
	content?: JsonObject;
}

/** A soft-deleted employee, kept for the tenant's grace period so that `POST /employees?restore=true` brings it back. */
export interface DeletedEmployee {
	employee: EmployeeRecord;
	profile: StoredEmployeeProfile;
	skillEvents: StoredSkillEvent[];
	deletedAt: string;
}

export interface CourseRecord {
	external_id: string;
	title: string;
	skillIds: string[];
}

export interface TaxonomyChange {
	external_id: string;
	operation_type: TaxonomyOperationType;
	content: JsonObject;
	timestamp: string;
	/**
	 * Which vocabulary the change belongs to, or null for a vendor-independent change: `POST /taxonomy/export` returns
	 * the changes of the vocabulary `external_vendor` selects plus the vendor-independent ones.
	 */
	vocabulary: VocabularyName | null;
}

export interface SandboxData {
	employees: Map<string, EmployeeRecord>;
	employeeProfiles: Map<string, StoredEmployeeProfile>;
	jobs: Map<string, JobRecord>;
	jobFamilies: Map<string, JobFamilyRecord>;
	courses: Map<string, CourseRecord>;
	/** Per employee, its Skill Events, oldest first. */
	skillEvents: Map<string, StoredSkillEvent[]>;
	deletedEmployees: Map<string, DeletedEmployee>;
	/** Per vocabulary, skills by id (deleted skills included, flagged). */
	skills: Map<VocabularyName, Map<string, TaxonomySkill>>;
	/** Ordered by timestamp, then external_id. */
	taxonomyChanges: TaxonomyChange[];
	organisationalUnits: Map<string, OrganisationalUnitRecord>;
	vacancies: Map<string, VacancyRecord>;
	jobChanges: Map<string, JobChangeRecord>;
}

// ---------------------------------------------------------------------------------------------------------------------
// Deterministic helpers

/** A UUID-shaped id derived from a seed, so that fixture ids are the same in every process. */
export function stableUuid(seed: string): string {
	const hex = createHash('sha256').update(seed).digest('hex');
	const variant = (8 + (parseInt(hex[16] ?? '0', 16) & 3)).toString(16);
	return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** Workday identifies skills with 32 hex characters (its WIDs). */
function workdayId(seed: string): string {
	return createHash('sha256').update(`workday:${seed}`).digest('hex').slice(0, 32);
}

/** mulberry32: a tiny seeded PRNG; Math.random would make every run's data different. */
function seededRandom(seed: number): () => number {
	let state = seed >>> 0;
	return () => {
		state = (state + 0x6d2b79f5) >>> 0;
		let t = state;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

function pick<T>(random: () => number, items: readonly T[]): T {
	const item = items[Math.floor(random() * items.length)];
	if (item === undefined) throw new Error('pick() from an empty list');
	return item;
}

function pickSome<T>(random: () => number, items: readonly T[], count: number): T[] {
	const pool = [...items];
	const chosen: T[] = [];
	while (chosen.length < count && pool.length > 0) chosen.push(...pool.splice(Math.floor(random() * pool.length), 1));
	return chosen;
}

/** ISO 8601 in UTC without milliseconds, the form every timestamp in the sandbox uses. */
export function isoSeconds(date: Date): string {
	return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

const FIXTURE_EPOCH = Date.parse('2024-01-02T08:00:00Z');
const MINUTE = 60_000;

// ---------------------------------------------------------------------------------------------------------------------
// Taxonomy

interface SkillSeed {
	name: string;
	description: string;
	/** Only Python keeps the id from TechWolf's documentation example. */
	id?: string;
	translations?: Record<string, string>;
	deleted?: boolean;
	custom?: boolean;
}

interface DomainSeed {
	domain: string;
	techwolfDomain: string;
	clusters: { cluster: string; skills: SkillSeed[] }[];
}

const TECHWOLF_TAXONOMY: DomainSeed[] = [
	{
		domain: 'Software Engineering',
		techwolfDomain: 'Information and Communication Technology',
		clusters: [
			{
				cluster: 'Programming Languages',
				skills: [
					{
						name: 'Python',
						id: '4b85469d-6729-4d70-9876-a0faa2a2f63b',
						description: 'Writing, testing and maintaining programs in the Python language.',
					},
					{ name: 'JavaScript', description: 'Building web front ends and services in JavaScript.' },
					{ name: 'TypeScript', description: 'Writing statically typed JavaScript with TypeScript.' },
					{ name: 'Java', description: 'Developing applications on the Java platform.' },
					{ name: 'SQL', description: 'Querying and modelling relational databases with SQL.' },
				],
			},
			{
				cluster: 'Software Delivery',
				skills: [
					{ name: 'Git', description: 'Version control of source code with Git.' },
					{ name: 'Docker', description: 'Packaging and running applications in containers.' },
					{ name: 'Kubernetes', description: 'Orchestrating containerised workloads with Kubernetes.' },
					{ name: 'Continuous Integration', description: 'Automating builds and tests on every change.' },
					{ name: 'Unit Testing', description: 'Writing automated tests for small units of code.' },
					{ name: 'REST API Design', description: 'Designing resource-oriented HTTP interfaces.' },
					{ name: 'Adobe Flash', description: 'Authoring Flash animations and applications.', deleted: true },
					{ name: 'Visual Basic 6', description: 'Maintaining Visual Basic 6 applications.', deleted: true },
				],
			},
			{
				cluster: 'Cloud Platforms',
				skills: [
					{ name: 'Amazon Web Services', description: 'Building and running systems on AWS.' },
					{ name: 'Microsoft Azure', description: 'Building and running systems on Microsoft Azure.' },
					{ name: 'Token Ring Networking', description: 'Operating Token Ring local networks.', deleted: true },
				],
			},
		],
	},
	{
		domain: 'Data and Analytics',
		techwolfDomain: 'Information and Communication Technology',
		clusters: [
			{
				cluster: 'Data Science',
				skills: [
					{ name: 'Machine Learning', description: 'Training and evaluating predictive models.' },
					{ name: 'Statistics', description: 'Applying statistical methods to data.' },
					{ name: 'Data Analysis', description: 'Inspecting and interpreting data to support decisions.' },
				],
			},
			{
				cluster: 'Business Intelligence',
				skills: [
					{
						name: 'Data Visualisation',
						description: 'Presenting data in charts and dashboards.',
						translations: { en_us: 'Data Visualization', nl: 'Datavisualisatie', fr: 'Visualisation de données' },
					},
					{ name: 'Power BI', description: 'Building reports and dashboards in Microsoft Power BI.' },
					{ name: 'Microsoft Excel', description: 'Analysing data with spreadsheets in Excel.' },
				],
			},
		],
	},
	{
		domain: 'Finance',
		techwolfDomain: 'Finance and Accounting',
		clusters: [
			{
				cluster: 'Accounting',
				skills: [
					{ name: 'Balance Sheet', description: 'Preparing and reading balance sheets.' },
					{ name: 'Financial Reporting', description: 'Producing periodic financial statements.' },
					{ name: 'IFRS', description: 'Applying International Financial Reporting Standards.' },
					{ name: 'Accounts Payable', description: 'Processing supplier invoices and payments.' },
				],
			},
			{
				cluster: 'Financial Planning',
				skills: [
					{ name: 'Budgeting', description: 'Planning and controlling budgets.' },
					{ name: 'Forecasting', description: 'Projecting financial results.' },
					{ name: 'Tax Compliance', description: 'Meeting corporate tax obligations.' },
				],
			},
		],
	},
	{
		domain: 'Human Resources',
		techwolfDomain: 'Human Resources',
		clusters: [
			{
				cluster: 'Talent Acquisition',
				skills: [
					{ name: 'Recruiting', description: 'Sourcing and selecting candidates.' },
					{ name: 'Onboarding', description: 'Integrating new hires into the organisation.' },
					{ name: 'Interviewing', description: 'Running structured job interviews.' },
				],
			},
			{
				cluster: 'HR Operations',
				skills: [
					{ name: 'Payroll', description: 'Calculating and paying salaries.' },
					{ name: 'Employee Relations', description: 'Handling workplace relations and grievances.' },
					{ name: 'Talent Management', description: 'Developing and retaining employees.' },
				],
			},
		],
	},
	{
		domain: 'Sales and Marketing',
		techwolfDomain: 'Sales and Marketing',
		clusters: [
			{
				cluster: 'Sales',
				skills: [
					{ name: 'Negotiation', description: 'Reaching agreements with customers and suppliers.' },
					{ name: 'Account Management', description: 'Growing relationships with existing customers.' },
					{ name: 'Salesforce CRM', description: 'Managing pipelines and customers in Salesforce.' },
				],
			},
			{
				cluster: 'Marketing',
				skills: [
					{ name: 'Content Marketing', description: 'Attracting customers with useful content.' },
					{
						name: 'Search Engine Optimisation',
						description: 'Improving the ranking of web pages in search engines.',
						translations: { en_us: 'Search Engine Optimization' },
					},
				],
			},
		],
	},
	{
		domain: 'Operations',
		techwolfDomain: 'Manufacturing and Logistics',
		clusters: [
			{
				cluster: 'Supply Chain',
				skills: [
					{ name: 'Supply Chain Management', description: 'Planning the flow of goods from supplier to customer.' },
					{ name: 'Inventory Management', description: 'Keeping stock levels right.' },
					{ name: 'Forklift Operation', description: 'Operating forklift trucks safely.' },
				],
			},
			{
				cluster: 'Process Improvement',
				skills: [
					{ name: 'Lean Manufacturing', description: 'Removing waste from production processes.' },
					{ name: 'Quality Assurance', description: 'Making sure products meet quality standards.' },
					{ name: 'Project Management', description: 'Planning and delivering projects on time and budget.' },
				],
			},
		],
	},
	{
		domain: 'Transversal Skills',
		techwolfDomain: 'Transversal',
		clusters: [
			{
				cluster: 'Interpersonal',
				skills: [
					{
						name: 'Communication',
						description: 'Conveying information clearly, in speech and in writing.',
						translations: { nl: 'Communicatie', fr: 'Communication', de: 'Kommunikation' },
					},
					{
						name: 'Teamwork',
						description: 'Working well with others towards a shared goal.',
						translations: { nl: 'Samenwerken', fr: "Travail d'équipe", de: 'Teamarbeit' },
					},
					{
						name: 'Leadership',
						description: 'Guiding and motivating people.',
						translations: { nl: 'Leiderschap', fr: 'Leadership', de: 'Führung' },
					},
				],
			},
			{
				cluster: 'Self-Management',
				skills: [
					{
						name: 'Problem Solving',
						description: 'Finding and carrying out solutions to difficult issues.',
						translations: { nl: 'Probleemoplossend denken', fr: 'Résolution de problèmes', de: 'Problemlösung' },
					},
					{
						name: 'Time Management',
						description: 'Planning and prioritising one’s own work.',
						translations: { nl: 'Timemanagement', fr: 'Gestion du temps', de: 'Zeitmanagement' },
					},
				],
			},
		],
	},
	{
		domain: 'Company-Specific',
		techwolfDomain: 'Custom',
		clusters: [
			{
				cluster: 'Acme Custom Skills',
				skills: [
					{
						name: 'Acme Product Knowledge',
						description: "Knowing Acme's product range and its configuration options.",
						custom: true,
					},
					{ name: 'Acme Sales Methodology', description: "Selling with Acme's five-step method.", custom: true },
				],
			},
		],
	},
];

/** Workday's own vocabulary: its ids, its names, each standing for a TechWolf skill. */
const WORKDAY_SKILLS: { name: string; techwolfSkill: string | null; deleted?: boolean }[] = [
	{ name: 'Python (Programming Language)', techwolfSkill: 'Python' },
	{ name: 'Structured Query Language (SQL)', techwolfSkill: 'SQL' },
	{ name: 'Financial Reporting', techwolfSkill: 'Financial Reporting' },
	{ name: 'Negotiation Skills', techwolfSkill: 'Negotiation' },
	{ name: 'Project Management', techwolfSkill: 'Project Management' },
	{ name: 'Lotus Notes', techwolfSkill: null, deleted: true },
];

const SAP_SKILLS: { name: string; techwolfSkill: string }[] = [
	{ name: 'Python Programming', techwolfSkill: 'Python' },
	{ name: 'Team Collaboration', techwolfSkill: 'Teamwork' },
];

function buildTaxonomy(): Map<VocabularyName, Map<string, TaxonomySkill>> {
	const techwolf = new Map<string, TaxonomySkill>();
	for (const domain of TECHWOLF_TAXONOMY) {
		const domainId = stableUuid(`domain:${domain.domain}`);
		for (const cluster of domain.clusters) {
			const clusterId = stableUuid(`cluster:${cluster.cluster}`);
			for (const seed of cluster.skills) {
				const skillId = seed.id ?? stableUuid(`skill:${seed.name}`);
				techwolf.set(skillId, {
					vocabulary: 'techwolf',
					deleted: seed.deleted ?? false,
					techwolfSkillId: skillId,
					translations: seed.translations ?? {},
					record: {
						skill_id: skillId,
						skill_name: seed.name,
						skill_description: seed.description,
						skill_source: seed.custom ? 'custom' : 'vocabulary',
						inference_enabled: !seed.custom,
						default_skill_name: seed.name,
						default_skill_description: seed.description,
						techwolf_domain: domain.techwolfDomain,
						taxonomy_domain_id: domainId,
						taxonomy_domain_name: domain.domain,
						taxonomy_skill_cluster_id: clusterId,
						taxonomy_skill_cluster_name: cluster.cluster,
						properties: seed.custom ? { owner: 'People Analytics', created_by: 'console' } : {},
					},
				});
			}
		}
	}
	const vendorSkill = (
		vocabulary: VocabularyName,
		skillId: string,
		name: string,
		techwolfSkillName: string | null,
		deleted: boolean,
	): TaxonomySkill => {
		const counterpart = techwolfSkillName ? techwolfSkillByName(techwolf, techwolfSkillName) : undefined;
		const base = counterpart?.record ?? {
			techwolf_domain: 'Information and Communication Technology',
			taxonomy_domain_id: stableUuid('domain:Software Engineering'),
			taxonomy_domain_name: 'Software Engineering',
			taxonomy_skill_cluster_id: stableUuid('cluster:Software Delivery'),
			taxonomy_skill_cluster_name: 'Software Delivery',
			skill_description: `${name}.`,
		};
		return {
			vocabulary,
			deleted,
			techwolfSkillId: counterpart?.record.skill_id ?? null,
			translations: {},
			record: {
				skill_id: skillId,
				skill_name: name,
				skill_description: base.skill_description,
				skill_source: 'vocabulary',
				inference_enabled: true,
				default_skill_name: name,
				default_skill_description: base.skill_description,
				techwolf_domain: base.techwolf_domain,
				taxonomy_domain_id: base.taxonomy_domain_id,
				taxonomy_domain_name: base.taxonomy_domain_name,
				taxonomy_skill_cluster_id: base.taxonomy_skill_cluster_id,
				taxonomy_skill_cluster_name: base.taxonomy_skill_cluster_name,
				properties: vocabulary === 'sap_attribute_library' ? { sap_status: { value: 'active' } } : {},
			},
		};
	};
	const workday = new Map<string, TaxonomySkill>();
	for (const seed of WORKDAY_SKILLS) {
		const id = workdayId(seed.name);
		workday.set(id, vendorSkill('workday', id, seed.name, seed.techwolfSkill, seed.deleted ?? false));
	}
	const sap = new Map<string, TaxonomySkill>();
	SAP_SKILLS.forEach((seed, index) => {
		const id = `SAP_ATTR_${String(1017 + index * 11).padStart(6, '0')}`;
		sap.set(id, vendorSkill('sap_attribute_library', id, seed.name, seed.techwolfSkill, false));
	});
	return new Map<VocabularyName, Map<string, TaxonomySkill>>([
		['techwolf', techwolf],
		['workday', workday],
		['sap_attribute_library', sap],
	]);
}

function techwolfSkillByName(techwolf: Map<string, TaxonomySkill>, name: string): TaxonomySkill | undefined {
	for (const skill of techwolf.values()) if (skill.record.default_skill_name === name) return skill;
	return undefined;
}

const SKILL_IDS_BY_NAME = new Map<string, string>(
	TECHWOLF_TAXONOMY.flatMap((domain) =>
		domain.clusters.flatMap((cluster) =>
			cluster.skills.map((seed): [string, string] => [seed.name, seed.id ?? stableUuid(`skill:${seed.name}`)]),
		),
	),
);

/** Id of a TechWolf vocabulary skill by its English name; throws on a typo in the fixtures. */
function skillId(name: string): string {
	const id = SKILL_IDS_BY_NAME.get(name);
	if (!id) throw new Error(`Fixture skill "${name}" is not in the taxonomy`);
	return id;
}

// ---------------------------------------------------------------------------------------------------------------------
// Fixture ids that tests, e2e and send-event rely on

export const FIXTURE_IDS = {
	tenant: 'acme',
	/** Validated and suggested skills, source events and proficiencies. */
	employeeWithProfile: 'E1',
	/** Inference ran but found nothing: `skills: []`. */
	employeeWithEmptyProfile: 'E2',
	inactiveEmployee: 'E3',
	employeeCount: 250,
	job: 'J1',
	jobWithEmptyProfile: 'J8',
	/** The job family of J1 and J7. */
	jobFamily: 'JF-ENG',
	course: 'C1',
	/** Python, the id from TechWolf's documentation example. */
	skill: '4b85469d-6729-4d70-9876-a0faa2a2f63b',
	skillName: 'Python',
	/** A skill of E1 in state `suggested`, to validate through feedback. */
	suggestedSkillOfEmployee: skillId('Docker'),
	/** A live Workday skill (Python in Workday's vocabulary); fetch it with `external_vendor=workday`. */
	workdaySkill: workdayId('Python (Programming Language)'),
	/** Removed from Workday's vocabulary: `GET /taxonomy/skills/{id}?external_vendor=workday` answers 404. */
	deletedSkill: workdayId('Lotus Notes'),
	deletedSkillVendor: 'workday',
	/** Removed from TechWolf's own vocabulary (404 without external_vendor). */
	deletedTechWolfSkill: skillId('Adobe Flash'),
	/** A rename in TechWolf's vocabulary; `POST /taxonomy/export` with `external_id_is_in_list` returns it. */
	taxonomyChange: stableUuid('change:rename:Amazon Web Services'),
	taxonomyChangeOperationType: 'vocab_update_rename_skill',
	/** The removal of `deletedSkill` (Workday vocabulary: only listed with `external_vendor=workday`). */
	deletedSkillChange: stableUuid('change:remove:Lotus Notes'),
	/** The unit of E1 and E2, under ou-technology under the root ou-acme. */
	/** Programming Languages, a cluster of the taxonomy (Python, JavaScript, ...). */
	skillCluster: stableUuid('cluster:Programming Languages'),
	organisationalUnit: 'ou-engineering',
	rootOrganisationalUnit: 'ou-acme',
	vacancy: 'V1',
	/** A stored job description preview for J2 (status suggested). */
	jobChange: '01JZ54K5YVCXWCT2J3B7EJCSZD',
} as const;

// ---------------------------------------------------------------------------------------------------------------------
// Employees

interface UnitSeed {
	id: string;
	positions: { title: string; id: string }[];
	skills: string[];
	educationField: string;
}

const UNITS: UnitSeed[] = [
	{
		id: 'ou-engineering',
		positions: [
			{ title: 'Software Engineer', id: 'POS-SWE' },
			{ title: 'Senior Software Engineer', id: 'POS-SSWE' },
			{ title: 'DevOps Engineer', id: 'POS-DEVOPS' },
			{ title: 'Engineering Manager', id: 'POS-EM' },
		],
		skills: [
			'Python',
			'JavaScript',
			'TypeScript',
			'Java',
			'SQL',
			'Git',
			'Docker',
			'Kubernetes',
			'Continuous Integration',
			'Unit Testing',
			'REST API Design',
			'Amazon Web Services',
			'Microsoft Azure',
		],
		educationField: 'Computer Science',
	},
	{
		id: 'ou-data',
		positions: [
			{ title: 'Data Analyst', id: 'POS-DA' },
			{ title: 'Data Scientist', id: 'POS-DS' },
		],
		skills: ['Python', 'SQL', 'Machine Learning', 'Statistics', 'Data Analysis', 'Data Visualisation', 'Power BI'],
		educationField: 'Statistics',
	},
	{
		id: 'ou-finance',
		positions: [
			{ title: 'Financial Controller', id: 'POS-FC' },
			{ title: 'Accountant', id: 'POS-ACC' },
		],
		skills: [
			'Balance Sheet',
			'Financial Reporting',
			'IFRS',
			'Accounts Payable',
			'Budgeting',
			'Forecasting',
			'Tax Compliance',
			'Microsoft Excel',
		],
		educationField: 'Accountancy',
	},
	{
		id: 'ou-people',
		positions: [
			{ title: 'HR Business Partner', id: 'POS-HRBP' },
			{ title: 'Recruiter', id: 'POS-REC' },
			{ title: 'Payroll Specialist', id: 'POS-PAY' },
		],
		skills: ['Recruiting', 'Onboarding', 'Interviewing', 'Payroll', 'Employee Relations', 'Talent Management'],
		educationField: 'Human Resource Management',
	},
	{
		id: 'ou-sales',
		positions: [
			{ title: 'Account Executive', id: 'POS-AE' },
			{ title: 'Marketing Specialist', id: 'POS-MKT' },
		],
		skills: [
			'Negotiation',
			'Account Management',
			'Salesforce CRM',
			'Content Marketing',
			'Search Engine Optimisation',
			'Acme Sales Methodology',
			'Acme Product Knowledge',
		],
		educationField: 'Business Administration',
	},
	{
		id: 'ou-operations',
		positions: [
			{ title: 'Supply Chain Planner', id: 'POS-SCP' },
			{ title: 'Warehouse Operator', id: 'POS-WHO' },
			{ title: 'Quality Engineer', id: 'POS-QE' },
		],
		skills: [
			'Supply Chain Management',
			'Inventory Management',
			'Forklift Operation',
			'Lean Manufacturing',
			'Quality Assurance',
			'Project Management',
		],
		educationField: 'Industrial Engineering',
	},
];

const TRANSVERSAL_SKILLS = ['Communication', 'Teamwork', 'Leadership', 'Problem Solving', 'Time Management'];
const OFFICES: GeoLocation[] = [
	{ lat: 51.0543, lng: 3.7174 },
	{ lat: 50.8503, lng: 4.3517 },
	{ lat: 51.2194, lng: 4.4025 },
	{ lat: 52.3676, lng: 4.9041 },
	{ lat: 48.8566, lng: 2.3522 },
	{ lat: 52.52, lng: 13.405 },
];
const PREVIOUS_EMPLOYERS = ['Globex', 'Initech', 'Umbrella Logistics', 'Hooli', 'Vandelay Industries', 'Soylent'];
const INSTITUTIONS = ['Ghent University', 'KU Leuven', 'Vrije Universiteit Brussel', 'TU Delft', 'Sorbonne University'];
const EVENT_SOURCES = ['workday', 'successfactors', 'degreed', 'skill_assistant'];

function proficiency(level: number | null, scale: number): { level: number | null; float: number | null } {
	// TechWolf's examples pair level 2 with 0.4 and level 5 with 1.0 for employees (level / 5), 2 with 0.66 for jobs (/ 3).
	return level === null ? { level: null, float: null } : { level, float: Math.floor((level / scale) * 100) / 100 };
}

function employeeSkill(
	name: string,
	state: ValidationState,
	sources: SkillEventType[],
	events: SourceEvent[],
	selfRated: number | null,
	inferred: number | null,
): StoredEmployeeSkill {
	const self = proficiency(selfRated, 5);
	const inferredProficiency = proficiency(inferred, 5);
	return {
		skill_id: skillId(name),
		validation_state: state,
		sources,
		source_events: events,
		self_rated_proficiency_level: self.level,
		self_rated_proficiency_float: self.float,
		inferred_proficiency_level: inferredProficiency.level,
		inferred_proficiency_float: inferredProficiency.float,
	};
}

/** E1: the employee every doc example is about (validated Python with sources and proficiencies, suggestions). */
function firstEmployeeProfile(): StoredEmployeeProfile {
	const workdayJob = { external_id: 'E1-WH-1', event_type: 'working_history', source: 'workday' };
	const diploma = { external_id: 'E1-ED-1', event_type: 'education_history', source: 'workday' };
	const resume = { external_id: 'E1-CV-1', event_type: 'resume_document', source: 'skill_assistant' };
	const project = { external_id: 'E1-PRJ-1', event_type: 'project', source: 'jira' };
	const feedback = { external_id: 'E1-FB-1', event_type: 'feedback', source: 'skill_assistant' };
	return {
		num_skill_events: 5,
		seniority: 6,
		skillEventIds: new Set(['E1-WH-1', 'E1-ED-1', 'E1-CV-1', 'E1-PRJ-1', 'E1-FB-1']),
		skills: [
			employeeSkill('Python', 'validated', ['education_history', 'working_history'], [diploma, workdayJob], 2, 3),
			employeeSkill('SQL', 'validated', ['working_history'], [workdayJob], null, 4),
			employeeSkill('Git', 'validated', ['working_history', 'project'], [workdayJob, project], 3, 3),
			employeeSkill('REST API Design', 'validated', ['working_history'], [workdayJob], null, 2),
			employeeSkill('Docker', 'suggested', ['resume_document'], [resume], null, 2),
			employeeSkill('Kubernetes', 'suggested', ['project'], [project], null, 1),
			employeeSkill('Communication', 'suggested', ['feedback'], [feedback], null, null),
		],
	};
}

function generatedProfile(random: () => number, externalId: string, unit: UnitSeed): StoredEmployeeProfile {
	const eventCount = 1 + Math.floor(random() * 6);
	const events: SourceEvent[] = Array.from({ length: eventCount }, (_, index) => {
		const eventType = pick(random, ['working_history', 'education_history', 'resume_document', 'learning', 'project']);
		return { external_id: `${externalId}-EV-${index + 1}`, event_type: eventType, source: pick(random, EVENT_SOURCES) };
	});
	const names = pickSome(random, [...unit.skills, ...TRANSVERSAL_SKILLS], 2 + Math.floor(random() * 8));
	const skills = names.map((name) => {
		const roll = random();
		const state: ValidationState = roll < 0.05 ? 'rejected' : roll < 0.62 ? 'validated' : 'suggested';
		const evidence = pickSome(random, events, 1 + Math.floor(random() * 2));
		const sources = [...new Set(evidence.map((event) => event.event_type as SkillEventType))];
		const selfRated = state === 'validated' && random() < 0.5 ? 1 + Math.floor(random() * 5) : null;
		return employeeSkill(name, state, sources, evidence, selfRated, 1 + Math.floor(random() * 5));
	});
	return {
		num_skill_events: eventCount,
		seniority: pick(random, [2, 5, 6, 12]),
		skills,
		skillEventIds: new Set(events.map((event) => event.external_id)),
	};
}

function generateEmployees(data: SandboxData, employeeCount: number): void {
	const random = seededRandom(20240102);
	for (let index = 1; index <= employeeCount; index++) {
		const externalId = `E${index}`;
		const unit = index <= 2 ? (UNITS[0] as UnitSeed) : pick(random, UNITS);
		const position = index <= 2 ? (unit.positions[0] as UnitSeed['positions'][number]) : pick(random, unit.positions);
		const office = pick(random, OFFICES);
		const startYear = 2008 + Math.floor(random() * 14);
		const previousEmployer = pick(random, PREVIOUS_EMPLOYERS);
		const isEmptyProfile = externalId === FIXTURE_IDS.employeeWithEmptyProfile;
		const active = externalId === FIXTURE_IDS.inactiveEmployee ? false : index <= 2 ? true : random() > 0.12;
		const profile = isEmptyProfile
			? { num_skill_events: 0, seniority: 0, skills: [], skillEventIds: new Set<string>() }
			: index === 1
				? firstEmployeeProfile()
				: generatedProfile(random, externalId, unit);
		const minutesSinceEpoch = Math.floor(random() * 180 * 24 * 60);
		data.employees.set(externalId, {
			external_id: externalId,
			assigned_position: position.title,
			assigned_position_id: position.id,
			active,
			low_data_availability: profile.num_skill_events < 2,
			organisational_unit: unit.id,
			working_history: isEmptyProfile
				? []
				: [
						{
							job_title: position.title,
							company: 'Acme',
							job_description: `${position.title} in ${unit.id.replace('ou-', '')}, working with ${unit.skills.slice(0, 3).join(', ')}.`,
							start_date: `${startYear + 3}-0${1 + (index % 9)}-01`,
						},
						{
							job_title: `Junior ${position.title}`,
							company: previousEmployer,
							job_description: `First role after graduating; ${unit.skills[unit.skills.length - 1] ?? ''} and teamwork.`,
							start_date: `${startYear}-09-01`,
							end_date: `${startYear + 3}-0${1 + (index % 9)}-01`,
						},
					],
			education_history: isEmptyProfile
				? []
				: [
						{
							degree_name: `Master's degree in ${unit.educationField}`,
							school: pick(random, INSTITUTIONS),
							start_date: `${startYear - 5}-09-15`,
							end_date: `${startYear - 1}-06-30`,
						},
					],
			languages: [
				{ language: 'nl', level: 5 },
				{ language: 'en', level: 4 },
				...(index % 3 === 0 ? [{ language: 'fr', level: 2 }] : []),
			],
			desired_functions: index % 4 === 0 ? [{ title: pick(random, unit.positions).title, importance: 1 }] : [],
			non_desired_functions: [],
			last_updated: isoSeconds(new Date(FIXTURE_EPOCH + minutesSinceEpoch * MINUTE)),
			location: {
				lat: Math.round((office.lat + (random() - 0.5) * 0.05) * 10000) / 10000,
				lng: Math.round((office.lng + (random() - 0.5) * 0.05) * 10000) / 10000,
			},
			custom_properties: [
				{ property_name: 'cost_center', property_value: `CC-${1000 + (index % 40)}` },
				{ property_name: 'hire_date', property_value: `${startYear + 3}-0${1 + (index % 9)}-01` },
				...(index <= 10 ? [] : [{ property_name: 'manager_id', property_value: `E${1 + (index % 10)}` }]),
			],
		});
		data.employeeProfiles.set(externalId, profile);
	}
}

/** Every employee's Skill Events, from the events its skills cite, a day apart before its last update. */
function generateSkillEvents(data: SandboxData): void {
	for (const [externalId, profile] of data.employeeProfiles) {
		const seen = new Map<string, SourceEvent>();
		for (const skill of profile.skills) for (const event of skill.source_events) seen.set(event.external_id, event);
		const lastUpdated = Date.parse(
			data.employees.get(externalId)?.last_updated ?? new Date(FIXTURE_EPOCH).toISOString(),
		);
		const events = [...seen.values()].sort((a, b) => (a.external_id < b.external_id ? -1 : 1));
		data.skillEvents.set(
			externalId,
			events.map((event, index) => ({
				...event,
				timestamp: isoSeconds(new Date(lastUpdated - (events.length - index) * 24 * 60 * MINUTE)),
			})),
		);
	}
}

// ---------------------------------------------------------------------------------------------------------------------
// Jobs and courses

interface JobSeed {
	id: string;
	title: string;
	skills: { name: string; type: JobSkillType; level: number; critical?: boolean }[];
	suggestions: string[];
	family: string;
}

const JOBS: JobSeed[] = [
	{
		id: 'J1',
		title: 'Software Engineer',
		family: 'JF-ENG',
		skills: [
			{ name: 'Python', type: 'Job-Specific', level: 3, critical: true },
			{ name: 'Git', type: 'Family-Specific', level: 2 },
			{ name: 'SQL', type: 'Job-Specific', level: 2 },
			{ name: 'Unit Testing', type: 'Family-Specific', level: 2 },
			{ name: 'REST API Design', type: 'Job-Specific', level: 2 },
			{ name: 'Communication', type: 'Core', level: 2 },
		],
		suggestions: ['Docker', 'Kubernetes', 'TypeScript'],
	},
	{
		id: 'J2',
		title: 'Data Analyst',
		family: 'JF-DATA',
		skills: [
			{ name: 'SQL', type: 'Job-Specific', level: 3, critical: true },
			{ name: 'Data Analysis', type: 'Job-Specific', level: 3 },
			{ name: 'Data Visualisation', type: 'Family-Specific', level: 2 },
			{ name: 'Statistics', type: 'Family-Specific', level: 2 },
		],
		suggestions: ['Power BI', 'Python'],
	},
	{
		id: 'J3',
		title: 'Financial Controller',
		family: 'JF-FIN',
		skills: [
			{ name: 'Balance Sheet', type: 'Job-Specific', level: 2 },
			{ name: 'Financial Reporting', type: 'Job-Specific', level: 3, critical: true },
			{ name: 'IFRS', type: 'Family-Specific', level: 2 },
			{ name: 'Budgeting', type: 'Job-Specific', level: 2 },
		],
		suggestions: ['Forecasting'],
	},
	{
		id: 'J4',
		title: 'HR Business Partner',
		family: 'JF-HR',
		skills: [
			{ name: 'Employee Relations', type: 'Job-Specific', level: 3 },
			{ name: 'Talent Management', type: 'Family-Specific', level: 2 },
			{ name: 'Communication', type: 'Core', level: 3, critical: true },
		],
		suggestions: ['Interviewing', 'Onboarding'],
	},
	{
		id: 'J5',
		title: 'Account Executive',
		family: 'JF-SALES',
		skills: [
			{ name: 'Negotiation', type: 'Job-Specific', level: 3, critical: true },
			{ name: 'Salesforce CRM', type: 'Family-Specific', level: 2 },
			{ name: 'Acme Sales Methodology', type: 'Job-Specific', level: 2 },
		],
		suggestions: ['Account Management'],
	},
	{
		id: 'J6',
		title: 'Supply Chain Planner',
		family: 'JF-OPS',
		skills: [
			{ name: 'Supply Chain Management', type: 'Job-Specific', level: 3 },
			{ name: 'Inventory Management', type: 'Job-Specific', level: 2 },
			{ name: 'Microsoft Excel', type: 'Core', level: 2 },
		],
		suggestions: ['Forecasting', 'Lean Manufacturing'],
	},
	{
		id: 'J7',
		title: 'Engineering Manager',
		family: 'JF-ENG',
		skills: [
			{ name: 'Leadership', type: 'Core', level: 3, critical: true },
			{ name: 'Project Management', type: 'Family-Specific', level: 2 },
			{ name: 'Git', type: 'Family-Specific', level: 1 },
		],
		suggestions: ['Talent Management'],
	},
	{ id: 'J8', title: 'Warehouse Operator', family: 'JF-OPS', skills: [], suggestions: [] },
];

/** The job families the seeded jobs belong to. */
const JOB_FAMILIES: { id: string; name: string; group: string | null }[] = [
	{ id: 'JF-ENG', name: 'Software Engineering', group: 'IT & Engineering' },
	{ id: 'JF-DATA', name: 'Data & Analytics', group: 'IT & Engineering' },
	{ id: 'JF-FIN', name: 'Finance', group: 'Corporate' },
	{ id: 'JF-HR', name: 'Human Resources', group: 'Corporate' },
	{ id: 'JF-SALES', name: 'Sales', group: null },
	{ id: 'JF-OPS', name: 'Operations', group: null },
];

const COURSES: { id: string; title: string; skills: string[] }[] = [
	{ id: 'C1', title: 'Python for Data Analysis', skills: ['Python', 'Data Analysis', 'Statistics'] },
	{ id: 'C2', title: 'IFRS Essentials', skills: ['IFRS', 'Financial Reporting'] },
	{ id: 'C3', title: 'Negotiation Masterclass', skills: ['Negotiation', 'Communication'] },
	{ id: 'C4', title: 'Kubernetes Fundamentals', skills: ['Kubernetes', 'Docker'] },
	{ id: 'C5', title: 'Leading Teams', skills: ['Leadership', 'Teamwork', 'Time Management'] },
	{ id: 'C6', title: 'Onboarding Checklist (draft)', skills: [] },
];

function generateJobsAndCourses(data: SandboxData): void {
	for (const family of JOB_FAMILIES) {
		data.jobFamilies.set(family.id, {
			external_id: family.id,
			job_family_name: family.name,
			job_family_group: family.group,
			active: true,
			suggestedSkillIds: [],
			profileDataIds: new Set(),
		});
	}
	JOBS.forEach((seed, index) => {
		data.jobs.set(seed.id, {
			external_id: seed.id,
			title: seed.title,
			job_family_id: seed.family,
			sequence: index + 1,
			last_updated: isoSeconds(new Date(FIXTURE_EPOCH + index * 24 * 60 * MINUTE)),
			profileDataIds: new Set([`JP-${seed.id}`]),
			low_data_availability: seed.skills.length === 0,
			skills: seed.skills.map((skill, index) => {
				const { level, float } = proficiency(skill.level, 3);
				return {
					skill_id: skillId(skill.name),
					skill_types: [{ skill_type: skill.type, is_common: skill.type !== 'Job-Specific' }],
					validation_state: index % 3 === 2 ? 'initially_validated' : 'validated',
					proficiency_level: level,
					proficiency_float: float,
					critical: skill.critical ?? false,
				};
			}),
			suggestions: seed.suggestions.map((name, index) => ({
				skill_id: skillId(name),
				skill_type: index === 0 ? 'Job-Specific' : 'Family-Specific',
				source_data: [
					{ external_id: `JP-${seed.id}`, source_data_type: 'job_profile_data' },
					...(index === 0 ? [] : [{ external_id: seed.family, source_data_type: 'job_family_profile_data' as const }]),
				],
				critical: false,
			})),
		});
	});
	for (const seed of COURSES) {
		data.courses.set(seed.id, { external_id: seed.id, title: seed.title, skillIds: seed.skills.map(skillId) });
	}
}

// ---------------------------------------------------------------------------------------------------------------------
// Taxonomy changes

function generateTaxonomyChanges(data: SandboxData): void {
	const techwolf = data.skills.get('techwolf') as Map<string, TaxonomySkill>;
	const workday = data.skills.get('workday') as Map<string, TaxonomySkill>;
	const clusterOf = (skill: TaxonomySkill) => ({
		skill_cluster_id: skill.record.taxonomy_skill_cluster_id,
		skill_cluster_name: skill.record.taxonomy_skill_cluster_name,
	});
	const twSkill = (name: string) => techwolf.get(skillId(name)) as TaxonomySkill;
	const wdSkill = (name: string) => workday.get(workdayId(name)) as TaxonomySkill;
	const changes: Omit<TaxonomyChange, 'timestamp'>[] = [];

	// vocab_update_add_skill: content shape not documented; this mirrors vocab_update_remove_skill.
	const added = [
		'TypeScript',
		'Kubernetes',
		'Power BI',
		'Machine Learning',
		'Continuous Integration',
		'Microsoft Azure',
		'Forecasting',
		'Interviewing',
		'Talent Management',
		'Content Marketing',
		'Inventory Management',
		'Quality Assurance',
		'Time Management',
		'Account Management',
		'Tax Compliance',
	];
	for (const name of added) {
		const skill = twSkill(name);
		changes.push({
			external_id: stableUuid(`change:add:${name}`),
			operation_type: 'vocab_update_add_skill',
			vocabulary: 'techwolf',
			content: { ...clusterOf(skill), skill_id: skill.record.skill_id, skill_name: name },
		});
	}
	const pythonInWorkday = wdSkill('Python (Programming Language)');
	changes.push({
		external_id: stableUuid('change:add:workday:Python (Programming Language)'),
		operation_type: 'vocab_update_add_skill',
		vocabulary: 'workday',
		content: {
			...clusterOf(pythonInWorkday),
			skill_id: pythonInWorkday.record.skill_id,
			skill_name: pythonInWorkday.record.skill_name,
		},
	});

	const renames: [vocabulary: VocabularyName, newName: string, oldName: string][] = [
		['techwolf', 'Amazon Web Services', 'AWS Cloud'],
		['techwolf', 'Data Visualisation', 'Data Visualization Techniques'],
		['techwolf', 'Salesforce CRM', 'Salesforce'],
		['techwolf', 'Search Engine Optimisation', 'SEO'],
		['techwolf', 'Microsoft Excel', 'Excel'],
		['workday', 'Negotiation Skills', 'Negotiating'],
	];
	for (const [vocabulary, newName, oldName] of renames) {
		const skill = vocabulary === 'workday' ? wdSkill(newName) : twSkill(newName);
		changes.push({
			external_id: stableUuid(
				vocabulary === 'workday' ? `change:rename:workday:${newName}` : `change:rename:${newName}`,
			),
			operation_type: 'vocab_update_rename_skill',
			vocabulary,
			content: {
				...clusterOf(skill),
				skill_id: skill.record.skill_id,
				old_skill_name: oldName,
				new_skill_name: newName,
			},
		});
	}

	const merges: [from: string, into: string][] = [
		['JS Programming', 'JavaScript'],
		['Team Work', 'Teamwork'],
		['Payroll Administration', 'Payroll'],
		['Bookkeeping', 'Accounts Payable'],
	];
	for (const [from, into] of merges) {
		const target = twSkill(into);
		changes.push({
			external_id: stableUuid(`change:merge:${from}`),
			operation_type: 'vocab_update_merge_skill',
			vocabulary: 'techwolf',
			content: {
				merged_from_skill_cluster_id: target.record.taxonomy_skill_cluster_id,
				merged_from_skill_cluster_name: target.record.taxonomy_skill_cluster_name,
				merged_from_skill_id: stableUuid(`skill:${from}`),
				merged_from_skill_name: from,
				merged_into_skill_cluster_id: target.record.taxonomy_skill_cluster_id,
				merged_into_skill_cluster_name: target.record.taxonomy_skill_cluster_name,
				merged_into_skill_id: target.record.skill_id,
				merged_into_skill_name: into,
			},
		});
	}

	// TechWolf does not say which changes are vendor-independent; here the removal of obsolete technologies stands for
	// them, so that every vendor's export lists them too.
	for (const name of ['Adobe Flash', 'Visual Basic 6', 'Token Ring Networking']) {
		const skill = twSkill(name);
		changes.push({
			external_id: stableUuid(`change:remove:${name}`),
			operation_type: 'vocab_update_remove_skill',
			vocabulary: null,
			content: { ...clusterOf(skill), skill_id: skill.record.skill_id, skill_name: name },
		});
	}
	const lotusNotes = wdSkill('Lotus Notes');
	changes.push({
		external_id: FIXTURE_IDS.deletedSkillChange,
		operation_type: 'vocab_update_remove_skill',
		vocabulary: 'workday',
		content: { ...clusterOf(lotusNotes), skill_id: lotusNotes.record.skill_id, skill_name: 'Lotus Notes' },
	});

	// Spread the changes over the first half of 2024 in a shuffled, but fixed, order.
	const random = seededRandom(42);
	const shuffled = pickSome(random, changes, changes.length);
	data.taxonomyChanges = shuffled.map((change, index) => ({
		...change,
		timestamp: isoSeconds(new Date(FIXTURE_EPOCH + (index * 6 * 24 * 60 + ((index * 37) % 600)) * MINUTE)),
	}));
}

/** A fresh, mutable copy of the tenant's data; `reset()` calls it again. */
export interface SandboxDataOptions {
	/** How many employees (E1, E2, ...) to generate; FIXTURE_IDS.employeeCount by default. More make more export pages. */
	employeeCount?: number;
}

export function createSandboxData(options: SandboxDataOptions = {}): SandboxData {
	const data: SandboxData = {
		employees: new Map(),
		employeeProfiles: new Map(),
		jobs: new Map(),
		jobFamilies: new Map(),
		courses: new Map(),
		skillEvents: new Map(),
		deletedEmployees: new Map(),
		skills: buildTaxonomy(),
		taxonomyChanges: [],
		organisationalUnits: new Map(ORGANISATIONAL_UNITS.map((unit) => [unit.external_id, { ...unit }])),
		vacancies: new Map(VACANCIES.map((vacancy) => [vacancy.external_id, structuredClone(vacancy)])),
		jobChanges: new Map(JOB_CHANGES.map((change) => [change.external_id, structuredClone(change)])),
	};
	generateEmployees(data, options.employeeCount ?? FIXTURE_IDS.employeeCount);
	generateSkillEvents(data);
	generateJobsAndCourses(data);
	generateTaxonomyChanges(data);
	return data;
}
