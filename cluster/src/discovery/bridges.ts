/**
 * Finding the bridges without typing a URL: the running tasks of the bridge app (`GET /v2/apps/{id}/tasks`,
 * ../shared/reference/marathon-api.md §7: `host`, `ports`, `slaveId`, `state`) joined with the agents of
 * `/master/slaves` (hostname, attributes, fault domain). Pure.
 */
import { agentRegion, agentZone, type MesosAgent } from '../mesos/agent';

/** The task fields discovery reads (a Marathon Task object has more). */
export interface BridgeTask {
  id: string;
  host: string;
  ports?: number[];
  slaveId?: string;
  state?: string;
  region?: string;
  zone?: string;
}

export interface DiscoveredBridge {
  /** ws:// or wss:// URL of the bridge (…/v1). */
  url: string;
  hostname: string;
  agentId?: string;
  region?: string;
  zone?: string;
  /** The agent from the Mesos master, when the task's agent is known there. */
  agent?: MesosAgent;
  taskId: string;
}

export interface BridgeDiscovery {
  bridges: DiscoveredBridge[];
  /** Tasks that are not usable bridges, with why (not running, no port). */
  skipped: { taskId: string; host: string; why: string }[];
}

/**
 * The scheme the bridge app serves: wss when it was started with TLS (an HTTPS health check or --tls-cert in
 * its command line: `cmd`, or `args` for an app whose container's entrypoint runs the bridge), else ws.
 */
export function bridgeScheme(app: { healthChecks?: unknown; cmd?: unknown; args?: unknown }): 'ws' | 'wss' {
  const hc = Array.isArray(app.healthChecks) ? app.healthChecks : [];
  const https = hc.some((h) => typeof h?.protocol === 'string' && /HTTPS$/.test(h.protocol));
  const words = [app.cmd, ...(Array.isArray(app.args) ? app.args : [])].filter((w): w is string => typeof w === 'string');
  return https || words.some((w) => w.includes('--tls-cert')) ? 'wss' : 'ws';
}

const hostForUrl = (h: string) => (h.includes(':') && !h.startsWith('[') ? `[${h}]` : h);

export function joinBridges(tasks: readonly BridgeTask[], agents: readonly MesosAgent[], scheme: 'ws' | 'wss' = 'ws'): BridgeDiscovery {
  const byId = new Map(agents.map((a) => [a.id, a]));
  const byHost = new Map(agents.map((a) => [a.hostname, a]));
  const out: BridgeDiscovery = { bridges: [], skipped: [] };
  for (const t of tasks) {
    if (t.state !== undefined && t.state !== 'TASK_RUNNING') {
      out.skipped.push({ taskId: t.id, host: t.host, why: `task is ${t.state}, not TASK_RUNNING` });
      continue;
    }
    const port = t.ports?.[0];
    if (!port) {
      out.skipped.push({ taskId: t.id, host: t.host, why: 'task has no host port (the bridge app needs host networking and a port)' });
      continue;
    }
    const agent = (t.slaveId !== undefined ? byId.get(t.slaveId) : undefined) ?? byHost.get(t.host);
    out.bridges.push({
      url: `${scheme}://${hostForUrl(t.host)}:${port}/v1`,
      hostname: agent?.hostname ?? t.host,
      agentId: agent?.id ?? t.slaveId,
      region: (agent && agentRegion(agent)) ?? t.region,
      zone: (agent && agentZone(agent)) ?? t.zone,
      agent,
      taskId: t.id,
    });
  }
  return out;
}
