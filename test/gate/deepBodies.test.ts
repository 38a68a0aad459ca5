// Bodies nested far deeper than any definition (thousands of groups, labels inside labels), sent on purpose:
// each gets Marathon's answer shape, never the gate's 500, and a deep group does not stall the gate for the
// requests behind it. Real HTTP through the gate to the stand-in Marathon, a deployed app in the cluster.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { startStandinMarathon, type StandinMarathon } from '../standins/marathon/standin';
import type { GroupInfo } from '@marathon-devtools/cluster/marathon/types';
import type { RunningGate } from '../../gate/src/gate';
import { call, gateInFrontOf } from './harness';

const volume = (name: string) => ({ containerPath: 'data', mode: 'RW', external: { name, provider: 'dvdi', options: { 'dvdi/driver': 'rexray' } } });
const app = (id: string) => ({ id, cmd: 'sleep 1000', instances: 1, dependencies: ['/db/pg'], container: { type: 'MESOS', volumes: [volume('pgdata')] } });

let marathon: StandinMarathon;
let gate: RunningGate;
before(async () => {
  const root = { id: '/', apps: [], pods: [], dependencies: [], groups: [{ id: '/db', apps: [app('/db/pg')], pods: [], groups: [], dependencies: [] }] };
  marathon = await startStandinMarathon({ rootGroup: root as unknown as GroupInfo });
  gate = await gateInFrontOf(marathon.url);
});
after(async () => {
  await gate.close();
  await marathon.close();
});

/** A group body `depth` groups deep with an app at the bottom. */
function deepGroup(depth: number): string {
  return `{"id":"/deep","groups":[${'{"id":"g","groups":['.repeat(depth)}{"id":"leaf","apps":[${JSON.stringify(app('a'))}]}${']}'.repeat(depth)}]}`;
}
const refusal = (a: { status: number; body: string }) => {
  assert.ok(a.status === 422 || a.status === 503, `${a.status} ${a.body.slice(0, 300)}`);
  const b = JSON.parse(a.body) as { message: unknown };
  assert.equal(typeof b.message, 'string');
  return b;
};

test('a group nested 450 deep (900 levels, within what the gate reads) is judged, and quickly enough that the gate keeps serving', async () => {
  // Each nested group's id is longer than its parent's: the gate's walks over them must stay O(size × depth).
  const started = Date.now();
  const a = await call('POST', `${gate.url}/v2/groups`, deepGroup(450));
  assert.match(refusal(a).message as string, /Object is not valid/);
  assert.ok(Date.now() - started < 5_000, `a 450-deep group took ${Date.now() - started} ms: every other request waited as long`);
  assert.equal((await call('GET', `${gate.url}/ping`)).body, 'pong');
});

for (const [what, method, path, body] of [
  ['a group nested 20,000 deep', 'POST', '/v2/groups', deepGroup(20_000)],
  ['a group nested 20,000 deep under a URL group (its id rewritten)', 'PUT', '/v2/groups/deep?force=true', deepGroup(20_000).replace('"id":"/deep"', '"id":"sub"')],
  ['a partial app update with labels nested 20,000 deep', 'PUT', '/v2/apps/db/pg', `{"labels":${'{"a":'.repeat(20_000)}1${'}'.repeat(20_000)}}`],
] as const) {
  test(`${what}: Marathon's error shape, not the gate's 500; nothing reaches Marathon`, async () => {
    const before = marathon.requests.length;
    const a = await call(method, `${gate.url}${path}`, body);
    assert.notEqual(a.status, 500, a.body.slice(0, 300));
    refusal(a);
    assert.equal(marathon.requests.slice(before).filter((r) => r.method !== 'GET').length, 0);
  });
}

test('a body nesting deeper than 1,000 levels is refused unread in deny mode (4 M levels took seconds of the gate\'s only thread to parse)', async () => {
  const before = marathon.requests.length;
  const deep = `{"id":"/deep/junk","cmd":"sleep 1","unknownField":${'['.repeat(4_000_000)}${']'.repeat(4_000_000)}}`;
  const a = await call('POST', `${gate.url}/v2/apps`, deep);
  assert.equal(a.status, 422, a.body.slice(0, 300));
  assert.match(refusal(a).message as string, /nested up to 1000 levels deep .* this body nests deeper .* refused \(--mode deny\)/);
  assert.equal(marathon.requests.slice(before).filter((r) => r.method !== 'GET').length, 0);
  const justUnder = `{"id":"/deep/ok","cmd":"sleep 1","unknownField":${'['.repeat(999)}${']'.repeat(999)}}`;
  assert.equal((await call('POST', `${gate.url}/v2/apps`, justUnder)).status, 201, 'an app at 1,000 levels is judged as usual');
});
