/**
 * Which agents Marathon could place an app on: every constraint passes (Constraints.scala), the agent offers
 * resources of an accepted role (`acceptedResourceRoles`, ResourceMatcher.scala), and the region rule holds
 * (an agent outside the master's region only for apps with an `@region`/`@zone` constraint). Sources:
 * ../shared/reference/mesos-master-api.md §4–§5. Resource amounts are not compared: a candidate is an agent
 * Marathon *may* use, not one with room right now.
 */
import { agentRegion, type MesosAgent, type ResourceSummary } from '../mesos/agent';
import { checkConstraint, constraintText, parseConstraints, type PlacementConstraint, type PlacedInstance } from './constraints';
import { gpuCheck } from './gpuCheck';

/** The fields of an app (or pod) definition placement reads. */
export interface PlacementSpec {
  constraints?: unknown;
  acceptedResourceRoles?: unknown;
  role?: unknown;
  /** GPUs the app needs, and its labels (GPU_SCHEDULING_BEHAVIOR): see gpuCheck.ts. */
  gpus?: unknown;
  labels?: unknown;
  /** Its volumes: a `persistent` one makes the app resident (see residentRoles). */
  container?: unknown;
}

export interface AgentPlacement {
  agent: MesosAgent;
  candidate: boolean;
  /** One line per failed check; empty for a candidate. */
  reasons: string[];
}

export interface PlacementOptions {
  /** Instances of the app already placed (for UNIQUE, CLUSTER, GROUP_BY, MAX_PER); default none. */
  placed?: readonly PlacedInstance[];
  /** The master's region (`domain` of /master/state); without it the region rule is not applied. */
  masterRegion?: string;
  /** Why the master's region could not be read; where the rule would matter, it is then named in `undecided`. */
  masterRegionUnknown?: string;
  /**
   * Marathon's enabled features (`features` of /v2/info): whether it gets offers from agents with GPUs at all
   * (gpuCheck.ts). Undefined when /v2/info could not be read: such agents are then named in `undecided` where it matters.
   */
  marathonFeatures?: readonly string[];
  /** The version /v2/info reports: which GPU scheduling behaviour Marathon has by default (gpuCheck.ts). */
  marathonVersion?: string;
  /**
   * Marathon's --accepted_resource_roles_default_behavior, when the caller knows it; /v2/info does not report it.
   * Undefined: agents whose use depends on it are named in `undecided` (see acceptedRoles).
   */
  acceptedResourceRolesDefaultBehavior?: AcceptedRolesDefault;
  /** Constraints to leave out, e.g. hostname:UNIQUE when counting agents for one instance each. */
  ignore?: (c: PlacementConstraint) => boolean;
}

export interface Placement {
  agents: AgentPlacement[];
  candidates: MesosAgent[];
  /** Entries of the definition that could not be read (the app would be refused anyway). */
  problems: string[];
  /** Constraints this tool could not evaluate (with why): the agents they left out may be candidates after all. */
  undecided: string[];
}

/** A task needs cpus or memory of the role; disk or ports alone cannot host one. */
const hasAny = (r: ResourceSummary | undefined): boolean => r !== undefined && ((Number(r.cpus) || 0) > 0 || (Number(r.mem) || 0) > 0);

/** Marathon's --accepted_resource_roles_default_behavior (1.9+; AcceptedResourceRolesDefaultBehavior.scala). */
export type AcceptedRolesDefault = 'any' | 'unreserved' | 'reserved';

const behaviours: readonly AcceptedRolesDefault[] = ['any', 'unreserved', 'reserved'];
const behaviourLabel: Record<AcceptedRolesDefault, string> = { any: 'any (its default)', unreserved: "unreserved (DC/OS's)", reserved: 'reserved' };

interface AcceptedRoles {
  roles: string[];
  /** The app's role, when which of its resources Marathon takes depends on the behaviour, which is not known. */
  undecidedRole?: string;
}

/** MarathonConf.defaultAcceptedResourceRolesSet(role) under `behaviour`. */
function rolesUnder(behaviour: AcceptedRolesDefault, role: string): string[] {
  return behaviour === 'any' ? ['*', role] : behaviour === 'unreserved' ? ['*'] : [role];
}

/**
 * Roles the app accepts offers of: `acceptedResourceRoles`, else Marathon's default, which its
 * --accepted_resource_roles_default_behavior sets (MarathonConf.defaultAcceptedResourceRolesSet): `any` (Marathon's
 * own default) the app's role and `*`, `unreserved` (what DC/OS runs) `*` only, `reserved` the app's role only.
 * /v2/info does not report the flag (marathon-api.md §9): unless the caller says it, `undecidedRole` names the role
 * whose reserved resources, and whose lack of them, may or may not matter (placeApp then tries each behaviour).
 */
function acceptedRoles(spec: PlacementSpec, behaviour: AcceptedRolesDefault | undefined): AcceptedRoles {
  const given = Array.isArray(spec.acceptedResourceRoles) ? spec.acceptedResourceRoles.filter((r): r is string => typeof r === 'string') : [];
  if (given.length > 0) return { roles: given };
  const role = typeof spec.role === 'string' && spec.role !== '' ? spec.role : '*';
  if (role === '*') return { roles: ['*'] };
  return behaviour !== undefined ? { roles: rolesUnder(behaviour, role) } : { roles: ['*', role], undecidedRole: role };
}

