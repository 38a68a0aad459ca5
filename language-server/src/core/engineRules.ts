/**
 * Metadata of the findings the engine itself produces (not semantic rules): they need ids, default
 * severities and docs like any rule, so that `rules` in the config, the docs and hover treat them alike.
 */
import type { RuleMeta } from './rule';

/**
 * The `schema` rule: every JSON-layer violation (type, required, enum, range, pattern …) reported by the
 * precompiled validators. Like Spectral's oas3-schema it is one rule, so it can be configured as one.
 * Its findings come from schemaValidation.ts (they need the validator's errors, not a tree walk).
 */
export const schemaRule: RuleMeta = {
  id: 'schema',
  severity: 'error',
  kinds: ['app', 'apps', 'group', 'pod', 'chronos-job'],
  layer: 'json',
  summary: 'The document has the shape Marathon (or Chronos) reads: field types, required fields, enum values, ranges and patterns.',
  marathonMessage: "error.expected.jsstring / error.unknown.enum.literal / 'id' is undefined on object / error.min / error.pattern …",
  fixable: true,
};

/**
 * A batch of apps (`PUT /v2/apps`, an array: marathon-api.md §4) holds apps, each with its id: what the batch itself
 * requires beyond its elements' own checks (appBatch.ts). An element that is no JSON object is the schema's
 * (Marathon's JSON reader refuses it).
 */
export const appBatchRule: RuleMeta = {
  id: 'app-batch',
  severity: 'error',
  kinds: ['apps'],
  summary: 'Every element of a batch of apps (PUT /v2/apps) is an app with its "id": not a pod, a group or a Chronos job.',
  marathonMessage: 'requirement failed: App Update must have app id set',
};

export const engineRules: readonly RuleMeta[] = [
  {
    id: 'syntax',
    severity: 'error',
    kinds: ['app', 'apps', 'group', 'pod', 'chronos-job', 'unknown'],
    summary: 'The document is well-formed JSON: not empty, not binary, no comments, no trailing commas, double-quoted strings.',
    marathonMessage: 'Invalid JSON',
  },
  {
    id: 'no-duplicate-keys',
    severity: 'warning',
    kinds: ['app', 'apps', 'group', 'pod', 'chronos-job', 'unknown'],
    summary: 'No object has the same key twice (Marathon silently keeps the last one).',
  },
  {
    id: 'unknown-kind',
    severity: 'info',
    kinds: ['unknown'],
    summary: 'The document is recognisable as an app, group, pod or Chronos job.',
  },
  schemaRule,
  appBatchRule,
  {
    id: 'config',
    severity: 'error',
    kinds: [],
    summary: 'marathon-lint.config.json is valid: known keys, supported Marathon version, known features and rule ids.',
  },
  {
    id: 'internal-error',
    severity: 'warning',
    kinds: [],
    summary: 'A rule failed on this document; the other rules still ran. Please report it.',
  },
];
