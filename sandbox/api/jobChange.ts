/**
 * Job change routes (operations of `contract/techwolf.openapi.yaml`). A preview is stored at once as `suggested` with a job
 * description written from the job's title and skills; TechWolf generates it asynchronously (202), which the sandbox
 * does not imitate.
 */
import { createHash } from 'node:crypto';

import type { SandboxData } from '../data';
import type { JobChangeContext } from '../fixtures/jobChanges';
import { findJob } from './job';
import { accepted, bodyOf, localisedName, notFound, ok, vendorCounterpart, type Handler } from './shared';

/** A ULID-shaped id (26 Crockford base32 characters), as TechWolf's example change_id. */
function changeId(data: SandboxData, jobId: string): string {
	const alphabet = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
	const digest = createHash('sha256').update(`change:${jobId}:${data.jobChanges.size}`).digest();
	return Array.from({ length: 26 }, (_, index) => alphabet[(digest[index] ?? 0) % 32]).join('');
}

function writtenDescription(data: SandboxData, jobId: string, context: JobChangeContext): string {
	const job = findJob(data, jobId);
	const skills = job.skills.flatMap((stored) => {
		const skill = vendorCounterpart(data, 'techwolf', stored.skill_id);
		return skill ? [localisedName(skill, null)] : [];
	});
	const sections = context.sections_to_include?.length ? ` Sections: ${context.sections_to_include.join(', ')}.` : '';
	return `The ${job.title} ${skills.length > 0 ? `works with ${skills.join(', ')}` : 'joins the team'}.${sections}`;
}

const previewJobChange: Handler = (request, data) => {
	const body = bodyOf<{ change_type: 'add_job_description'; context: JobChangeContext; job_id: string }>(request);
	const jobDescription = writtenDescription(data, body.job_id, body.context);
	const externalId = changeId(data, body.job_id);
	data.jobChanges.set(externalId, {
		external_id: externalId,
		change_type: body.change_type,
		change_status: 'suggested',
		change_data: { job_id: body.job_id, job_description: jobDescription },
		context: body.context,
	});
	return accepted({ change_id: externalId });
};

const getJobChange: Handler = ({ params, query }, data) => {
	const externalId = params.change_id ?? '';
	const change = data.jobChanges.get(externalId);
	if (!change) throw notFound(`Job change "${externalId}" was not found`);
	const { context, ...fields } = change;
	return ok(query.getAll('include').includes('context') ? { ...fields, context } : fields);
};

export const jobChangeHandlers: Record<string, Handler> = {
	previewJobChange: previewJobChange,
	getJobChange: getJobChange,
};
