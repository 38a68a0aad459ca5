/**
 * Metadata of the findings the engine itself produces (not semantic rules): they need ids, default
 * severities and docs like any rule, so that `rules` in the config, the docs and hover treat them alike.
 */
import type { RuleMeta } from '../rules/rule';
import { schemaRule } from '../rules/schema';

const { check: _check, ...schemaMeta } = schemaRule;

export const engineRules: readonly RuleMeta[] = [
  {
    id: 'syntax',
    severity: 'error',
    kinds: ['app', 'group', 'pod', 'chronos-job', 'unknown'],
    summary: 'The document is well-formed JSON: not empty, not binary, no comments, no trailing commas, double-quoted strings.',
    marathonMessage: 'Invalid JSON',
  },
  {
    id: 'no-duplicate-keys',
    severity: 'warning',
    kinds: ['app', 'group', 'pod', 'chronos-job', 'unknown'],
    summary: 'No object has the same key twice (Marathon silently keeps the last one).',
  },
  {
    id: 'unknown-kind',
    severity: 'info',
    kinds: ['unknown'],
    summary: 'The document is recognisable as an app, group, pod or Chronos job.',
  },
  schemaMeta,
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
