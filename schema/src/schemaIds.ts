/** The published schemas: stable $ids and file names (files live at the root of the schema package). */
export const SCHEMA_BASE_URL = 'https://marathon-devtools.github.io/schema/';

/** The kinds of definition with a published schema (the engine adds 'unknown' for anything else). */
export type DefinitionKind = 'app' | 'group' | 'pod' | 'chronos-job';

export const documentSchemaFiles: Record<DefinitionKind, string> = {
  app: 'marathon-app.schema.json',
  group: 'marathon-group.schema.json',
  pod: 'marathon-pod.schema.json',
  'chronos-job': 'chronos-job.schema.json',
};

export const bridgeProtocolSchemaFile = 'dvdi-bridge-protocol.schema.json';

export const documentSchemaIds: Record<DefinitionKind, string> = {
  app: SCHEMA_BASE_URL + documentSchemaFiles.app,
  group: SCHEMA_BASE_URL + documentSchemaFiles.group,
  pod: SCHEMA_BASE_URL + documentSchemaFiles.pod,
  'chronos-job': SCHEMA_BASE_URL + documentSchemaFiles['chronos-job'],
};

export const bridgeProtocolSchemaId = SCHEMA_BASE_URL + bridgeProtocolSchemaFile;
