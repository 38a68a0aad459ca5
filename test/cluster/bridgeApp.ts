/** Puts the bridge app and one running task per lab bridge into the stand-in Marathon (marathon-api.md §4, §7). */
import type { MarathonTask } from '@marathon-devtools/cluster/marathon/types';
import type { StandinMarathon } from '../standins/marathon/standin';
import type { Lab } from './lab';

export function setBridgeApp(marathon: StandinMarathon, app: Record<string, unknown> & { id: string }): void {
  const root = marathon.rootGroup();
  root.apps = [...root.apps.filter((a) => a.id !== app.id), app];
  marathon.setRootGroup(root);
}

/** TASK_RUNNING tasks of `appId` on every lab agent that runs a bridge: host, port, slaveId as Marathon reports them. */
export function setBridgeTasks(marathon: StandinMarathon, lab: Lab, appId = '/dvdi-bridge'): void {
  const tasks: MarathonTask[] = lab.agents
    .filter((a) => a.bridgeUrl)
    .map((a, i) => ({
      id: `${appId.slice(1).replace(/\//g, '_')}.instance-${i}`,
      appId,
      host: a.hostname,
      slaveId: a.mesos.id,
      state: 'TASK_RUNNING',
      ports: [a.port!],
      servicePorts: [],
      ipAddresses: [{ ipAddress: a.hostname, protocol: 'IPv4' }],
      healthCheckResults: [],
      localVolumes: [],
      stagedAt: new Date().toISOString(),
      startedAt: new Date().toISOString(),
      version: '2026-12-04T18:00:00.000Z',
      zone: a.spec.zone,
      role: '*',
    }));
  marathon.setTasks({ [appId]: tasks });
}
