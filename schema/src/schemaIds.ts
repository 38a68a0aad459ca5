/** The published schemas: stable $ids and file names (files live at the root of the schema package). */
export const SCHEMA_BASE_URL = 'https://marathon-devtools.github.io/schema/';

/**
 * The kinds of definition with a published schema (the engine adds 'unknown' for anything else). `apps` is a batch of
 * apps, the JSON array `PUT /v2/apps` and `PATCH /v2/apps` take (marathon-api.md §4).
 */
export type DefinitionKind = 'app' | 'apps' | 'group' | 'pod' | 'chronos-job';

export const documentSchemaFiles: Record<DefinitionKind, string> = {
  app: 'marathon-app.schema.json',
  apps: 'marathon-apps.schema.json',
  group: 'marathon-group.schema.json',
  pod: 'marathon-pod.schema.json',
  'chronos-job': 'chronos-job.schema.json',
};

export const bridgeProtocolSchemaFile = 'dvdi-bridge-protocol.schema.json';

export const documentSchemaIds: Record<DefinitionKind, string> = {
  app: SCHEMA_BASE_URL + documentSchemaFiles.app,
  apps: SCHEMA_BASE_URL + documentSchemaFiles.apps,
  group: SCHEMA_BASE_URL + documentSchemaFiles.group,
  pod: SCHEMA_BASE_URL + documentSchemaFiles.pod,
  'chronos-job': SCHEMA_BASE_URL + documentSchemaFiles['chronos-job'],
};

export const bridgeProtocolSchemaId = SCHEMA_BASE_URL + bridgeProtocolSchemaFile;
