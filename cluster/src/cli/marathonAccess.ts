/** The CLI's Marathon: the cluster flags → the calls discovery and scale make (cluster/discovery/marathonApps.ts). */
import { httpMarathonApps, type MarathonApps } from '../discovery/marathonApps';
import type { ClusterFlags } from './clusterFlags';

export function connectMarathon(flags: ClusterFlags): MarathonApps {
  return httpMarathonApps(flags.marathonUrl, { authorization: flags.authorization, ca: flags.ca, timeoutMs: flags.timeoutMs });
}
