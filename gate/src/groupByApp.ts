/**
 * A group body's own findings, kept per app, so an unchanged app in a group PUT is not linted again (a 1,000-app
 * group with one app changed costs one app's lint, not the group's). The findings of a group document are those
 * of its apps, each as the app alone, plus those of the group around them (its own fields, the apps' ids):
 * - an app's part is cached by the app's JSON text: its findings with pointers relative to the app;
 * - the group's part is cached by the group's "skeleton": every app replaced by `{ id, cmd }`, so only the
 *   group-only rules (ids, nesting, enforceRole) see the apps, and nothing is reported inside the stubs.
 * The root-group rules are not part of either: the caller runs them on the placed root group (crossApp.ts).
 * The sum equals the engine's own lint of the whole body (gate/test/groupByApp.test.ts: every group fixture and
 * corpus file, and random groups) when no part has an error. With an error somewhere it may not: when Marathon's
 * JSON reader fails anywhere in the body, the engine shows the semantic errors of the whole body as info
 * (docs/json-layer.md). So a body with an error is linted whole; it is refused anyway, and the whole lint is
 * cached by its text too.
 */
import { allRules, rootGroupRules, type Diagnostic, type Profile } from '@marathon-devtools/language-server';
import { collectApps, isObject, type JsonObject } from '@marathon-devtools/language-server/model/documentModel';
import { cacheChars, perProfile } from './contentCache';
import { lintTarget } from './lintCache';
import { textForLint } from './textForLint';

export type OwnFinding = Pick<Diagnostic, 'ruleId' | 'severity' | 'message' | 'pointer'>;

const rootGroupIds = new Set([...rootGroupRules.always, ...rootGroupRules.withCluster].map((r) => r.id));
/** Rules that read a group document's structure (ids, nesting) rather than an app: they belong to the group's part. */
const groupOnly = new Set(allRules.filter((r) => r.kinds.includes('group') && !r.kinds.includes('app')).map((r) => r.id));
/** Rules an app document runs that a group document does not (app-only): an app's part leaves them out. */
const notInGroups = new Set(allRules.filter((r) => r.kinds.length > 0 && r.kinds.includes('app') && !r.kinds.includes('group')).map((r) => r.id));

const appsFor = perProfile<Profile, readonly OwnFinding[]>(cacheChars.apps);
const groupsFor = perProfile<Profile, readonly OwnFinding[]>(cacheChars.skeletons);
/** Whole bodies already assembled: a body sent again costs one lookup. */
const bodiesFor = perProfile<Profile, readonly OwnFinding[]>(cacheChars.bodies);

/** An error anywhere may be, or hide, a failure of Marathon's reader that changes the other parts' severities. */
const hasError = (ds: readonly OwnFinding[]) => ds.some((d) => d.severity === 'error');

function inside(pointer: string, base: string): boolean {
  return pointer === base || pointer.startsWith(base + '/');
}

/**
 * The body with every app replaced by a stub holding its id (groups copied along the way, nothing else);
 * undefined when an app has no string id.
 */
function skeletonOf(group: JsonObject): JsonObject | undefined {
  const out: JsonObject = { ...group };
  if (Array.isArray(group.apps)) {
    const stubs: unknown[] = [];
    for (const a of group.apps) {
      if (!isObject(a)) stubs.push(a);
      else if (typeof a.id !== 'string') return undefined;
      else stubs.push({ id: a.id, cmd: 'x' });
    }
    out.apps = stubs;
  }
  if (Array.isArray(group.groups)) {
    const groups: unknown[] = [];
    for (const g of group.groups) {
      const sub = isObject(g) ? skeletonOf(g) : g;
      if (sub === undefined) return undefined;
      groups.push(sub);
    }
    out.groups = groups;
  }
  return out;
}

/**
 * The group body's findings without the root-group rules, assembled from the per-app and per-group caches;
 * undefined when the body must be linted whole (an app without an id, an error in some part).
 */
export function groupFindingsByApp(value: JsonObject, text: string, profile: Profile, wholeAbove = 0.5): readonly OwnFinding[] | undefined {
  const bodies = bodiesFor(profile);
  const seen = bodies.get(text);
  if (seen) return seen;
  const refs = collectApps(value, 'group');
  const skeleton = skeletonOf(value);
  if (!skeleton) return undefined;
  const apps = appsFor(profile);
  const groups = groupsFor(profile);
  const appTexts = refs.map((r) => textForLint(r.app));
  const skeletonText = textForLint(skeleton);
  const cached = appTexts.map((t) => apps.get(t));
  let own = groups.get(skeletonText);
  const misses = cached.filter((c) => c === undefined).length;

  if (misses > refs.length * wholeAbove || (refs.length === 0 && wholeAbove === 0)) {
    // Mostly new (more than `wholeAbove` of the apps): one lint of the whole body is cheaper than one per app;
    // its findings are cut into the parts.
    const whole = lintTarget({ kind: 'group', text }, profile).filter((d) => !rootGroupIds.has(d.ruleId));
    if (hasError(whole)) return undefined;
    const parts = refs.map((): OwnFinding[] => []);
    const rest: OwnFinding[] = [];
    for (const d of whole) {
      // The app holding the finding (apps do not nest, so at most one); group-only rules belong to the group.
      const i = groupOnly.has(d.ruleId) ? -1 : refs.findIndex((r) => inside(d.pointer, r.pointer));
      if (i === -1) rest.push(d);
      else parts[i].push({ ruleId: d.ruleId, severity: d.severity, message: d.message, pointer: d.pointer.slice(refs[i].pointer.length) });
    }
    refs.forEach((_, i) => apps.set(appTexts[i], (cached[i] = parts[i])));
    groups.set(skeletonText, (own = rest));
  }

  // Assembled the same way whichever path filled the caches, so a body gets the same answer every time.
  const out: OwnFinding[] = [];
  for (let i = 0; i < refs.length; i++) {
    let part = cached[i];
    if (part === undefined) {
      part = lintTarget({ kind: 'app', text: appTexts[i] }, profile).filter((d) => !rootGroupIds.has(d.ruleId) && !notInGroups.has(d.ruleId));
      if (hasError(part)) return undefined;
      apps.set(appTexts[i], part);
    }
    for (const d of part) out.push({ ruleId: d.ruleId, severity: d.severity, message: d.message, pointer: refs[i].pointer + d.pointer });
  }
  if (own === undefined) {
    const linted = lintTarget({ kind: 'group', text: skeletonText }, profile);
    own = linted.filter((d) => !rootGroupIds.has(d.ruleId) && (groupOnly.has(d.ruleId) || !refs.some((r) => inside(d.pointer, r.pointer))));
    if (hasError(own)) return undefined;
    groups.set(skeletonText, own);
  }
  out.push(...own);
  bodies.set(text, out);
  return out;
}
