/**
 * The schema package: published JSON Schemas (for hover/completion: descriptions, enums, defaults, examples),
 * their $ids, generated types and precompiled validators.
 */
import chronosJobSchema from '../chronos-job.schema.json';
import bridgeProtocolSchema from '../dvdi-bridge-protocol.schema.json';
import marathonAppSchema from '../marathon-app.schema.json';
import marathonAppsSchema from '../marathon-apps.schema.json';
import marathonGroupSchema from '../marathon-group.schema.json';
import marathonPodSchema from '../marathon-pod.schema.json';
import type { DefinitionKind } from './schemaIds';

export { chronosJobSchema, bridgeProtocolSchema, marathonAppSchema, marathonAppsSchema, marathonGroupSchema, marathonPodSchema };

/** The published schema of each document kind (plain JSON objects; do not mutate). */
export const documentSchemas: Record<DefinitionKind, Record<string, unknown>> = {
  app: marathonAppSchema,
  apps: marathonAppsSchema,
  group: marathonGroupSchema,
  pod: marathonPodSchema,
  'chronos-job': chronosJobSchema,
};

export * from './schemaIds';
export * from './validators';
export { enumValues } from '../source/jsonSchema';
export type { ChronosJob, MarathonApp, MarathonAppBatch, MarathonDocument, MarathonGroup, MarathonPod } from './generated/marathon-documents';
export type * as BridgeProtocol from './generated/dvdi-bridge-protocol';
