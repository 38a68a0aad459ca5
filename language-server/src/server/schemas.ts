/**
 * The JSON Schemas bundled into the server (by file name), so completion and hover need no file I/O
 * and the extension's copy of the bundle works without the schema files beside it.
 */
import chronosJob from '@marathon-devtools/schema/chronos-job.schema.json';
import marathonApp from '@marathon-devtools/schema/marathon-app.schema.json';
import marathonApps from '@marathon-devtools/schema/marathon-apps.schema.json';
import marathonGroup from '@marathon-devtools/schema/marathon-group.schema.json';
import marathonPod from '@marathon-devtools/schema/marathon-pod.schema.json';
import type { SchemaNode } from '../model/schemaNavigator';

export const schemas: Record<string, SchemaNode> = {
  'marathon-app.schema.json': marathonApp,
  'marathon-apps.schema.json': marathonApps,
  'marathon-group.schema.json': marathonGroup,
  'marathon-pod.schema.json': marathonPod,
  'chronos-job.schema.json': chronosJob,
};
