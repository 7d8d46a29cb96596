/**
 * SkillEngine API paths that more than one module names: the action node's calls (nodes/TechWolf/actions/) and the
 * event catalog's `apiCall`, which tells people which call returns an event's state (nodes/shared/events/catalog.ts).
 */
export const SKILL_PROFILE_PATH: Record<'employee' | 'job' | 'jobSuggestions' | 'course', (id: string) => string> = {
	employee: (id) => `/employees/${id}/skill_profile`,
	job: (id) => `/job_architecture/jobs/${id}/skill_profile`,
	jobSuggestions: (id) => `/job_architecture/jobs/${id}/suggested_skill_profile`,
	course: (id) => `/courses/${id}/skill_profile`,
};

export const skillPath = (skillId: string): string => `/taxonomy/skills/${skillId}`;

export const TAXONOMY_EXPORT_PATH = '/taxonomy/export';

/** The job skill profile export: the Export operation, and the job locator's list (no job list is documented). */
export const JOB_SKILL_PROFILES_EXPORT_PATH = '/job_architecture/export/jobs/skill_profiles';
