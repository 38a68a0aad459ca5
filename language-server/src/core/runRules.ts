/** Runs the semantic rules over one parsed document. Positions are attached later, only for what was reported. */
import { rules as allRules } from '../rules/index';
import type { Rule, Report } from '../rules/rule';
import { compareVersions, effectiveSeverity, type Profile } from './profile';
import { collectApps } from './documentModel';
import type { DocumentKind, Severity } from './types';

export interface RuleFinding extends Report {
  ruleId: string;
  severity: Severity;
}

export function ruleApplies(rule: Rule, kind: DocumentKind, profile: Profile): boolean {
  if (!rule.kinds.includes(kind)) return false;
  const v = profile.marathonVersion;
  if (rule.versions?.min && compareVersions(v, rule.versions.min) < 0) return false;
  if (rule.versions?.max && compareVersions(v, rule.versions.max) > 0) return false;
  return effectiveSeverity(profile, rule.id, rule.severity) !== 'off';
}

/** Never throws: a rule that fails on odd input is reported as an `internal-error` finding instead. */
export function runRules(root: unknown, kind: DocumentKind, profile: Profile, rules: readonly Rule[] = allRules): RuleFinding[] {
  const apps = collectApps(root, kind);
  const findings: RuleFinding[] = [];
  for (const rule of rules) {
    if (!ruleApplies(rule, kind, profile)) continue;
    const severity = effectiveSeverity(profile, rule.id, rule.severity) as Severity;
    const ctx = {
      root,
      kind,
      profile,
      apps,
      atLeast: (v: string) => compareVersions(profile.marathonVersion, v) >= 0,
      report: (r: Report) => findings.push({ ...r, ruleId: rule.id, severity }),
    };
    try {
      rule.check(ctx);
    } catch (e) {
      findings.push({
        ruleId: 'internal-error',
        severity: 'warning',
        pointer: '',
        message: `Rule ${rule.id} failed on this document (${(e as Error)?.message ?? e}). Other rules still ran; please report this.`,
      });
    }
  }
  return findings;
}
