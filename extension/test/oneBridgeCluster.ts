// A stand-in cluster with one dvdi-bridge task on one agent (Marathon: marathon-api.md; the master: mesos-master-api.md),
// Marathon and the master each asking for the credentials given: the cluster the credential tests of Test mount's
// discovery read. `closers` gets what stops both.
import type { MarathonTask } from '@marathon-devtools/cluster/marathon/types';
import { startMesosMaster, type MesosMasterOptions } from '../../test/standins/mesos-master/server';
import { agent } from '../../test/standins/mesos-master/agents';
import { startStandinMarathon, type StandinAuth } from '../../test/standins/marathon/standin';

export async function oneBridgeCluster(auth: StandinAuth, master: MesosMasterOptions, agentId: string, closers: (() => Promise<void> | void)[]) {
  const m = await startMesosMaster({ agents: [agent({ id: agentId, hostname: '10.0.0.1', attributes: {} }, 0)], ...master });
  const marathon = await startStandinMarathon({ auth });
  closers.push(() => m.close(), () => marathon.close());
  const root = marathon.rootGroup();
  root.apps = [{ id: '/dvdi-bridge', instances: 1 } as (typeof root.apps)[number]];
  marathon.setRootGroup(root);
  const now = new Date().toISOString();
  marathon.setTasks({ '/dvdi-bridge': [{ id: 'dvdi-bridge.instance-0', appId: '/dvdi-bridge', host: '10.0.0.1', slaveId: agentId, state: 'TASK_RUNNING', ports: [8474], servicePorts: [], ipAddresses: [], healthCheckResults: [], localVolumes: [], stagedAt: now, startedAt: now, version: now, role: '*' } as MarathonTask] });
  return { master: m, marathon };
}