/** Does the agent offer resources of one of `roles`? An agent whose resources are not reported passes. */
function roleCheck(agent: MesosAgent, roles: readonly string[]): string | undefined {
  if (agent.unreserved_resources === undefined && agent.reserved_resources === undefined) return undefined;
  const unreserved = hasAny(agent.unreserved_resources);
  const ok = roles.some((r) => (r === '*' ? unreserved : hasAny(agent.reserved_resources?.[r])));
  if (ok) return undefined;
  const reserved = Object.keys(agent.reserved_resources ?? {});
  return `offers no resources for the accepted roles ${JSON.stringify(roles)} (acceptedResourceRoles; its reserved roles: ${reserved.length ? reserved.join(', ') : 'none'}, unreserved: ${unreserved ? 'yes' : 'none'})`;
}

/** An app with a persistent volume (Marathon's `isResident`): its instances first reserve resources. */
function isResident(spec: PlacementSpec): boolean {
  const volumes = typeof spec.container === 'object' && spec.container !== null ? (spec.container as { volumes?: unknown }).volumes : undefined;
  return Array.isArray(volumes) && volumes.some((v) => typeof v === 'object' && v !== null && typeof (v as { persistent?: unknown }).persistent === 'object' && (v as { persistent?: unknown }).persistent !== null);
}

/**
 * The roles a resident app's new instance takes: Marathon reserves only unreserved resources, considering
 * {"*"} ∩ the accepted roles (InstanceOpFactoryImpl.maybeReserveAndCreateVolumes), so none when `*` is not accepted.
 */
const residentRoles = (roles: readonly string[]): string[] => (roles.includes('*') ? ['*'] : []);

/** What an agent offers that only some behaviours take, for the agent's reason and the summary. */
type Split = 'only-reserved' | 'only-unreserved' | 'mixed';

/**
 * An agent the behaviours disagree on (the app's role is not `*` and the behaviour is unknown): `ok` the behaviours
 * under which its resources and GPUs fit, `failing` why under the others.
 */
function splitReason(agent: MesosAgent, role: string, ok: AcceptedRolesDefault[], failing: [AcceptedRolesDefault, string[]][]): { split: Split; reason: string } {
  const only = (b: AcceptedRolesDefault) => ok.length === 2 && !ok.includes(b) && failing[0][1].length === 1 && failing[0][1][0] === roleCheck(agent, rolesUnder(b, role));
  if (only('unreserved'))
    return { split: 'only-reserved', reason: `offers only resources reserved for ${JSON.stringify(role)}, which Marathon uses for an app without acceptedResourceRoles only when --accepted_resource_roles_default_behavior is any or reserved (not unreserved, as on DC/OS)` };
  if (only('reserved'))
    return { split: 'only-unreserved', reason: `offers only unreserved resources, which Marathon uses for an app without acceptedResourceRoles only when --accepted_resource_roles_default_behavior is any or unreserved (not reserved, which takes only resources reserved for ${JSON.stringify(role)})` };
  return { split: 'mixed', reason: `fits an app without acceptedResourceRoles only when --accepted_resource_roles_default_behavior is ${ok.join(' or ')}: ${failing.map(([b, rs]) => `under ${b}: ${rs.join('; ')}`).join('; ')}` };
}

const hostList = (hosts: string[]): string => `${hosts.slice(0, 5).join(', ')}${hosts.length > 5 ? `, … (${hosts.length})` : ''}`;

/**
 * Undecided checks count only for an agent every decided check admits: one left out anyway (inactive, another
 * region, a constraint that fails) is no candidate whatever the answer, and naming it would make `scale` refuse
 * where nothing is in doubt.
 */
