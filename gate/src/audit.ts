/**
 * `GET /_gate/audit`: the deployed apps that violate the rules now (Gatekeeper's audit), in the exact JSON
 * format of `marathon-lint --format json`. Each app is linted as its own document, pretty-printed as
 * `GET /v2/apps/{id}` would show its definition, so ranges point into that text; `file` is `marathon:<app id>`.
 * The root-group rules (crossApp.ts: volume names, dependencies, ids, roles) run once over every deployed app; its findings are added to
 * the app they are about, with the pointer relative to that app and the range of the app's first line.
 */
import { lint, type Diagnostic, type Profile } from '@marathon-devtools/language-server';
import { json } from '@marathon-devtools/language-server/cli/formatters/json';
import { crossAppRuleIds } from './crossApp';
import type { DeployedState } from './deployedState';
import { relativePointer } from './marathonPath';

export function auditReport(state: DeployedState, profile: Profile): string {
  const ids = [...state.apps.keys()].sort();
  const byApp = new Map<string, Diagnostic[]>();
  for (const id of ids) {
    const { diagnostics } = lint(JSON.stringify({ ...state.apps.get(id), id }, null, 2), { kind: 'app', profile });
    if (diagnostics.length > 0) byApp.set(id, diagnostics);
  }
  const apps = ids.map((id) => ({ ...state.apps.get(id), id }));
  const whole = lint(JSON.stringify({ id: '/', apps }), { kind: 'group', profile });
  const origin = { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } };
  for (const d of whole.diagnostics) {
    if (!crossAppRuleIds.includes(d.ruleId)) continue;
    const m = /^\/apps\/(\d+)/.exec(d.pointer);
    if (!m) continue;
    const id = ids[Number(m[1])];
    const list = byApp.get(id) ?? [];
    list.push({ ...d, pointer: relativePointer(d.pointer, m[0]) ?? d.pointer, range: origin });
    byApp.set(id, list);
  }
  const results = [...byApp].map(([id, diagnostics]) => ({ file: `marathon:${id}`, kind: 'app' as const, diagnostics }));
  const ctx = { color: false, version: '', ruleSummary: () => '', ruleHelpUri: () => '' };
  return json.format(results, ctx);
}
