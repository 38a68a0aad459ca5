/**
 * The candidate bridges for an app: the agents Marathon could place it on (placement/) that run a bridge
 * (discovery/bridges.ts), sorted by hostname; plus the candidates without a bridge and the agents left out with
 * why. Shared by `dvdi-bridge dry-run --app` and the VS Code extension.
 */
import type { CandidateBridge } from '@marathon-devtools/agent-bridge/client/candidateRuns';
import type { MesosAgent } from '../mesos/agent';
import { placeApp, type AcceptedRolesDefault, type Placement, type PlacementSpec } from '../placement/candidates';
import { placeChronosJob } from '../placement/chronosPlacement';
import { defaultRoleNote, type ResolvedRole } from '../placement/marathonRole';
import { placeUnderRole } from '../placement/rolePlacement';
import type { DiscoveredBridge } from './bridges';

export interface Candidates {
  candidates: CandidateBridge[];
  /** Hostnames of candidate agents without a running bridge. */
  noBridge: string[];
  /** Agents Marathon would not place the app on, with why. */
  excluded: { hostname: string; reasons: string[] }[];
  /** Constraints that could not be read. */
  problems: string[];
  /** Placement rules that could not be evaluated (see placeApp): the candidates may be too few or too many. */
  undecided: string[];
  /** The role Marathon gives an app that sets none, when it is not `*`, and why (marathonRole.ts defaultRoleNote). */
  roleNote?: string;
  /** Decided facts worth saying before the runs: a Chronos job's constraints that Chronos drops. */
  notes?: string[];
}

/**
 * `marathonFeatures`, `marathonVersion`: /v2/info's, undefined when they could not be read; `acceptedRolesDefault`:
 * Marathon's --accepted_resource_roles_default_behavior when the user gave it (see placeApp); `role`: the role Marathon
 * gives the app (placement/marathonRole.ts), without which `spec.role` is taken as it is.
 */
export function candidateBridges(spec: PlacementSpec, agents: readonly MesosAgent[], bridges: readonly DiscoveredBridge[], masterRegion?: string, masterRegionUnknown?: string, marathonFeatures?: readonly string[], marathonVersion?: string, acceptedRolesDefault?: AcceptedRolesDefault, role?: ResolvedRole): Candidates {
  const options = { masterRegion, masterRegionUnknown, marathonFeatures, marathonVersion, acceptedResourceRolesDefaultBehavior: acceptedRolesDefault };
  const p = role ? placeUnderRole(spec, role, agents, options) : placeApp(spec, agents, options);
  const roleNote = role && defaultRoleNote(role);
  return { ...withBridges(p, bridges), ...(roleNote ? { roleNote } : {}) };
}

/**
 * The candidate bridges for a Chronos job: the agents Chronos could run it on (placement/chronosPlacement.ts: its own
 * constraint operators, the master's region), not Marathon's placement, that run a bridge. Shared by `dvdi-bridge
 * dry-run --app` and the VS Code extension.
 */
export function chronosCandidateBridges(job: { constraints?: unknown }, agents: readonly MesosAgent[], bridges: readonly DiscoveredBridge[], masterRegion?: string, masterRegionUnknown?: string): Candidates {
  const p = placeChronosJob(job, agents, { masterRegion, masterRegionUnknown });
  return { ...withBridges(p, bridges), ...(p.notes.length ? { notes: p.notes } : {}) };
}

/** The placed agents joined with the running bridges (by agent id, else hostname), sorted by hostname. */
function withBridges(p: Placement, bridges: readonly DiscoveredBridge[]): Candidates {
  const byAgent = new Map(bridges.map((b) => [b.agentId ?? b.hostname, b]));
  const candidates: CandidateBridge[] = [];
  const noBridge: string[] = [];
  for (const a of p.candidates) {
    const b = byAgent.get(a.id) ?? byAgent.get(a.hostname);
    if (b) candidates.push({ agent: a.id, hostname: a.hostname, ...(b.zone ? { zone: b.zone } : {}), ...(b.region ? { region: b.region } : {}), url: b.url });
    else noBridge.push(a.hostname);
  }
  candidates.sort((x, y) => x.hostname.localeCompare(y.hostname));
  return { candidates, noBridge, excluded: p.agents.filter((a) => !a.candidate).map((a) => ({ hostname: a.agent.hostname, reasons: a.reasons })), problems: p.problems, undecided: p.undecided };
}
