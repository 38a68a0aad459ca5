/** Rule metadata the formatters need (SARIF's rule table), looked up by id in the engine's list of every rule. */
import { allRules, ruleDocsUrl } from '../index';

const summaries = new Map(allRules.map((r) => [r.id, r.summary]));

export function ruleSummary(id: string): string {
  return summaries.get(id) ?? `marathon-lint check '${id}'`;
}

export function ruleHelpUri(id: string): string {
  return ruleDocsUrl(id);
}
