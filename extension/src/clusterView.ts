/**
 * The cluster as Test mount sees it, without VS Code: the bridge app's running tasks in Marathon joined with the
 * Mesos master's agents and region (fetchClusterView), and the agents Marathon could place an app on
 * (clusterCandidates). clusterBridges.ts caches it and keeps the tokens.
 */
import { bridgeScheme, joinBridges, type DiscoveredBridge } from '@marathon-devtools/cluster/discovery/bridges';
import { marathonApps } from '@marathon-devtools/cluster/discovery/marathonApps';
import { MesosMasterClient } from '@marathon-devtools/cluster/mesos/client';
import { agentRegion, type MesosAgent } from '@marathon-devtools/cluster/mesos/agent';
import type { AcceptedRolesDefault, PlacementSpec } from '@marathon-devtools/cluster/placement/candidates';
import { candidateBridges, chronosCandidateBridges, type Candidates } from '@marathon-devtools/cluster/discovery/candidates';
import { resolveAppRole, roleFacts, type AppSource, type RoleFacts } from '@marathon-devtools/cluster/placement/marathonRole';
import type { ClusterLinkSettings } from '@marathon-devtools/language-server/protocol';
import { clientOptionsFor } from '@marathon-devtools/language-server/live/clusterSnapshot';
import { editorClusterAccess } from '@marathon-devtools/language-server/live/editorClusterAccess';
import { volumeOwners } from './volumeOwner';
import { masterAccess } from './masterAccess';

export interface ClusterSettings extends Pick<ClusterLinkSettings, 'tokenFile' | 'credentialsFile' | 'caFile' | 'timeoutSeconds'> {
  marathonUrl: string;
  mesosUrl: string;
  bridgeApp: string;
  /**
   * Marathon's --accepted_resource_roles_default_behavior (`marathon.cluster.acceptedResourceRolesDefaultBehavior`),
   * which /v2/info does not report; undefined: placement names the agents whose use depends on it.
   */
  acceptedRolesDefault?: AcceptedRolesDefault;
  /** Why the server does not follow this cluster (server/clusterSettings.ts), said instead of reading it regardless. */
  rejected?: string;
}

export interface ClusterView {
  agents: MesosAgent[];
  masterRegion?: string;
  /** Why the master's region could not be read (`GET <master>/master/state: …`); undefined when it was. */
  masterRegionUnknown?: string;
  /** Marathon's enabled features (/v2/info); undefined when they could not be read. */
  marathonFeatures?: string[];
  /** The version /v2/info reports (which GPU scheduling behaviour is Marathon's default); undefined with the features. */
  marathonVersion?: string;
  /** /v2/info's version and roles and the deployed root group: the role Marathon gives an app (marathonRole.ts). */
  roleFacts: RoleFacts;
  bridges: DiscoveredBridge[];
  skipped: string[];
  at: number;
}

/**
 * One read of the cluster, with the access the language server lints with (live/editorClusterAccess.ts): `token`, the
 * one from "Marathon: Connect to Cluster", else the token or credentials file; under DC/OS one token serves Marathon
 * and the master (mesos-master-api.md §6), a plain master takes the same credentials as basic auth; the user info of
 * marathon.cluster.url only through the same origin (masterAccess.ts); the CA file for both.
 * The files are read at each read (every 30 s at most: clusterViewCache.ts), so a token replaced in its file is used.
 */
export async function fetchClusterView(s: ClusterSettings, token: string | undefined, timeoutMs?: number): Promise<ClusterView> {
  if (s.rejected) throw new Error(s.rejected);
  if (!s.mesosUrl) throw new Error('Set "marathon.cluster.mesosUrl" (the Mesos master, e.g. http://leader.mesos:5050) to find the bridges.');
  const access = editorClusterAccess({ ...s, url: s.marathonUrl, ...(timeoutMs !== undefined ? { timeoutSeconds: timeoutMs / 1000 } : {}) }, token);
  const options = clientOptionsFor(access);
  const marathon = marathonApps(options);
  const master = masterAccess(s.marathonUrl, s.mesosUrl, options.currentAuth?.() ?? options.auth, access.authHint ?? '');
  const mesos = new MesosMasterClient({ url: s.mesosUrl, authorization: master.authorization, ca: options.ca, timeoutMs: options.timeoutMs, urlHint: 'marathon.cluster.mesosUrl', authHint: master.authHint, caHint: access.caHint });
  const [app, tasks, slaves, masterRegion, features, rootGroup] = await Promise.all([marathon.getApp(s.bridgeApp), marathon.getAppTasks(s.bridgeApp), mesos.getAgents(), mesos.getMasterRegion().then((name) => ({ name }), (e: Error) => ({ name: undefined, unknown: e.message })), marathon.getFeatures(), marathon.getRootGroup()]);
  const d = joinBridges(tasks, slaves.slaves, bridgeScheme(app));
  return { agents: slaves.slaves, masterRegion: masterRegion.name, ...('unknown' in masterRegion ? { masterRegionUnknown: masterRegion.unknown } : {}), ...('features' in features ? { marathonFeatures: features.features, marathonVersion: features.version } : {}), roleFacts: roleFacts(features, rootGroup), bridges: d.bridges, skipped: d.skipped.map((x) => `${x.host}: ${x.why}`), at: Date.now() };
}

