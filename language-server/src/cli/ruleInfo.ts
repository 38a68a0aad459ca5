/** Rule metadata the formatters need (SARIF's rule table), looked up by id from the engine's rule list. */
import { rules } from '../rules/index';
import { ruleDocsUrl } from '../rules/rule';

const summaries = new Map(rules.map((r) => [r.id, r.summary]));

export function ruleSummary(id: string): string {
  return summaries.get(id) ?? `marathon-lint check '${id}'`;
}

export function ruleHelpUri(id: string): string {
  return ruleDocsUrl(id);
}
