/**
 * Placement under the role Marathon gives the app (marathonRole.ts): the app is placed as that role. An app Marathon
 * refuses has no candidates and no agent judged, its refusal the one problem. When the facts leave two roles, it is placed under each:
 * an agent on which they agree keeps that answer, one on which they differ is no candidate and named in
 * `undecided`, as placeApp names what it cannot evaluate.
 */
import type { MesosAgent } from '../mesos/agent';
import { placeApp, type Placement, type PlacementOptions, type PlacementSpec } from './candidates';
import type { ResolvedRole } from './marathonRole';

const hostList = (hosts: string[]): string => `${hosts.slice(0, 5).join(', ')}${hosts.length > 5 ? `, … (${hosts.length})` : ''}`;

export function placeUnderRole(spec: PlacementSpec, role: ResolvedRole, agents: readonly MesosAgent[], options: PlacementOptions = {}): Placement {
  if (role.refused !== undefined) {
    // One problem, not the same reason beside every agent: no agent is judged for an app that never launches.
    return { agents: [], candidates: [], problems: [role.refused], undecided: [] };
  }
  // The acceptedResourceRoles Marathon keeps (1.9 drops the ones other than "*" and the role: marathonRole.ts).
  const accepted = role.acceptedResourceRoles === undefined ? {} : { acceptedResourceRoles: role.acceptedResourceRoles };
  const [first, second] = role.roles.map((r) => placeApp({ ...spec, ...accepted, role: r }, agents, options));
  if (second === undefined) return first;
  const under = (p: Placement) => new Set(p.candidates.map((a) => a.id));
  const a = under(first);
  const b = under(second);
  const differ = agents.filter((x) => a.has(x.id) !== b.has(x.id));
  if (differ.length === 0) return { ...first, undecided: [...new Set([...first.undecided, ...second.undecided])] };
  const [ra, rb] = role.roles.map((r) => JSON.stringify(r));
  const out = first.agents.map((p) => {
    if (!differ.includes(p.agent)) return p;
    const why = a.has(p.agent.id) ? `a candidate under role ${ra}, not under ${rb}` : `a candidate under role ${rb}, not under ${ra}`;
    return { agent: p.agent, candidate: false, reasons: [`${why} (${role.open})`] };
  });
  const undecided = `${hostList(differ.map((x) => x.hostname))} ${differ.length === 1 ? 'is a candidate' : 'are candidates'} under one of the roles Marathon may give the app only; it is not known ${role.open}`;
  return { agents: out, candidates: out.filter((p) => p.candidate).map((p) => p.agent), problems: first.problems, undecided: [...new Set([...first.undecided, ...second.undecided, undecided])] };
}
