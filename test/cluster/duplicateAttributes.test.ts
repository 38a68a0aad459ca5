// An agent given the same attribute name twice (`--attributes='rack:r1;rack:r2'`): the master's JSON repeats the key
// and Marathon reads the first (Constraints.scala, `offer.getAttributesList.asScala.find(_.getName == field)`;
// mesos-master-api.md §3, §5). Placement must read the same one, from the stand-in master over real HTTP.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { MesosMasterClient } from '@marathon-devtools/cluster/mesos/client';
import { placeApp } from '@marathon-devtools/cluster/placement/candidates';
import { startMesosMaster } from '../standins/mesos-master/server';
import { agent } from '../standins/mesos-master/agents';

test('a repeated attribute name counts with its first value, as Marathon reads it', async (t) => {
  const m = await startMesosMaster({
    agents: [
      agent({ hostname: 'agent-1', attributeList: [['rack', 'r1'], ['level', 10], ['rack', 'r2']] }, 1),
      agent({ hostname: 'agent-2', attributeList: [['rack', 'r2'], ['rack', 'r1'], ['level', 3], ['level', 10]] }, 2),
    ],
    recovered: [agent({ hostname: 'agent-9', attributeList: [['rack', 'r9'], ['rack', 'r1']] }, 9)],
  });
  t.after(() => m.close());
  const raw = await (await fetch(`${m.url}/master/slaves`)).text();
  assert.match(raw, /"attributes":\{"rack":"r1","level":10\.0,"rack":"r2"\}/, 'the stand-in repeats the key, as Mesos writes it');
  const r = await new MesosMasterClient({ url: m.url }).getAgents();
  assert.deepEqual(r.slaves.map((a) => a.attributes), [{ rack: 'r1', level: 10 }, { rack: 'r2', level: 3 }]);
  assert.deepEqual(r.recovered_slaves.map((a) => a.attributes), [{ rack: 'r9' }]);
  const hosts = (constraints: unknown) => placeApp({ constraints }, r.slaves).candidates.map((a) => a.hostname);
  assert.deepEqual(hosts([['rack', 'CLUSTER', 'r1']]), ['agent-1']);
  assert.deepEqual(hosts([['rack', 'CLUSTER', 'r2']]), ['agent-2']);
  assert.deepEqual(hosts([['level', 'IS', '10']]), ['agent-1']);
});
