/**
 * The validator of the published batch schema (marathon-apps.schema.json, an array of apps: PUT /v2/apps), for
 * checking a batch whole. Apart from validators.ts, so that the engine, which lints a batch element by element as apps,
 * does not load it.
 */
import marathonApps from '../generated/validators/marathon-apps.cjs';
import type { MarathonAppBatch } from './generated/marathon-documents';
import type { Validator } from './validators';

export const validateAppBatch = marathonApps as Validator<MarathonAppBatch>;
