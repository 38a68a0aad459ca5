/** The published schemas: stable $ids and file names (files live at the root of the schema package). */
export const SCHEMA_BASE_URL = 'https://marathon-devtools.github.io/schema/';

export type DocumentKind = 'app' | 'group' | 'pod' | 'chronos-job';

export const documentSchemaFiles: Record<DocumentKind, string> = {
  app: 'marathon-app.schema.json',
  group: 'marathon-group.schema.json',
  pod: 'marathon-pod.schema.json',
  'chronos-job': 'chronos-job.schema.json',
};

export const bridgeProtocolSchemaFile = 'dvdi-bridge-protocol.schema.json';

export const documentSchemaIds: Record<DocumentKind, string> = {
  app: SCHEMA_BASE_URL + documentSchemaFiles.app,
  group: SCHEMA_BASE_URL + documentSchemaFiles.group,
  pod: SCHEMA_BASE_URL + documentSchemaFiles.pod,
  'chronos-job': SCHEMA_BASE_URL + documentSchemaFiles['chronos-job'],
};

export const bridgeProtocolSchemaId = SCHEMA_BASE_URL + bridgeProtocolSchemaFile;

/** `$ref`-able id of one definition of the bridge protocol schema, e.g. `…#/definitions/dryRunMountParams`. */
export function bridgeProtocolDefinitionId(definition: string): string {
  return `${bridgeProtocolSchemaId}#/definitions/${definition}`;
}
