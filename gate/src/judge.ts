/**
 * The admission decision, pure: request route + body text + deployed state (or none) → findings with
 * Marathon's paths, the checks skipped, or a reason to let the request through unjudged. The lint engine
 * does all the judging; this file only decides what to lint and how Marathon would address each finding.
 */
import { allRules, heldBackByJsonLayer, pointerTokens, type Diagnostic, type Profile, type Severity } from '@marathon-devtools/language-server';
import { collectApps, isObject, resolveId, type AppRef, type JsonObject } from '@marathon-devtools/language-server/model/documentModel';
import { crossAppFindings, crossAppRuleIds, undecidedWithoutState, volumeNameRuleId } from './crossApp';
import { ancestorIds, type DeployedState } from './deployedState';
import { groupFindingsByApp } from './groupByApp';
import { lintTarget } from './lintCache';
import { marathonPath, relativePointer } from './marathonPath';
import { parseBody } from './marathonReader';
import { proposalFor, type LintTarget, type Proposal } from './proposal';
import { externalVolumeIndex, rootGroupVolumePath, type RootTree } from './rootGroupPath';
import { isGroupDryRun, type AdmissionRoute } from './routes';
import { textForLint } from './textForLint';

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
  /** Checks not run, because the deployed state was unavailable or `skippedBecause`. */
  skipped: string[];
  /** Why `skipped` did not run when the deployed state is not the reason. */
  skippedBecause?: string;
  /** Nothing to judge: forward untouched (the reason is logged). */
  pass?: string;
  proposal?: Proposal;
}

/** Rules that only make sense for a group document (they read its structure); everything else is per app. */
const appRuleIds = new Set(allRules.filter((r) => r.kinds.includes('app') && r.id !== 'schema').map((r) => r.id));
/** Findings of Marathon's JSON reader: its paths run from the request body's root, like play-json's. */
const jsonLayerIds = new Set(allRules.filter((r) => r.id === 'schema' || r.layer === 'json').map((r) => r.id));

export function judge(route: AdmissionRoute, bodyText: string, deployed: DeployedState | undefined, profile: Profile): Judgement {
  // Read as Marathon reads it: the value it will deploy, even with content after it.
  const read = parseBody(bodyText);
  if (!read) return { findings: [], skipped: [], pass: 'the body is not JSON (Marathon answers it with its own 400)' };
  const dryRun = isGroupDryRun(route);
  let v: Judgement;
  try {
    v = judgeBody(route, read, dryRun ? undefined : deployed, profile);
  } catch (e) {
    if (!(e instanceof RangeError)) throw e;
    v = judgeAlone(route, read, profile);
  }
  // A dry run skips the root-group validation (marathon-api.md §5): no cross-app check runs, none is undecided.
  if (dryRun) return { findings: v.findings.filter((f) => !crossAppRuleIds.includes(f.ruleId)), skipped: [], pass: v.pass, proposal: v.proposal };
  return v;
}

/**
 * A body nested deeper than the call stack goes (the merge and the caches serialize it, the placement
 * recurses): judged as the engine judges the document alone, which never throws and reports such nesting
 * itself ("nested far deeper than any Marathon definition"); the checks against the deployed apps did not run.
 */
function judgeAlone(route: AdmissionRoute, read: { value: unknown; text: string }, profile: Profile): Judgement {
  const target: LintTarget = { kind: route.kind, value: isObject(read.value) ? read.value : {}, text: read.text };
  // With an id in the URL the body alone is not the definition (the URL's id wins, a PUT or PATCH merges):
  // only findings about values the body holds are kept, as for a partial update without the deployed state.
  const partial = route.urlId !== undefined;
  const findings = lintTarget(target, profile).filter((d) => !partial || presentIn(target.value, d.pointer)).map((d) => render(d, target));
  return { findings, skipped: [...crossAppRuleIds], skippedBecause: 'the body nests too deep to place among the deployed apps' };
}

