/**
 * Cross-app checks against the deployed root group: the checks a document alone cannot decide. Today that is
 * the DVDI volume-name conflict Marathon checks on the whole new root group (DVDIProvider.rootGroup,
 * marathon-rules.md, rule dvdi-name-unique-in-root-group). The deployed-state index finds the few deployed apps
 * that share a volume name with the request; the engine's own rule then runs on a group holding only those apps
 * and the proposed ones, so the verdict is the engine's and the cost is independent of the cluster's size.
 */
import { lint, type Profile } from '@marathon-devtools/language-server';
import type { JsonObject } from '@marathon-devtools/language-server/model/documentModel';
import { ancestorIds, externalVolumeNames, type DeployedState } from './deployedState';
import type { GateFinding } from './judge';
import { pointerTokens } from '@marathon-devtools/language-server';
import type { Proposal } from './proposal';
import { externalVolumeIndex, rootGroupVolumePath } from './rootGroupPath';

export const crossAppRuleIds = ['dvdi-name-unique-in-root-group'];

export function crossAppFindings(proposal: Proposal, deployed: DeployedState, profile: Profile): GateFinding[] {
  if (profile.rules['dvdi-name-unique-in-root-group'] === 'off') return [];
  const gone = new Set([...proposal.replaces, ...proposal.apps.keys()]);
  const proposed: [string, JsonObject][] = [];
  const others = new Set<string>();
  for (const [id, app] of proposal.apps) {
    let clash = false;
    for (const name of externalVolumeNames(app)) {
      for (const owner of deployed.ownersOf(name)) {
        if (gone.has(owner)) continue;
        others.add(owner);
        clash = true;
      }
    }
    if (clash) proposed.push([id, app]);
  }
  if (proposed.length === 0) return [];
  // Every app at the root with its absolute id: the rule reads absolute ids only.
  const apps = [...proposed.map(([id, app]) => ({ ...app, id })), ...[...others].map((id) => ({ ...deployed.apps.get(id), id }))];
  const { diagnostics } = lint(JSON.stringify({ id: '/', apps }), { kind: 'group', profile });
  const tree = {
    groups: [...deployed.groups, ...[...proposal.apps.keys()].flatMap(ancestorIds)],
    apps: [...[...deployed.apps.keys()].filter((id) => !gone.has(id)), ...proposal.apps.keys()],
  };
  const out: GateFinding[] = [];
  for (const d of diagnostics) {
    if (!crossAppRuleIds.includes(d.ruleId)) continue;
    const t = pointerTokens(d.pointer); // apps, i, container, volumes, n, external, name
    const i = Number(t[1]);
    if (t[0] !== 'apps' || !(i < proposed.length) || t[3] !== 'volumes') continue; // a deployed app's side of the clash
    const [id, app] = proposed[i];
    const path = rootGroupVolumePath(id, externalVolumeIndex(app, Number(t[4])), tree);
    out.push({ ruleId: d.ruleId, severity: d.severity, message: d.message, path, pass: 'root', appId: id });
  }
  return out;
}
