/**
 * One mistake, one finding. The schema and the semantic rules look at the same document, and one mistake can
 * trip several of them; this keeps the finding that says most and drops the echoes:
 * - a rule's error on the very value the schema also rejected (e.g. `app-id-pattern` and the schema's id
 *   pattern): the rule's, which carries Marathon's canonical message and usually a fix; also when the profile
 *   turned the rule down to a warning, or off (`withoutTurnedDownEchoes`);
 * - a rule's finding about a missing key and the schema's `required` for the same key: the rule's;
 * - a misspelt key (`"dockerr"`) and the findings about the key it was meant to be missing from the same object
 *   (`docker` is required, a DOCKER container needs `docker`): the misspelling, which names the cause, keeps the
 *   highest severity and says what the missing key breaks.
 * A rule's error in a document the JSON layer rejects is deferred by jsonLayer.ts, not dropped here.
 */
import type { Finding } from './finding';
import { valueAt } from './pointer';
import type { Severity } from './types';

const rank: Record<Severity, number> = { error: 2, warning: 1, info: 0 };

/**
 * `ruleFindings` decide what the schema's findings echo; `shown` are the rule findings as reported (after the
 * JSON layer has deferred some, jsonLayer.ts).
 */
export function oneFindingPerMistake(root: unknown, schemaFindings: readonly Finding[], ruleFindings: readonly Finding[], shown: readonly Finding[] = ruleFindings): Finding[] {
  let schema = schemaFindings;
  if (schema.length > 0 && ruleFindings.length > 0) {
    const claimed = new Set<string>();
    const claimedMissing = new Set<string>();
    for (const f of ruleFindings) {
      if (f.severity === 'error') claimed.add(f.pointer);
      // Only a rule's finding on the object itself says the same as the schema's "has no …" there.
      for (const key of missingKeys(f)) if (key.startsWith(`${f.pointer}\u0000`)) claimedMissing.add(key);
    }
    schema = schema.filter((f) => !(claimed.has(f.pointer) && aboutValue(root, f)) && !missingKeys(f).some((key) => claimedMissing.has(key)));
  }
  const all = [...schema, ...shown];
  return all.some((f) => f.misspelling !== undefined) ? withMisspellingsFirst(all) : all;
}

/**
 * Only a finding about a value itself (pattern, enum, type, range, a forbidden field) can be the same problem as a
 * rule's error there: a finding on an object's keys and a rule's finding on that object are different ones.
 */
function aboutValue(root: unknown, f: Finding): boolean {
  if (f.target !== 'key') return true;
  const v = valueAt(root, f.pointer);
  return v === null || typeof v !== 'object';
}

/**
 * The schema's findings less those on values that a rule of error severity speaks for and the profile turned down
 * (`"app-id-pattern": "warning"`): the rule's finding, at the severity the user chose, is the one finding for that
 * mistake. Left in, the schema's echo stayed an error beside it (two findings, and the error the user had turned
 * down), and it would still count as the JSON-layer error that defers the document's other errors (jsonLayer.ts).
 * Likewise for a rule turned off (`"app-id-pattern": "off"`): `turnedOff` is what it would have reported, and the
 * schema's echo of that mistake goes with it, or turning the rule off would only swap its error for the schema's.
 */
export function withoutTurnedDownEchoes(root: unknown, schemaFindings: readonly Finding[], ruleFindings: readonly Finding[], turnedOff: readonly Finding[] = []): readonly Finding[] {
  let turnedDown: Set<string> | undefined;
  for (const f of ruleFindings) if (f.ruleSeverity === 'error' && f.severity !== 'error') (turnedDown ??= new Set()).add(f.pointer);
  for (const f of turnedOff) (turnedDown ??= new Set()).add(f.pointer);
  return turnedDown ? schemaFindings.filter((f) => !(turnedDown.has(f.pointer) && aboutValue(root, f))) : schemaFindings;
}

/** "<object pointer>\0<key>" for each key the finding says is missing ("a/b" is key b of the object at <pointer>/a). */
function missingKeys(f: Finding): string[] {
  if (f.missing === undefined) return [];
  const keys = typeof f.missing === 'string' ? [f.missing] : f.missing;
  return keys.map((k) => {
    // Path segments are pointer tokens: "dvdi~1driver" is the key "dvdi/driver".
    const slash = k.lastIndexOf('/');
    const object = slash < 0 ? f.pointer : k.startsWith('/') ? k.slice(0, slash) : `${f.pointer}/${k.slice(0, slash)}`;
    return `${object}\u0000${k.slice(slash + 1).replace(/~1/g, '/').replace(/~0/g, '~')}`;
  });
}

function parentOf(pointer: string): string {
  return pointer.slice(0, pointer.lastIndexOf('/'));
}

function withMisspellingsFirst(findings: Finding[]): Finding[] {
  const explained = new Map<string, Finding>(); // "<object pointer>\0<missing key>" → the misspelling finding
  for (const f of findings) if (f.misspelling !== undefined) explained.set(`${parentOf(f.pointer)}\u0000${f.misspelling}`, f);
  const merged = new Map<Finding, Finding>();
  const out: Finding[] = [];
  for (const f of findings) {
    let cause: Finding | undefined;
    for (const key of missingKeys(f)) cause ??= explained.get(key);
    if (!cause || cause === f) {
      out.push(f);
      continue;
    }
    const into = merged.get(cause) ?? { ...cause };
    if (rank[f.severity] > rank[into.severity]) into.severity = f.severity;
    into.message = `${into.message} Without "${cause.misspelling}": ${f.message}`;
    merged.set(cause, into);
  }
  return out.map((f) => merged.get(f) ?? f);
}
