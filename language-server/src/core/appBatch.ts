/**
 * A batch of apps: the JSON array `PUT /v2/apps` and `PATCH /v2/apps` take (../shared/reference/marathon-api.md §4),
 * every element an app with its `id`. Each element is linted as the app it is, every rule and the schema, its
 * findings moved to `/<i>/…` in the batch, fixes with them.
 *
 * An element is a partial update: `partialUpdate` defaults to true, so Marathon merges it into the deployed app of
 * its id, and fields it leaves out keep their deployed values. Without the deployed apps at hand, only findings about
 * values the element holds are kept ("no cmd" is not the element's to have): what marathon-gate does with a batch it
 * cannot merge (gate/src/proposal.ts `onlyPresentIn`), so marathon-lint and the gate agree. With them (`deployed`,
 * known from the deployed root group), an element is judged merged into the app it updates, still on the values it
 * holds (`instances: 2` of an app with an external volume), and one whose app does not exist is a whole app, as
 * Marathon creates it, and gets every finding.
 */
import { detectKind } from './kind';
import { deferBehindJsonLayer } from './jsonLayer';
import { appBatchRule, schemaRule } from './engineRules';
import type { Finding } from './finding';
import { valueAt } from './pointer';
import { describeType, preview } from './preview';
import { effectiveSeverity, type Profile } from './profile';
import type { Fix, Severity } from './types';
import { isObject, mergeAppUpdate, type JsonObject } from '../model/documentModel';

export interface BatchOptions {
  profile: Profile;
  /** Ids of the JSON-layer rules (jsonLayer.ts): an error of theirs anywhere stops Marathon before any element is validated. */
  jsonLayerIds: ReadonlySet<string>;
  /** By element index: the app the element updates, or null when it creates its app (see above). */
  deployed?: ReadonlyMap<number, JsonObject | null>;
}

/** The findings of a batch; `lintApp` gives one app's findings, pointers relative to it. */
export function batchFindings(root: unknown, lintApp: (app: JsonObject) => Finding[], options: BatchOptions): Finding[] {
  const { profile } = options;
  const schema = severityOf(profile, schemaRule.id, 'error');
  const batch = severityOf(profile, appBatchRule.id, appBatchRule.severity);
  if (!Array.isArray(root)) {
    // marathon-api.md §12: an object sent to PUT /v2/apps is the reader's `error.expected.jsarray`, at path "".
    if (!schema) return [];
    const message =
      `error.expected.jsarray: A batch of apps (PUT /v2/apps, PATCH /v2/apps) is a JSON array, but this document is ${describeType(root)}. ` +
      'Marathon cannot read it and changes nothing. Put the apps in [ … ], each an object with its "id"; a single app goes to POST /v2/apps or PUT /v2/apps/{id} instead.';
    return [{ ruleId: schemaRule.id, severity: schema, pointer: '', message }];
  }
  if (root.length === 0) {
    // Nothing Marathon would refuse, only nothing done: a warning unless the config says otherwise.
    const empty = severityOf(profile, appBatchRule.id, 'warning');
    if (!empty) return [];
    const message = 'This batch holds no apps: PUT /v2/apps with [] updates nothing. Add the apps, each an object with its "id", or leave the file out.';
    return [{ ruleId: appBatchRule.id, severity: empty, pointer: '', message }];
  }
  const schemaFindings: Finding[] = [];
  const others: Finding[] = [];
  for (let i = 0; i < root.length; i++) {
    const el: unknown = root[i];
    const at = `/${i}`;
    if (!isObject(el)) {
      if (schema) schemaFindings.push({ ruleId: schemaRule.id, severity: schema, pointer: at, message: notAnObject(i, el) });
      continue;
    }
    const kind = detectKind(el);
    if (kind === 'pod' || kind === 'group' || kind === 'chronos-job') {
      if (batch) others.push({ ruleId: appBatchRule.id, severity: batch, pointer: at, message: notAnApp(i, kind, el) });
      continue;
    }
    // An update's "id" is optional to Marathon's reader, null being absent (marathon-rules.md §1.1): a null id is the
    // missing id said below, not the app schema's type error.
    const base = options.deployed?.get(i);
    const own = lintApp(base ? mergeAppUpdate(base, el) : el.id === null ? withoutId(el) : el);
    // A misspelt "id" ("iid") is one mistake: its finding already says what the missing id breaks (overlap.ts).
    if ((el.id === undefined || el.id === null) && batch && !own.some(misspeltId)) others.push({ ruleId: appBatchRule.id, severity: batch, pointer: at, message: noId(i) });
    const whole = base === null;
    for (const f of own) {
      if (!whole && !presentIn(el, f.pointer)) continue;
      // A fix found on the merged app may reach into what only the deployed app has: written into the element, it
      // would replace that whole field of the deployed app. Such a fix is left out; the finding stays.
      const g = base && f.fix && !f.fix.edits.every((e) => editsOnlyElement(el, e.pointer, e.op === 'add')) ? { ...f, fix: undefined } : f;
      (f.ruleId === schemaRule.id ? schemaFindings : others).push(inElement(g, at));
    }
  }
  // Marathon reads the whole array before it validates any app (marathon-api.md §12: reader paths run from the
  // request root, `(1)/cpus`): a JSON error in one element holds back the semantic errors of every other.
  return [...schemaFindings, ...deferBehindJsonLayer(options.jsonLayerIds, 'apps', schemaFindings, others)];
}