/**
 * The agents Marathon could place `spec` on that run a bridge, sorted by hostname, under the role Marathon gives it
 * (`source`: its absolute id and the group body listing it; placement/marathonRole.ts). A master region that could not
 * be read is in `undecided` whenever it could change the pick: placement names it for agents in several regions;
 * here also for agents all in one region, which may still not be the master's (mesos-master-api.md §4: agents
 * outside it are declined unless the app has an @region or @zone constraint). Only agents without any domain, or
 * an app that places by region itself, make the master's region irrelevant.
 */
export function clusterCandidates(view: ClusterView, spec: PlacementSpec, acceptedRolesDefault?: AcceptedRolesDefault, source: AppSource = {}): Candidates {
  const role = resolveAppRole(spec, source, view.roleFacts);
  const c = candidateBridges(spec, view.agents, view.bridges, view.masterRegion, view.masterRegionUnknown, view.marathonFeatures, view.marathonVersion, acceptedRolesDefault, role);
  const unknown = view.masterRegionUnknown;
  if (unknown === undefined || c.undecided.some((u) => u.includes(unknown))) return c;
  const regions = [...new Set(view.agents.map(agentRegion).filter((r): r is string => r !== undefined))];
  const regionAware = Array.isArray(spec.constraints) && spec.constraints.some((x) => Array.isArray(x) && (x[0] === '@region' || x[0] === '@zone'));
  if (regions.length === 0 || regionAware) return c;
  const why = `the Mesos master's region is unknown (${unknown}) while the agents are in region ${regions.join(', ')}: Marathon declines offers from agents outside the master's region unless the app has an @region or @zone constraint, so the region rule was not applied`;
  return { ...c, undecided: [...c.undecided, why] };
}

/**
 * A Chronos job's candidates: Chronos places it, with constraint operators of its own (EQUALS, LIKE, UNLIKE:
 * chronos-job.md §2) and under its own --mesos_role, so neither Marathon's placement nor Marathon's role applies. The
 * agents Chronos could run it on that run a bridge (chronosCandidateBridges), as `dvdi-bridge dry-run --app` picks them.
 */
function chronosJobCandidates(view: ClusterView, job: Record<string, unknown>): Candidates {
  return chronosCandidateBridges(job, view.agents, view.bridges, view.masterRegion, view.masterRegionUnknown);
}

/** The candidates for the app (or Chronos job: `chronos`) around a volume, with its id; undefined when none holds it. */
type VolumeCandidates = { candidates: Candidates; id: string; chronos: boolean } | undefined;

/**
 * The candidates for the volume at each pointer of `text`, the text parsed once for all of them: the lenses' request
 * asks for every "Test mount" lens of one text (volumeOwners).
 */
export function candidatesIn(view: ClusterView, text: string, acceptedRolesDefault?: AcceptedRolesDefault): (pointer: string) => VolumeCandidates {
  const ownerOf = volumeOwners(text);
  return (pointer) => {
    const owner = ownerOf(pointer);
    if (!owner) return undefined;
    if (owner.chronos) return { candidates: chronosJobCandidates(view, owner.spec), id: owner.id, chronos: true };
    return { candidates: clusterCandidates(view, owner.spec, acceptedRolesDefault, owner.source), id: owner.id, chronos: false };
  };
}

/** The candidates for the volume at `pointer` in `text` (a click: one volume). */
export function candidatesAt(view: ClusterView, text: string, pointer: string, acceptedRolesDefault?: AcceptedRolesDefault): VolumeCandidates {
  return candidatesIn(view, text, acceptedRolesDefault)(pointer);
}
