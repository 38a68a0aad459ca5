/**
 * Marathon reads a request in layers (marathon-rules.md §1): the JSON/RAML reader first, and only a document it
 * could read reaches normalization and the semantic validators. When the reader fails, Marathon answers with
 * those errors alone ("Invalid JSON") and never gets to the rest. So when this document has JSON-layer errors,
 * the semantic errors are still shown, but as `info` with a note: the first thing to fix is what Marathon names
 * (docs/json-layer.md). CLI and server both get this from `lint`, so they agree.
 */
import type { Finding } from './finding';
import type { RuleMeta } from './rule';
import type { DocumentKind } from './types';

/** Ids of the rules that belong to the JSON layer (`layer: 'json'`), computed once per linter. */
export function jsonLayerRuleIds(rules: readonly RuleMeta[]): ReadonlySet<string> {
  const ids = new Set<string>();
  for (const r of rules) if (r.layer === 'json') ids.add(r.id);
  return ids;
}

const deferredNote =
  ' Marathon would report this only after the JSON errors in this document are fixed: it stops at the first layer that fails.';

/**
 * A semantic error Marathon holds back behind a JSON-layer error: `info`, with the note. For a caller that lints the
 * parts of one request apart (marathon-gate, each element of a batch of apps) and knows of a JSON error in another.
 */
export function heldBackByJsonLayer<F extends { severity: string; message: string }>(f: F): F {
  return { ...f, severity: 'info', message: f.message + deferredNote };
}

/**
 * `schemaFindings` before overlap removal: a rule error on the very value the schema rejected (e.g. an empty
 * `containers` list, a constraint of one field) stands for that JSON error and stays an error. Chronos reads its
 * jobs in one step, so this is for Marathon's documents only.
 */
export function deferBehindJsonLayer(jsonLayerRules: ReadonlySet<string>, kind: DocumentKind, schemaFindings: readonly Finding[], ruleFindings: Finding[]): Finding[] {
  if (kind === 'chronos-job' || ruleFindings.length === 0) return ruleFindings;
  let failed = false;
  const jsonValues = new Set<string>();
  for (const f of schemaFindings) {
    if (f.severity !== 'error') continue;
    failed = true;
    jsonValues.add(f.pointer);
  }
  if (!failed) failed = ruleFindings.some((f) => f.severity === 'error' && jsonLayerRules.has(f.ruleId));
  if (!failed) return ruleFindings;
  return ruleFindings.map((f) =>
    f.severity !== 'error' || jsonLayerRules.has(f.ruleId) || jsonValues.has(f.pointer) ? f : heldBackByJsonLayer(f),
  );
}
