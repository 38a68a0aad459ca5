/**
 * The document kind for editor features: a `$schema` naming one of our schemas wins, otherwise the
 * engine's shape detection (core/kind.ts) decides.
 */
import { detectKind as detectByShape } from '../core/kind';
import { isObject } from '../model/documentModel';
import type { DocumentKind } from '../core/types';

/** Schema file names per kind, as `$schema` may name them (matched by the file name at the end of the URL). */
export const schemaFileByKind: Record<Exclude<DocumentKind, 'unknown'>, string> = {
  app: 'marathon-app.schema.json',
  group: 'marathon-group.schema.json',
  pod: 'marathon-pod.schema.json',
  'chronos-job': 'chronos-job.schema.json',
};

export function kindFromSchemaRef(ref: unknown): DocumentKind | undefined {
  if (typeof ref !== 'string') return undefined;
  const file = ref.split(/[/#?]/).filter(Boolean).find((p) => p.endsWith('.schema.json'));
  for (const [kind, name] of Object.entries(schemaFileByKind)) if (file === name) return kind as DocumentKind;
  return undefined;
}

export function detectKind(value: unknown): DocumentKind {
  return (isObject(value) ? kindFromSchemaRef(value.$schema) : undefined) ?? detectByShape(value);
}
