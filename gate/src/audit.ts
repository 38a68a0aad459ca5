/**
 * `GET /_gate/audit`: the deployed apps that violate the rules now (Gatekeeper's audit), in the exact JSON
 * format of `marathon-lint --format json`. Each app is linted as its own document, pretty-printed as
 * `GET /v2/apps/{id}` would show its definition, so ranges point into that text; `file` is `marathon:<app id>`.
 * The root-group rules (crossApp.ts: volume names, dependencies, ids, roles) run once, as the engine runs them,
 * on the whole deployed root group; their findings are added to the app they are about, with the pointer
 * relative to that app and the range of the app's first line.
 */
import { checkRootGroup, lint, placeIntoRootGroup, ruleDocsUrl, type Diagnostic, type Profile } from '@marathon-devtools/language-server';
import { json } from '@marathon-devtools/language-server/cli/formatters/json';
import { collectApps } from '@marathon-devtools/language-server/model/documentModel';
import { inContextRules } from './crossApp';
import type { DeployedState } from './deployedState';
import { relativePointer } from './marathonPath';
import { wholeRoot } from './relevantRoot';

export function auditReport(state: DeployedState, profile: Profile): string {
  const ids = [...state.apps.keys()].sort();
  const byApp = new Map<string, Diagnostic[]>();
  for (const id of ids) {
    const { diagnostics } = lint(JSON.stringify({ ...state.apps.get(id), id }, null, 2), { kind: 'app', profile });
    if (diagnostics.length > 0) byApp.set(id, diagnostics);
  }
  const root = wholeRoot(state);
  const placed = placeIntoRootGroup(undefined, [{ kind: 'group', value: root }]);
  const apps = collectApps(root, 'group');
  const origin = { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } };
  for (const f of checkRootGroup(placed, profile, inContextRules)) {
    const app = apps.find((a) => relativePointer(f.pointer, a.pointer) !== undefined);
    if (!app?.absoluteId) continue;
    const list = byApp.get(app.absoluteId) ?? [];
    list.push({ ruleId: f.ruleId, severity: f.severity, message: f.message, pointer: relativePointer(f.pointer, app.pointer)!, range: origin, docsUrl: ruleDocsUrl(f.ruleId) });
    byApp.set(app.absoluteId, list);
  }
  const results = [...byApp].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([id, diagnostics]) => ({ file: `marathon:${id}`, kind: 'app' as const, diagnostics }));
  const ctx = { color: false, version: '', ruleSummary: () => '', ruleHelpUri: () => '' };
  return json.format(results, ctx);
}