export function placeApp(spec: PlacementSpec, agents: readonly MesosAgent[], options: PlacementOptions = {}): Placement {
  const { constraints, problems } = parseConstraints(spec.constraints);
  const used = constraints.filter((c) => !options.ignore?.(c));
  const regionAware = constraints.some((c) => c.field === '@region' || c.field === '@zone');
  const accepted = acceptedRoles(spec, options.acceptedResourceRolesDefaultBehavior);
  const undecided = new Set<string>();
  const roleUndecided = new Map<string, { split: Split; ok: AcceptedRolesDefault[]; hosts: string[] }>();
  const gpuUndecided: string[] = [];
  const appRole = typeof spec.role === 'string' && spec.role !== '' ? spec.role : '*';
  const resident = isResident(spec);
  const out: AgentPlacement[] = agents.map((agent) => {
    const reasons: string[] = [];
    let decidedOut = false;
    const pending: (() => void)[] = [];
    const decided = (reason: string) => {
      reasons.push(reason);
      decidedOut = true;
    };
    if (agent.active === false) decided('is not active (disconnected, deactivated or draining)');
    const region = agentRegion(agent);
    if (options.masterRegion !== undefined && region !== undefined && region !== options.masterRegion && !regionAware) {
      decided(`is in region ${JSON.stringify(region)}, not the master's ${JSON.stringify(options.masterRegion)}; Marathon declines such offers unless the app has an @region or @zone constraint`);
    }
    // Roles and GPUs under a set of accepted roles; GPU features unknown is the same answer under every set.
    const fits = (accepting: string[]) => {
      const roles = resident ? residentRoles(accepting) : accepting;
      const gpu = gpuCheck(agent, spec, appRole, roles, options.marathonFeatures, options.marathonVersion);
      const noReserve = resident && roles.length === 0 ? `the app is resident (persistent volumes): Marathon reserves only unreserved resources for it, and its accepted roles ${JSON.stringify(accepting)} leave out "*", so it never launches` : undefined;
      return { reasons: [noReserve ?? roleCheck(agent, roles), gpu.undecided ? undefined : gpu.reason].filter((r): r is string => r !== undefined), gpuOpen: gpu.undecided ? gpu.reason : undefined };
    };
    const role = accepted.undecidedRole;
    const per = role === undefined ? [fits(accepted.roles)] : behaviours.map((b) => fits(rolesUnder(b, role)));
    const ok = behaviours.filter((_, i) => per[i]?.reasons.length === 0);
    if (role === undefined || ok.length === 0) per[0].reasons.forEach(decided);
    else if (ok.length < behaviours.length) {
      const failing = behaviours.flatMap((b, i): [AcceptedRolesDefault, string[]][] => (ok.includes(b) ? [] : [[b, per[i].reasons]]));
      const { split, reason } = splitReason(agent, role, ok, failing);
      pending.push(() => {
        reasons.push(reason);
        const key = `${split}:${ok.join()}`;
        const entry = roleUndecided.get(key) ?? { split, ok, hosts: [] };
        entry.hosts.push(agent.hostname);
        roleUndecided.set(key, entry);
      });
    }
    const gpuOpen = per[0].gpuOpen;
    if (gpuOpen !== undefined) {
      reasons.push(gpuOpen);
      pending.push(() => gpuUndecided.push(agent.hostname));
    }
    for (const c of used) {
      const r = checkConstraint(c, agent, options.placed ?? []);
      if (r.pass) continue;
      reasons.push(`${constraintText(c)}: ${r.reason}`);
      if (r.undecided) pending.push(() => undecided.add(`${constraintText(c)}: ${r.reason}`));
      else decidedOut = true;
    }
    if (!decidedOut) for (const p of pending) p();
    return { agent, candidate: reasons.length === 0 && pending.length === 0, reasons };
  });
  for (const { split, ok, hosts } of roleUndecided.values()) {
    const role = JSON.stringify(accepted.undecidedRole);
    const n = hosts.length;
    const what = split === 'only-reserved' ? `offer${n === 1 ? 's' : ''} only resources reserved for its role ${role}` : split === 'only-unreserved' ? `offer${n === 1 ? 's' : ''} only unreserved resources` : `fit${n === 1 ? 's' : ''} its resources and GPUs under some behaviours only`;
    const not = behaviours.filter((b) => !ok.includes(b)).map((b) => behaviourLabel[b]);
    undecided.add(`the app has no acceptedResourceRoles, and ${hostList(hosts)} ${what}: Marathon uses ${n === 1 ? 'it' : 'them'} only if its --accepted_resource_roles_default_behavior is ${ok.map((b) => behaviourLabel[b]).join(' or ')}, not if it is ${not.join(' or ')} (any takes ["*",${role}], unreserved ["*"], reserved [${role}]), which /v2/info does not report; set acceptedResourceRoles (["*"], [${role}] or ["*",${role}]) to say which, or tell this tool the flag (--accepted-resource-roles-default-behavior; in VS Code the setting marathon.cluster.acceptedResourceRolesDefaultBehavior)`);
  }
  if (gpuUndecided.length > 0) {
    undecided.add(`${hostList(gpuUndecided)} ha${gpuUndecided.length === 1 ? 's' : 've'} GPUs, which Marathon gets offers from only with --enable_features gpu_resources; its /v2/info (features) could not be read to tell`);
  }
  // Agents of several regions: some lie outside the master's (masters share one region, mesos-master-api.md §4), and
  // without knowing which, agents Marathon would decline are counted as candidates.
  const regions = [...new Set(agents.map(agentRegion).filter((r): r is string => r !== undefined))];
  if (options.masterRegion === undefined && options.masterRegionUnknown !== undefined && !regionAware && regions.length > 1) {
    undecided.add(`the Mesos master's region is unknown (${options.masterRegionUnknown}) while the agents are in regions ${regions.join(', ')}: Marathon declines offers from agents outside the master's region unless the app has an @region or @zone constraint, so the region rule was not applied`);
  }
  return { agents: out, candidates: out.filter((a) => a.candidate).map((a) => a.agent), problems, undecided: [...undecided] };
}

/** True for `["hostname","UNIQUE"]` (or `@hostname`), the "one instance per agent" constraint. */
export const isHostnameUnique = (c: PlacementConstraint): boolean => (c.field === 'hostname' || c.field === '@hostname') && c.operator === 'UNIQUE';