function judgeBody(route: AdmissionRoute, read: { value: unknown; text: string }, deployed: DeployedState | undefined, profile: Profile): Judgement {
  const proposal = proposalFor(route, read.value, read.text, deployed);
  // Marathon's JSON-reader errors of a target (only on what a partial body holds itself).
  const jsonErrors = (t: LintTarget) => lintTarget(t, profile).filter((d) => d.severity === 'error' && jsonLayerIds.has(d.ruleId) && (!t.onlyPresentIn || presentIn(t.onlyPresentIn, d.pointer)));
  // A rollback is read by Marathon's JSON reader all the same (a `version` that is no date-time is its 422).
  const readFirst = (proposal.readFirst ?? []).flatMap((t) => jsonErrors(t).map((d) => render(d, t)));
  if (proposal.pass !== undefined && proposal.targets.length === 0) {
    if (readFirst.length > 0) return { findings: readFirst, skipped: [], proposal };
    return { findings: [], skipped: [], pass: proposal.pass, proposal };
  }
  // With the deployed state, the root-group rules run once more on the new root group, as marathon-lint
  // --marathon runs them (lintTogether): a placed document's findings of those rules are the ones in context.
  const cross = deployed ? crossAppFindings(proposal, deployed, profile) : undefined;
  const findings: GateFinding[] = [...readFirst];
  // Marathon reads a batch's whole array before it validates any element (marathon-api.md §12: reader paths from the
  // request root): a JSON-reader error in one element holds back the semantic errors of the others, as marathon-lint
  // says them (docs/json-layer.md). An element with a JSON error of its own has had its own held back by the engine.
  const jsonError = (t: LintTarget) => jsonErrors(t).length > 0;
  const batchJsonError = readFirst.length > 0 || proposal.targets.some((t) => t.batchIndex !== undefined && jsonError(t));
  for (const target of proposal.targets) {
    const holdBack = batchJsonError && target.batchIndex !== undefined && !jsonError(target);
    const already = target.stored ? errorsOf(target.stored, profile) : undefined;
    const judgedBefore = target.before ? placesOf(target.before.app, profile) : undefined;
    const inContext = cross?.placed.has(target) === true;
    // A group placed in context: its own findings per app (an unchanged app is not linted again).
    const own = inContext && target.kind === 'group' ? groupFindingsByApp(target.value, target.text, profile) : undefined;
    for (const d of own ?? lintTarget(target, profile)) {
      if (inContext && crossAppRuleIds.includes(d.ruleId)) continue;
      if (target.onlyPresentIn && !presentIn(target.onlyPresentIn, d.pointer)) continue;
      // Reported at the batch's earlier element of this app, unless this element writes that value again.
      // (By rule and place: the earlier finding may read otherwise here, held back behind this element's JSON error.)
      if (judgedBefore?.has(placeKey(d)) && !presentIn(target.before!.update, d.pointer)) continue;
      if (already?.has(findingKey(d))) {
        findings.push(render({ ...d, severity: 'warning', message: `${d.message} (The deployed app is already so: not held against this update, so the app can still be scaled or fixed.)` }, target));
        continue;
      }
      findings.push(render(holdBack && d.severity === 'error' && !jsonLayerIds.has(d.ruleId) ? heldBackByJsonLayer(d) : d, target));
    }
  }
  if (cross) for (const { target, finding } of cross.findings) findings.push(render(finding, target, cross.tree));
  const skipped = [...proposal.skipped, ...(deployed ? [] : undecidedWithoutState(proposal))];
  return { findings, skipped, proposal };
}

type Reported = Pick<Diagnostic, 'ruleId' | 'severity' | 'message' | 'pointer'>;

const findingKey = (d: Reported) => `${d.ruleId}\0${d.pointer}\0${d.message}`;

