/**
 * One problem, one finding: when a semantic rule reports an error on the very value the schema also rejected
 * (e.g. `app-id-pattern` and the schema's id pattern), keep the rule's finding. It carries Marathon's canonical
 * message and usually a fix; the schema's would only repeat it.
 */
import type { Finding } from './finding';
import { valueAt } from './pointer';

export function withoutSchemaDuplicates(root: unknown, schemaFindings: Finding[], ruleFindings: Finding[]): Finding[] {
  if (schemaFindings.length === 0 || ruleFindings.length === 0) return schemaFindings;
  const claimed = new Set<string>();
  for (const f of ruleFindings) if (f.severity === 'error') claimed.add(f.pointer);
  // Only a finding about a value itself (pattern, enum, type, range of a scalar) can be the same problem: a
  // finding on an object (a missing required field, say) and a rule's finding on that object are different ones.
  const aboutScalar = (f: Finding) => {
    const v = valueAt(root, f.pointer);
    return v === null || typeof v !== 'object';
  };
  return schemaFindings.filter((f) => !(claimed.has(f.pointer) && aboutScalar(f)));
}
