/**
 * The `schema` rule: every JSON-layer violation (type, required, enum, range, pattern …) reported by the
 * precompiled validators. Like Spectral's oas3-schema it is one rule, so it can be configured as one.
 * Its findings are produced by core/schemaValidation.ts (they need the validator's errors, not a tree walk),
 * so `check` is empty; the metadata here is what docs, config and hover read.
 */
import type { Rule } from './rule';

export const schemaRule: Rule = {
  id: 'schema',
  severity: 'error',
  kinds: ['app', 'group', 'pod', 'chronos-job'],
  summary: 'The document has the shape Marathon (or Chronos) reads: field types, required fields, enum values, ranges and patterns.',
  marathonMessage: "error.expected.jsstring / error.unknown.enum.literal / 'id' is undefined on object / error.min / error.pattern …",
  fixable: true,
  check() {
    // Findings come from the schema validators in the engine pipeline; see core/schemaValidation.ts.
  },
};
