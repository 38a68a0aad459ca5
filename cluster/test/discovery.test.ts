// Discovery joins the bridge app's tasks with the agents; the one-per-agent count for `dvdi-bridge scale`.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { bridgeScheme, joinBridges } from '../src/discovery/bridges';
import { countOnePerAgent } from '../src/placement/onePerAgent';
import type { MesosAgent } from '../src/mesos/agent';

const dom = (zone: string, region = 'eu') => ({ fault_domain: { region: { name: region }, zone: { name: zone } } });
const agents: MesosAgent[] = [
  { id: 'S1', hostname: '10.0.1.1', attributes: { dvdi: 'true' }, domain: dom('a'), active: true },
  { id: 'S2', hostname: '10.0.1.2', attributes: { dvdi: 'true' }, domain: dom('b'), active: true },
  { id: 'S3', hostname: '10.0.1.3', attributes: {}, domain: dom('b'), active: true },
  { id: 'S4', hostname: '10.0.1.4', attributes: { dvdi: 'true' }, active: false },
];

test('tasks join agents by slaveId, else hostname; non-running and portless tasks are skipped with why', () => {
  const d = joinBridges(
    [
      { id: 't1', host: '10.0.1.1', ports: [8474], slaveId: 'S1', state: 'TASK_RUNNING' },
      { id: 't2', host: '10.0.1.2', ports: [8474], state: 'TASK_RUNNING' },
      { id: 't3', host: '10.0.1.3', ports: [8474], state: 'TASK_STAGING' },
      { id: 't4', host: '10.0.9.9', ports: [], state: 'TASK_RUNNING' },
      { id: 't5', host: 'fe80::1', ports: [8474], state: 'TASK_RUNNING', zone: 'z' },
    ],
    agents,
    'wss',
  );
  assert.deepEqual(d.bridges.map((b) => [b.url, b.agentId, b.zone]), [['wss://10.0.1.1:8474/v1', 'S1', 'a'], ['wss://10.0.1.2:8474/v1', 'S2', 'b'], ['wss://[fe80::1]:8474/v1', undefined, 'z']]);
  assert.deepEqual(d.skipped.map((s) => s.taskId), ['t3', 't4']);
  assert.match(d.skipped[0].why, /TASK_STAGING/);
});

test('the scheme follows the bridge app: an HTTPS health check or --tls-cert means wss', () => {
  assert.equal(bridgeScheme({ healthChecks: [{ protocol: 'MESOS_HTTP' }] }), 'ws');
  assert.equal(bridgeScheme({ healthChecks: [{ protocol: 'MESOS_HTTPS' }] }), 'wss');
  assert.equal(bridgeScheme({ cmd: 'node bridge.cjs serve --tls-cert x --tls-key y' }), 'wss');
  assert.equal(bridgeScheme({}), 'ws');
  // A bridge image whose entrypoint is dvdi-bridge takes its flags as args, not cmd.
  assert.equal(bridgeScheme({ args: ['serve', '--listen', '0.0.0.0:8474', '--tls-cert', '/etc/tls/cert.pem', '--tls-key', '/etc/tls/key.pem'] }), 'wss');
  assert.equal(bridgeScheme({ args: ['serve', '--listen', '0.0.0.0:8474'] }), 'ws');
});

test('one per agent counts active agents that pass the other constraints, and says who is left out', () => {
  const c = countOnePerAgent({ constraints: [['hostname', 'UNIQUE'], ['dvdi', 'IS', 'true']] }, agents, 'eu');
  assert.equal(c.count, 2);
  assert.deepEqual(c.excluded.map((e) => e.agent.id), ['S3', 'S4']);
  assert.deepEqual(c.problems, []);
  assert.match(countOnePerAgent({ constraints: [['dvdi', 'IS', 'true']] }, agents).problems[0], /no \["hostname","UNIQUE"\] constraint/);
});
