/**
 * What features know beyond the document: the schemas, the dvdi drivers and the rules' metadata.
 * Passed in (never imported from the server), so features stay pure and testable with inline data.
 */
import type { DocumentKind } from '../core/types';
import type { RuleMeta } from '../core/rule';
import { createSchemaStore, type SchemaNode, type SchemaStore } from '../model/schemaNavigator';
import { documentSchemaFiles } from '@marathon-devtools/schema/schemaIds';
import type { DriverInfo } from '../model/drivers/index';

export interface FeatureContext {
  schemas: SchemaStore;
  /** The root schema for a document kind, if there is one. */
  schemaFor(kind: DocumentKind): SchemaNode | undefined;
  drivers: DriverInfo[];
  ruleMeta(id: string): RuleMeta | undefined;
}

export function createFeatureContext(schemas: Record<string, SchemaNode>, drivers: DriverInfo[], rules: readonly RuleMeta[]): FeatureContext {
  const store = createSchemaStore(schemas);
  const byId = new Map(rules.map((r) => [r.id, r]));
  return {
    schemas: store,
    schemaFor: (kind) => (kind === 'unknown' ? undefined : store.get(documentSchemaFiles[kind])),
    drivers,
    ruleMeta: (id) => byId.get(id),
  };
}
