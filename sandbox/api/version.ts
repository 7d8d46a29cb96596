/** The version route (operation getVersion of `contract/techwolf.openapi.yaml`): the credentials' Test call. */
import { ok, type Handler } from './shared';

/**
 * The sandbox tenant's API version: a date, as the Versioning Overview page describes versions; the newest the stored
 * reference shows in its title ("Skill Engine API (2025-01-16)"). The answer's shape is the package's choice.
 */
export const SANDBOX_API_VERSION = '2025-01-16';

const getVersion: Handler = () => ok({ version: SANDBOX_API_VERSION });

export const versionHandlers: Record<string, Handler> = { getVersion };
