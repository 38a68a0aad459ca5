/** Runs the semantic rules over one parsed document. Positions are attached later, only for what was reported. */
import type { PartSource, Rule, Report } from './rule';
import { compareVersions, effectiveSeverity, type Profile } from './profile';
import { collectApps, type AppRef } from '../model/documentModel';
import type { DocumentKind, Severity } from './types';
import { escapeControls } from './escapeControls';

export interface RuleFinding extends Report {
  ruleId: string;
  severity: Severity;
  /** The rule's own severity (`severity` is the profile's). */
  ruleSeverity?: Severity;
}

/** The rule's severity for this run, or undefined when it does not apply (other kind or version, or turned off). */
function severityFor(rule: Rule, kind: DocumentKind, profile: Profile): Severity | undefined {
  if (!rule.kinds.includes(kind)) return undefined;
  const v = profile.marathonVersion;
  if (rule.versions?.min && compareVersions(v, rule.versions.min) < 0) return undefined;
  if (rule.versions?.max && compareVersions(v, rule.versions.max) > 0) return undefined;
  const severity = effectiveSeverity(profile, rule.id, rule.severity);
  return severity === 'off' ? undefined : severity;
}

/** What every rule of one run shares: the document, its apps, and the profile's version answers. */
export interface RuleRun {
  root: unknown;
  kind: DocumentKind;
  profile: Profile;
  /** One array per run: `perDocument` views are keyed on it. */
  apps: readonly AppRef[];
  atLeast(v: string): boolean;
}

export function prepareRun(root: unknown, kind: DocumentKind, profile: Profile): RuleRun {
  // Rules ask atLeast() per app and per volume; a handful of distinct versions are asked for, so remember them.
  const answers = new Map<string, boolean>();
  const atLeast = (v: string): boolean => {
    let a = answers.get(v);
    if (a === undefined) {
      a = compareVersions(profile.marathonVersion, v) >= 0;
      answers.set(v, a);
    }
    return a;
  };
  return { root, kind, profile, apps: collectApps(root, kind), atLeast };
}

/**
 * Never throws: a rule that fails on odd input is reported as an `internal-error` finding instead. `sourceOf` is
 * for a root-group run (`RuleContext.sourceOf`).
 */
/** Rules echo keys and values from the document; their control characters are shown escaped (escapeControls.ts). */
function shown(r: Report): Report {
  const message = escapeControls(r.message);
  const title = r.fix && escapeControls(r.fix.title);
  if (message === r.message && title === r.fix?.title) return r;
  return { ...r, message, ...(r.fix ? { fix: { ...r.fix, title: title! } } : {}) };
}

export function runRules(root: unknown, kind: DocumentKind, profile: Profile, rules: readonly Rule[], sourceOf?: (pointer: string) => PartSource): RuleFinding[] {
  return runPrepared(prepareRun(root, kind, profile), rules, sourceOf);
}

/**
 * The last run's applicable rules with their severities. A batch of apps runs the rules once per element, on one
 * profile: working this out again for each of 10,000 elements took half the batch's time (~130 rules, each version
 * compared). A profile is not changed once made; its version and rule settings are compared all the same.
 */
let applicable: { rules: readonly Rule[]; kind: DocumentKind; profile: Profile; version: string; settings: Profile['rules']; list: [Rule, Severity][] } | undefined;

function applicableRules(rules: readonly Rule[], kind: DocumentKind, profile: Profile): [Rule, Severity][] {
  const a = applicable;
  if (a && a.rules === rules && a.kind === kind && a.profile === profile && a.version === profile.marathonVersion && a.settings === profile.rules) return a.list;
  const list: [Rule, Severity][] = [];
  for (const rule of rules) {
    const severity = severityFor(rule, kind, profile);
    if (severity !== undefined) list.push([rule, severity]);
  }
  applicable = { rules, kind, profile, version: profile.marathonVersion, settings: profile.rules, list };
  return list;
}

export function runPrepared(run: RuleRun, rules: readonly Rule[], sourceOf?: (pointer: string) => PartSource): RuleFinding[] {
  const { root, kind, profile, apps, atLeast } = run;
  const findings: RuleFinding[] = [];
  for (const [rule, severity] of applicableRules(rules, kind, profile)) {
    const ctx = {
      root,
      kind,
      profile,
      apps,
      atLeast,
      ...(sourceOf ? { sourceOf } : {}),
      report: (r: Report) => findings.push({ ...shown(r), ruleId: rule.id, severity, ruleSeverity: rule.severity }),
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
