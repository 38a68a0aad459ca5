/** The CLI's Marathon: the cluster flags → the calls discovery and scale make (cluster/discovery/marathonApps.ts). */
import { marathonApps, type MarathonApps } from '../discovery/marathonApps';
import type { ClusterFlags } from './clusterFlags';

export function connectMarathon(flags: ClusterFlags): MarathonApps {
  return marathonApps({ url: flags.marathonUrl, auth: flags.auth, ca: flags.ca, timeoutMs: flags.timeoutMs });
}
