/**
 * One problem, one finding: when a semantic rule reports an error on the very value the schema also rejected
 * (e.g. `app-id-pattern` and the schema's id pattern), keep the rule's finding. It carries Marathon's canonical
 * message and usually a fix; the schema's would only repeat it.
 */
import type { Finding } from './finding';

export function withoutSchemaDuplicates(schemaFindings: Finding[], ruleFindings: Finding[]): Finding[] {
  if (schemaFindings.length === 0 || ruleFindings.length === 0) return schemaFindings;
  const claimed = new Set<string>();
  for (const f of ruleFindings) if (f.severity === 'error') claimed.add(f.pointer);
  return schemaFindings.filter((f) => !claimed.has(f.pointer));
}