/** The errors a deployed app has on its own, by rule, place and message. */
function errorsOf(app: JsonObject, profile: Profile): Set<string> {
  return new Set(lintTarget({ kind: 'app', text: JSON.stringify(app) }, profile).filter((d) => d.severity === 'error').map(findingKey));
}

const placeKey = (d: Reported) => `${d.ruleId}\0${d.pointer}`;

/** Where an app has findings on its own, by rule and place. */
function placesOf(app: JsonObject, profile: Profile): Set<string> {
  return new Set(lintTarget({ kind: 'app', text: textForLint(app) }, profile).map(placeKey));
}

function render(d: Reported, target: LintTarget, rootTree?: () => RootTree): GateFinding {
  const base = { ruleId: d.ruleId, severity: d.severity, message: d.message, ...(jsonLayerIds.has(d.ruleId) ? { jsonLayer: true } : {}) };
  if (base.jsonLayer && target.kind === 'group') return { ...base, path: marathonPath(d.pointer, target.value, d.ruleId, d.message), pass: 'document' };
  if (d.ruleId === volumeNameRuleId) {
    const at = volumeAt(d.pointer, target);
    if (at) {
      const tree = rootTree?.() ?? documentTree(target);
      return { ...base, path: rootGroupVolumePath(at.appId, externalVolumeIndex(at.app, at.volume), tree), pass: 'root', appId: at.appId };
    }
  }
  if (target.kind !== 'group') {
    // A batch element is validated as an app of its own; its paths are relative to it like any single app. The
    // JSON reader reads the whole array first, and writes its paths from the request root (marathon-api.md §12).
    const appId = target.batchIndex !== undefined && typeof target.value.id === 'string' ? target.value.id : undefined;
    const path = marathonPath(d.pointer, target.value, d.ruleId, d.message);
    const fromRoot = base.jsonLayer && target.batchIndex !== undefined ? `(${target.batchIndex})${path === '/' ? '' : path}` : path;
    return { ...base, path: fromRoot, pass: 'app', appId };
  }
  if (appRuleIds.has(d.ruleId)) {
    // Longest app pointer containing the finding: nested apps are validated alone first (marathon-api.md §13 "Whose root?").
    let best: AppRef | undefined;
    for (const r of collectApps(target.value, 'group')) if (relativePointer(d.pointer, r.pointer) !== undefined && (!best || r.pointer.length > best.pointer.length)) best = r;
    if (best) return { ...base, path: marathonPath(relativePointer(d.pointer, best.pointer)!, best.app, d.ruleId, d.message), pass: 'app', appId: best.absoluteId };
  }
  return { ...base, path: marathonPath(d.pointer, target.value, d.ruleId, d.message), pass: 'document' };
}

/** The app (absolute id) and volume index a `…/container/volumes/N/…` pointer is about. */
function volumeAt(pointer: string, target: LintTarget): { appId: string; app: JsonObject; volume: number } | undefined {
  if (target.kind === 'app') {
    const t = pointerTokens(pointer);
    if (t[0] !== 'container' || t[1] !== 'volumes' || typeof target.value.id !== 'string') return undefined;
    return { appId: resolveId(target.value.id, '/'), app: target.value, volume: Number(t[2]) };
  }
  if (target.kind !== 'group') return undefined;
  const ref = collectApps(target.value, 'group').find((r) => relativePointer(pointer, r.pointer) !== undefined);
  const rel = ref && pointerTokens(relativePointer(pointer, ref.pointer)!);
  if (!ref?.absoluteId || !rel || rel[0] !== 'container' || rel[1] !== 'volumes') return undefined;
  return { appId: ref.absoluteId, app: ref.app, volume: Number(rel[2]) };
}

/** Without the deployed state, the new root group as far as the document shows it. */
function documentTree(target: LintTarget): RootTree {
  const refs = collectApps(target.value, 'group');
  return { groups: ['/', ...refs.flatMap((r) => ancestorIds(r.absoluteId ?? '/'))], apps: refs.map((r) => r.absoluteId ?? '') };
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
