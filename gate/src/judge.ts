/**
 * The admission decision, pure: request route + body text + deployed state (or none) → findings with
 * Marathon's paths, the checks skipped, or a reason to let the request through unjudged. The lint engine
 * does all the judging; this file only decides what to lint and how Marathon would address each finding.
 */
import { allRules, lint, type Diagnostic, type Profile, type Severity } from '@marathon-devtools/language-server';
import { collectApps } from '@marathon-devtools/language-server/model/documentModel';
import { crossAppFindings, crossAppRuleIds } from './crossApp';
import type { JsonObject } from '@marathon-devtools/language-server/model/documentModel';
import { ancestorIds, externalVolumeNames, type DeployedState } from './deployedState';
import { pointerTokens } from '@marathon-devtools/language-server';
import { marathonPath, relativePointer } from './marathonPath';
import { proposalFor, type LintTarget, type Proposal } from './proposal';
import { externalVolumeIndex, rootGroupVolumePath } from './rootGroupPath';
import type { AdmissionRoute } from './routes';

export interface GateFinding {
  ruleId: string;
  severity: Severity;
  message: string;
  /** Marathon's rendering of where the finding is, for this route. */
  path: string;
  /**
   * Which of Marathon's validation passes would report it (marathon-api.md §13): `app` — a nested app
   * validated alone (paths relative to that app), `document` — the request body, `root` — the new root group.
   */
  pass: 'app' | 'document' | 'root';
  /** The app the finding is about, when the body holds several (a group or a batch). */
  appId?: string;
  /** Marathon's JSON reader rejects this before any validator runs (docs/json-layer.md). */
  jsonLayer?: boolean;
}

export interface Judgement {
  findings: GateFinding[];
  /** Checks not run because the deployed state was unavailable. */
  skipped: string[];
  /** Nothing to judge: forward untouched (the reason is logged). */
  pass?: string;
  proposal?: Proposal;
}

/** Rules that only make sense for a group document (they read its structure); everything else is per app. */
const appRuleIds = new Set(allRules.filter((r) => r.kinds.includes('app') && r.id !== 'schema').map((r) => r.id));
/** Findings of Marathon's JSON reader: its paths run from the request body's root, like play-json's. */
const jsonLayerIds = new Set(allRules.filter((r) => r.id === 'schema' || r.layer === 'json').map((r) => r.id));

export function judge(route: AdmissionRoute, bodyText: string, deployed: DeployedState | undefined, profile: Profile): Judgement {
  let body: unknown;
  try {
    body = JSON.parse(bodyText);
  } catch {
    return { findings: [], skipped: [], pass: 'the body is not JSON (Marathon answers it with its own 400)' };
  }
  const proposal = proposalFor(route, body, bodyText, deployed);
  if (proposal.pass !== undefined && proposal.targets.length === 0) return { findings: [], skipped: [], pass: proposal.pass, proposal };
  const findings: GateFinding[] = [];
  for (const target of proposal.targets) {
    const { diagnostics } = lint(target.text, { kind: target.kind, profile });
    for (const d of diagnostics) {
      if (target.onlyPresentIn && !presentIn(target.onlyPresentIn, d.pointer)) continue;
      findings.push(render(d, target));
    }
  }
  const skipped = [...proposal.skipped];
  if (deployed) findings.push(...crossAppFindings(proposal, deployed, profile));
  // Without the deployed apps, the volume-name check is undecided only for apps that have volume names.
  else if ([...proposal.apps.values()].some((a) => externalVolumeNames(a).length > 0)) skipped.push(...crossAppRuleIds);
  return { findings, skipped, proposal };
}

function render(d: Diagnostic, target: LintTarget): GateFinding {
  const base = { ruleId: d.ruleId, severity: d.severity, message: d.message, ...(jsonLayerIds.has(d.ruleId) ? { jsonLayer: true } : {}) };
  if (base.jsonLayer && target.kind === 'group') return { ...base, path: marathonPath(d.pointer, target.value, d.ruleId), pass: 'document' };
  if (target.kind !== 'group') {
    // A batch element is validated as an app of its own; its paths are relative to it like any single app.
    const appId = target.batchIndex !== undefined && typeof target.value.id === 'string' ? target.value.id : undefined;
    return { ...base, path: marathonPath(d.pointer, target.value, d.ruleId), pass: 'app', appId };
  }
  const refs = collectApps(target.value, 'group');
  if (crossAppRuleIds.includes(d.ruleId)) {
    const ref = refs.find((r) => relativePointer(d.pointer, r.pointer) !== undefined);
    const rel = ref && pointerTokens(relativePointer(d.pointer, ref.pointer)!);
    if (ref?.absoluteId && rel && rel[0] === 'container' && rel[1] === 'volumes') {
      const tree = { groups: ['/', ...refs.flatMap((r) => ancestorIds(r.absoluteId ?? '/'))], apps: refs.map((r) => r.absoluteId ?? '') };
      const path = rootGroupVolumePath(ref.absoluteId, externalVolumeIndex(ref.app, Number(rel[2])), tree);
      return { ...base, path, pass: 'root', appId: ref.absoluteId };
    }
  }
  if (appRuleIds.has(d.ruleId)) {
    // Longest app pointer containing the finding: nested apps are validated alone first (§13 "Whose root?").
    let best: (typeof refs)[number] | undefined;
    for (const r of refs) if (relativePointer(d.pointer, r.pointer) !== undefined && (!best || r.pointer.length > best.pointer.length)) best = r;
    if (best) return { ...base, path: marathonPath(relativePointer(d.pointer, best.pointer)!, best.app, d.ruleId), pass: 'app', appId: best.absoluteId };
  }
  return { ...base, path: marathonPath(d.pointer, target.value, d.ruleId), pass: 'document' };
}

/** True when the pointer names a value the (partial) body holds itself, not the body as a whole. */
function presentIn(body: JsonObject, pointer: string): boolean {
  if (pointer === '') return false;
  let v: unknown = body;
  for (const t of pointerTokens(pointer)) {
    if (typeof v !== 'object' || v === null || !(t in (v as object))) return false;
    v = (v as Record<string, unknown>)[t];
  }
  return true;
}

export function hasErrors(v: Judgement): boolean {
  return v.findings.some((f) => f.severity === 'error');
}
