/** Skill Event routes (operations of `contract/techwolf.openapi.yaml`): posting one, and listing an employee's. */
import { isoSeconds, type JsonObject } from '../data';
import { employeeProfile, findEmployee, recordSkillEvent } from './employeeRecords';
import { addEvidence, extractSkillIds } from './extraction';
import { ApiError, bodyOf, conflict, DEFAULT_PAGE_SIZE, noContent, ok, type Handler } from './shared';

interface SkillEvent {
	external_id: string;
	event_type: string;
	timestamp: string;
	source: string;
	content: JsonObject;
}

const postSkillEvent: Handler = (request, data) => {
	const { query } = request;
	const externalId = request.params.employee_external_id ?? '';
	const profile = employeeProfile(data, externalId);
	const event = bodyOf<SkillEvent>(request);
	if (profile.skillEventIds.has(event.external_id)) {
		throw conflict(
			`Skill Event "${event.external_id}" already exists for employee "${externalId}"; a Skill Event cannot be re-posted`,
		);
	}
	const skillIds = extractSkillIds(data, event.content);
	if (query.get('strict') === 'true' && skillIds.length === 0) {
		throw new ApiError(422, 'Skill extraction failed: no skills could be extracted from the content');
	}
	const employee = findEmployee(data, externalId);
	if (query.get('end_active_jobs') === 'true') {
		// Presumed meaning: the jobs still open in the working history end when this event starts.
		for (const job of employee.working_history) job.end_date ??= event.timestamp.slice(0, 10);
	}
	profile.skillEventIds.add(event.external_id);
	profile.num_skill_events++;
	addEvidence(profile, skillIds, {
		external_id: event.external_id,
		event_type: event.event_type,
		source: event.source,
	});
	recordSkillEvent(data, externalId, { ...event });
	employee.low_data_availability = profile.num_skill_events < 2;
	employee.last_updated = isoSeconds(new Date());
	return noContent();
};

const listSkillEvents: Handler = ({ params, query }, data) => {
	const externalId = params.employee_external_id ?? '';
	findEmployee(data, externalId);
	const types = query.getAll('event_type');
	const limit = Number(query.get('limit') ?? DEFAULT_PAGE_SIZE);
	const offset = Number(query.get('offset') ?? 0);
	const matching = (data.skillEvents.get(externalId) ?? []).filter(
		(event) => types.length === 0 || types.includes(event.event_type),
	);
	return ok({ count: matching.length, results: matching.slice(offset, offset + limit).map((event) => ({ ...event })) });
};

export const skillEventHandlers: Record<string, Handler> = {
	createEmployeeSkillEvent: postSkillEvent,
	listEmployeeSkillEvents: listSkillEvents,
};
