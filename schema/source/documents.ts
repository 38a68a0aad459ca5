/**
 * Assembles the published document schemas: each is one root shape plus exactly the definitions it reaches,
 * so every file stands alone (no cross-file $ref) for ajv-cli and VS Code's `json.schemas`.
 */
import { appDocumentDefinitions } from './app';
import { appBatchDocumentDefinitions } from './appBatch';
import { chronosDocumentDefinitions } from './chronos';
import { groupDocumentDefinitions } from './group';
import type { JsonSchema } from './jsonSchema';
import { definitionsAcceptNull } from './nullAbsent';
import { podDocumentDefinitions } from './pod';

import { SCHEMA_BASE_URL } from '../src/schemaIds';

interface DocumentSource {
  fileName: string;
  root: string;
  definitions: Record<string, JsonSchema>;
}

// Marathon's documents read optional fields with validateOpt (null = absent, see nullAbsent.ts); Chronos reads a null
// with Jackson's tree API instead, and chronos.ts marks field by field where it accepts one.

export const documentSources: DocumentSource[] = [
  { fileName: 'marathon-app.schema.json', root: 'app', definitions: definitionsAcceptNull(appDocumentDefinitions) },
  { fileName: 'marathon-apps.schema.json', root: 'appBatch', definitions: definitionsAcceptNull(appBatchDocumentDefinitions) },
  { fileName: 'marathon-group.schema.json', root: 'group', definitions: definitionsAcceptNull(groupDocumentDefinitions) },
  { fileName: 'marathon-pod.schema.json', root: 'pod', definitions: definitionsAcceptNull(podDocumentDefinitions) },
  { fileName: 'chronos-job.schema.json', root: 'job', definitions: chronosDocumentDefinitions },
];

function collectRefs(node: unknown, into: Set<string>): void {
  if (Array.isArray(node)) {
    for (const item of node) collectRefs(item, into);
  } else if (node !== null && typeof node === 'object') {
    for (const [key, value] of Object.entries(node)) {
      if (key === '$ref' && typeof value === 'string' && value.startsWith('#/definitions/')) into.add(value.slice('#/definitions/'.length));
      else collectRefs(value, into);
    }
  }
}

/** Names of the definitions reachable from `start`, in a stable (sorted) order. */
function reachable(start: JsonSchema, pool: Record<string, JsonSchema>): string[] {
  const seen = new Set<string>();
  const queue: unknown[] = [start];
  while (queue.length > 0) {
    const found = new Set<string>();
    collectRefs(queue.pop(), found);
    for (const name of found) {
      if (seen.has(name)) continue;
      const def = pool[name];
      if (def === undefined) throw new Error(`schema source: #/definitions/${name} is referenced but not defined`);
      seen.add(name);
      queue.push(def);
    }
  }
  return [...seen].sort();
}

function buildDocumentSchema(source: DocumentSource): JsonSchema {
  const root = source.definitions[source.root];
  if (root === undefined) throw new Error(`schema source: root definition ${source.root} missing for ${source.fileName}`);
  const definitions: Record<string, JsonSchema> = {};
  for (const name of reachable(root, source.definitions)) definitions[name] = source.definitions[name];
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    $id: SCHEMA_BASE_URL + source.fileName,
    ...root,
    definitions,
  };
}

/** File name → published schema text, exactly as written to disk. */
export function renderDocumentSchemas(): Map<string, string> {
  const out = new Map<string, string>();
  for (const source of documentSources) out.set(source.fileName, JSON.stringify(buildDocumentSchema(source), null, 2) + '\n');
  return out;
}
