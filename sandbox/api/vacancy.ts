/** Vacancy routes (operations of `contract/techwolf.openapi.yaml`): get one. */
import { notFound, ok, type Handler } from './shared';

const getVacancy: Handler = ({ params, query }, data) => {
	const externalId = params.external_id ?? '';
	const vacancy = data.vacancies.get(externalId);
	if (!vacancy) throw notFound(`Vacancy with external_id "${externalId}" was not found`);
	const { custom_properties: customProperties, ...fields } = vacancy;
	return ok(
		query.getAll('include').includes('custom_properties') ? { ...fields, custom_properties: customProperties } : fields,
	);
};

export const vacancyHandlers: Record<string, Handler> = { getVacancy: getVacancy };
