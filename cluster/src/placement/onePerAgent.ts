/**
 * How many instances a "one per agent" app (hostname:UNIQUE) should have: the active agents that pass every
 * other constraint, the accepted roles and the region rule (../shared/reference/mesos-master-api.md §5, last
 * bullet), or fewer when another constraint counts placed instances (instanceCap.ts). More instances than that leave
 * a deployment that never finishes (Marathon issue #846).
 */
import type { MesosAgent } from '../mesos/agent';
import { isHostnameUnique, placeApp, type AcceptedRolesDefault, type PlacementSpec } from './candidates';
import { parseConstraints } from './constraints';
import { dependsOnPlaced, instanceCap } from './instanceCap';
import type { ResolvedRole } from './marathonRole';
import { placeUnderRole } from './rolePlacement';

export interface OnePerAgentCount {
  /** Instances Marathon can place, one per agent: at most `matching.length`. */
  count: number;
  matching: MesosAgent[];
  /** Agents left out, each with why. */
  excluded: { agent: MesosAgent; reasons: string[] }[];
  /** Unreadable constraints, and a note when the app is not one-per-agent at all. */
  problems: string[];
  /** Constraints that could not be evaluated: `count` is then no answer (see placeApp). */
  undecided: string[];
}

/**
 * `masterRegionUnknown`: why the master's region could not be read; `marathonFeatures`, `marathonVersion`: /v2/info's;
 * `acceptedRolesDefault`: Marathon's --accepted_resource_roles_default_behavior when the user gave it (see placeApp);
 * `role`: the role Marathon gives the app (marathonRole.ts), without which `spec.role` is taken as it is.
 */
export function countOnePerAgent(spec: PlacementSpec, agents: readonly MesosAgent[], masterRegion?: string, masterRegionUnknown?: string, marathonFeatures?: readonly string[], marathonVersion?: string, acceptedRolesDefault?: AcceptedRolesDefault, role?: ResolvedRole): OnePerAgentCount {
  const options = { masterRegion, masterRegionUnknown, marathonFeatures, marathonVersion, acceptedResourceRolesDefaultBehavior: acceptedRolesDefault, ignore: isHostnameUnique };
  const p = role ? placeUnderRole(spec, role, agents, options) : placeApp(spec, agents, options);
  const problems = [...p.problems];
  const constraints = parseConstraints(spec.constraints).constraints;
  if (!constraints.some(isHostnameUnique)) problems.push('the app has no ["hostname","UNIQUE"] constraint, so one instance per agent is not guaranteed; add it before scaling to the agent count');
  // A constraint that counts placed instances may allow fewer instances than there are matching agents.
  const cap = instanceCap(p.candidates, constraints.filter((c) => !isHostnameUnique(c) && dependsOnPlaced(c)));
  const undecided = 'undecided' in cap ? [...p.undecided, cap.undecided] : p.undecided;
  const count = 'count' in cap ? cap.count : p.candidates.length;
  if (count < p.candidates.length) problems.push(`its constraints let Marathon place only ${count} instance${count === 1 ? '' : 's'} on the ${p.candidates.length} matching agents, one per agent`);
  return {
    count,
    matching: p.candidates,
    excluded: p.agents.filter((a) => !a.candidate).map((a) => ({ agent: a.agent, reasons: a.reasons })),
    problems,
    undecided,
  };
}
