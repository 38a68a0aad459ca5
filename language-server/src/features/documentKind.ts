/**
 * Guesses what a JSON value is by its shape, the way a reader would: used to decide which schema
 * drives completion/hover before (or without) the engine's verdict, e.g. in half-typed text.
 */
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
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return 'unknown';
  const v = value as Record<string, unknown>;
  const bySchema = kindFromSchemaRef(v.$schema);
  if (bySchema) return bySchema;
  if (Array.isArray(v.containers)) return 'pod';
  if (Array.isArray(v.apps) || Array.isArray(v.groups) || Array.isArray(v.pods)) return 'group';
  const chronosKeys = ['schedule', 'parents', 'scheduleTimeZone', 'epsilon', 'ownerName'];
  if (typeof v.name === 'string' && chronosKeys.some((k) => k in v)) return 'chronos-job';
  const appKeys = ['cmd', 'args', 'container', 'instances', 'cpus', 'mem', 'healthChecks', 'portDefinitions', 'upgradeStrategy'];
  if (typeof v.id === 'string' && appKeys.some((k) => k in v)) return 'app';
  return 'unknown';
}