function severityOf(profile: Profile, id: string, severity: Severity): Severity | undefined {
  const s = effectiveSeverity(profile, id, severity);
  return s === 'off' ? undefined : (s as Severity);
}

/** True when the pointer names a value the element holds itself, not the element as a whole (gate/src/judge.ts `presentIn`). */
function presentIn(el: JsonObject, pointer: string): boolean {
  return pointer !== '' && valueAt(el, pointer) !== undefined;
}

const misspeltId = (f: Finding): boolean => f.misspelling === 'id' && f.pointer.lastIndexOf('/') === 0;

function withoutId(el: JsonObject): JsonObject {
  const { id: _id, ...rest } = el;
  return rest;
}

/** The edit changes a value the element holds, or adds a key to an object it holds (the element itself included). */
function editsOnlyElement(el: JsonObject, pointer: string, adds: boolean): boolean {
  if (!adds) return presentIn(el, pointer);
  const parent = pointer.slice(0, pointer.lastIndexOf('/'));
  return parent === '' || presentIn(el, parent);
}

function inElement(f: Finding, at: string): Finding {
  const out: Finding = { ...f, pointer: at + f.pointer };
  if (f.fix) out.fix = inElementFix(f.fix, at);
  else delete out.fix;
  // An absolute `missing` ("/container/type") is one from the element's root.
  if (typeof f.missing === 'string') out.missing = f.missing.startsWith('/') ? at + f.missing : f.missing;
  else if (f.missing) out.missing = f.missing.map((m) => (m.startsWith('/') ? at + m : m));
  return out;
}

function inElementFix(fix: Fix, at: string): Fix {
  return { ...fix, edits: fix.edits.map((e) => ({ ...e, pointer: at + e.pointer })) };
}

function notAnObject(i: number, el: unknown): string {
  const what = el === null ? 'null' : `${describeType(el)} (${preview(el)})`;
  return (
    `error.expected.jsobject: Element ${i} of this batch is ${what}, but Marathon reads every element of PUT /v2/apps as an app: ` +
    `it answers 422 Invalid JSON at (${i}) and updates none of the batch. Make it an app, an object with its "id" ({"id": "/my/app", …}), or remove it.`
  );
}

function noId(i: number): string {
  return (
    `Marathon rejects the batch: "requirement failed: App Update must have app id set". Element ${i} has no "id", and every element of PUT /v2/apps ` +
    'names the app it creates or updates by its id; Marathon answers 422 and deploys none of the batch. Add "id" (e.g. "/my/app").'
  );
}

function notAnApp(i: number, kind: 'pod' | 'group' | 'chronos-job', el: JsonObject): string {
  const id = typeof el.id === 'string' ? ` ${JSON.stringify(el.id)}` : '';
  if (kind === 'pod') {
    return (
      `Element ${i} is a pod${id} (it has "containers"), but PUT /v2/apps reads every element as an app: Marathon ignores "containers", so no pod is deployed and the element ` +
      'updates or creates an app without them. Send the pod on its own with POST /v2/pods (or PUT /v2/pods/{id}); if this is an app, its field is "container", one object.'
    );
  }
  if (kind === 'group') {
    return (
      `Element ${i} is a group${id} (it has "apps", "groups" or a group's own field), but PUT /v2/apps reads every element as an app: Marathon ignores those fields, so none of ` +
      "the group's apps is deployed. Send the group with PUT /v2/groups, or list its apps in this batch one by one, each with its absolute id."
    );
  }
  return (
    `Element ${i} is a Chronos job (it has "name", "command" and "schedule" or "parents"), but PUT /v2/apps is Marathon's: it reads the element as an app without an "id" ` +
    'and answers 422 "requirement failed: App Update must have app id set". Send the job to Chronos on its own (POST /v1/scheduler/iso8601, or /v1/scheduler/dependency for a job with "parents").'
  );
}
