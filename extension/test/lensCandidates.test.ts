// The "Test mount on all N candidates" lenses of one document, asked for in one lens request: the document is parsed
// once for all of them, not once per lens (a group of 300 external volumes is 300 lenses), and each lens gets the
// candidates it got asked alone. The cluster is read from the stand-in Mesos master and Marathon over real HTTP; the
// lenses' pointers are the language server's own (features/testMount.ts).
import { test, after, mock } from 'node:test';
import assert from 'node:assert/strict';
import type { MarathonTask } from '@marathon-devtools/cluster/marathon/types';
import { createDocument } from '../../language-server/src/features/document';
import { findMountTargets } from '../../language-server/src/features/testMount';
import { candidatesAt, candidatesIn, fetchClusterView, type ClusterView } from '../src/clusterView';
import { volumeOwners } from '../src/volumeOwner';
import { startMesosMaster } from '../../test/standins/mesos-master/server';
import { agent } from '../../test/standins/mesos-master/agents';
import { infoFor, startStandinMarathon } from '../../test/standins/marathon/standin';

const closers: (() => Promise<void>)[] = [];
after(async () => {
  for (const c of closers) await c();
});

/** Three agents with a bridge: unreserved, reserved for "shop", reserved for "ops"; /shop is deployed and enforces its role. */
async function clusterView(): Promise<ClusterView> {
  const master = await startMesosMaster({
    agents: [
      agent({ id: 'lens-S0', hostname: '10.0.0.1', attributes: { dvdi: 'true' } }, 0),
      agent({ id: 'lens-S1', hostname: '10.0.0.2', attributes: { dvdi: 'true' }, cpus: 2, mem: 0, reserved: { shop: 2 } }, 1),
      agent({ id: 'lens-S2', hostname: '10.0.0.3', attributes: { dvdi: 'true', rack: 'r2' }, cpus: 2, mem: 0, reserved: { ops: 2 } }, 2),
    ],
  });
  const marathon = await startStandinMarathon({ info: infoFor('1.10.26', { mesos_role: '*', new_group_enforce_role: 'Off' }) });
  closers.push(() => master.close(), () => marathon.close());
  const root = marathon.rootGroup();
  root.apps = [{ id: '/dvdi-bridge', instances: 3, role: '*', constraints: [['hostname', 'UNIQUE']] } as (typeof root.apps)[number]];
  root.groups = [{ id: '/shop', apps: [], pods: [], groups: [], dependencies: [], version: '2026-12-01T00:00:00.000Z', enforceRole: true }];
  marathon.setRootGroup(root);
  const now = new Date().toISOString();
  marathon.setTasks({ '/dvdi-bridge': [0, 1, 2].map((i) => ({ id: `dvdi-bridge.instance-${i}`, appId: '/dvdi-bridge', host: `10.0.0.${i + 1}`, slaveId: `lens-S${i}`, state: 'TASK_RUNNING', ports: [8474], servicePorts: [], ipAddresses: [], healthCheckResults: [], localVolumes: [], stagedAt: now, startedAt: now, version: now, role: '*' }) as MarathonTask) });
  return fetchClusterView({ marathonUrl: marathon.url, mesosUrl: master.url, bridgeApp: '/dvdi-bridge' }, undefined, 2000);
}

/** An app with an external volume; every 3rd also a DVDI_VOLUME_NAME env var, every 4th a role, every 5th a rack constraint. */
function app(i: number): Record<string, unknown> {
  const name = `app-${i}`;
  return {
    id: name,
    cmd: 'sleep 1000',
    cpus: 0.5,
    mem: 0,
    ...(i % 4 === 0 ? { role: 'ops' } : {}),
    constraints: i % 5 === 0 ? [['rack', 'IS', 'r2']] : [['dvdi', 'IS', 'true']],
    ...(i % 3 === 0 ? { env: { DVDI_VOLUME_NAME: `${name}-env`, DVDI_VOLUME_DRIVER: 'rexray' } } : {}),
    container: { type: 'DOCKER', docker: { image: 'busybox' }, volumes: [{ containerPath: '/data', mode: 'RW', external: { name: `${name}-data`, provider: 'dvdi', options: { 'dvdi/driver': 'rexray' } } }] },
  };
}

/** A group of 300 volumes at two levels: /lenses (under --mesos_role) and /shop, which enforces its role. */
function groupText(): string {
  const apps = Array.from({ length: 150 }, (_, i) => app(i));
  const shop = Array.from({ length: 75 }, (_, i) => app(150 + i)).map((a) => ({ ...a, role: undefined }));
  return JSON.stringify({ id: '/', groups: [{ id: 'lenses', apps }, { id: 'shop', enforceRole: true, apps: shop }] }, null, 2);
}

const lensPointers = (text: string) => findMountTargets(createDocument('file:///lenses.json', 1, text)).map((t) => t.pointer);

/** How often `text` is parsed while `run` runs: every parse of it starts with JSON.parse (volumeOwner.ts). */
function parsesOf<T>(text: string, run: () => T): { parses: number; result: T } {
  const spy = mock.method(JSON, 'parse');
  try {
    const result = run();
    return { parses: spy.mock.calls.filter((c) => c.arguments[0] === text).length, result };
  } finally {
    spy.mock.restore();
  }
}

test('one lens request parses the document once for its 300 lenses, and each lens gets the candidates it gets alone', async () => {
  const view = await clusterView();
  const text = groupText();
  const pointers = [...lensPointers(text), '/no/volume'];
  assert.equal(pointers.length, 301, 'the 300 lenses and a pointer in no app');
  const { parses, result } = parsesOf(text, () => {
    const at = candidatesIn(view, text, 'reserved');
    return pointers.map((p) => at(p));
  });
  assert.equal(parses, 1, 'one parse for all the lenses of the request');
  assert.deepEqual(result, pointers.map((p) => candidatesAt(view, text, p, 'reserved')));
  // The candidates are each app's own: placed under --mesos_role "*" (unreserved), the role /shop enforces, or refused.
  const at = (p: string) => result[pointers.indexOf(p)];
  const hosts = (p: string) => at(p)?.candidates.candidates.map((b) => b.hostname);
  assert.deepEqual(hosts('/groups/0/apps/1/container/volumes/0/external'), ['10.0.0.1']);
  assert.deepEqual(hosts('/groups/0/apps/3/env/DVDI_VOLUME_NAME'), ['10.0.0.1']);
  assert.deepEqual(hosts('/groups/0/apps/5/container/volumes/0/external'), [], 'rack r2 is reserved for ops');
  assert.deepEqual(hosts('/groups/0/apps/4/container/volumes/0/external'), []);
  assert.match(at('/groups/0/apps/4/container/volumes/0/external')?.candidates.problems.join('\n') ?? '', /Marathon refuses it: "role": got ops/);
  assert.deepEqual(hosts('/groups/1/apps/1/container/volumes/0/external'), ['10.0.0.2']);
  assert.equal(result[pointers.indexOf('/groups/1/apps/1/container/volumes/0/external')]?.id, 'app-151');
  assert.equal(result[pointers.length - 1], undefined, 'a pointer in no app has no candidates');
});

test('a document being typed (not JSON yet) is parsed once too, tolerantly, with the same candidates as alone', async () => {
  const view = await clusterView();
  const whole = groupText();
  // An app being added at the end: the text stops in its first property.
  const text = whole.slice(0, whole.lastIndexOf(']')) + ', {"id": "new-app", "cmd": ';
  const pointers = lensPointers(text);
  assert.equal(pointers.length, 300);
  const { parses, result } = parsesOf(text, () => {
    const at = candidatesIn(view, text, 'reserved');
    return pointers.map((p) => at(p));
  });
  assert.equal(parses, 1);
  assert.deepEqual(result, pointers.map((p) => candidatesAt(view, text, p, 'reserved')));
  assert.deepEqual(result[pointers.indexOf('/groups/1/apps/1/container/volumes/0/external')]?.candidates.candidates.map((b) => b.hostname), ['10.0.0.2']);
});

// A key written twice: Marathon keeps the last value (core/parse.ts lastValueWins), and so does the server that drew
// the lens. The owner is that app, the one holding the lens's volume, not the first "apps" (jsonc-parser's
// findNodeAtLocation took the first, and placed volume b as app "first").
test('with "apps" written twice, a lens\'s volume belongs to the app Marathon reads, the last', () => {
  const vol = (name: string) => ({ containerPath: '/data', external: { name, provider: 'dvdi', options: { 'dvdi/driver': 'rexray' } } });
  const text = `{"id": "/g", "apps": [${JSON.stringify({ id: 'first', container: { type: 'DOCKER', volumes: [vol('a')] } })}], "apps": [${JSON.stringify({ id: 'second', container: { type: 'DOCKER', volumes: [vol('b')] } })}]}`;
  const [lens] = findMountTargets(createDocument('file:///twice.json', 1, text));
  assert.equal(lens.args.volume.name, 'b');
  assert.equal(volumeOwners(text)(lens.pointer)?.id, 'second');
  // The same while the document is being typed (not JSON yet, read tolerantly): the server still draws the lens for
  // the last "apps", so b is placed as "second", with the group chain of that same value.
  const typing = `${text.slice(0, -1)}, "labels": {`;
  const [typed] = findMountTargets(createDocument('file:///twice.json', 2, typing));
  assert.equal(typed.args.volume.name, 'b');
  assert.deepEqual([volumeOwners(typing)(typed.pointer)?.id, volumeOwners(typing)(typed.pointer)?.source.absoluteId], ['second', '/g/second']);
});

// A text being typed is read as the server reads it (features/jsonTree.ts: a missing closer placed where the layout
// says), since the lens's pointer is the server's. jsonc-parser's tree closed app a's unclosed "container" at the next
// `}`, so /apps/1 held no app: volume b had no owner (its click said the lens was stale, and no "all candidates" lens).
test('a document being typed with a closer missing mid-way: each lens\'s volume belongs to the app the server drew it in', () => {
  const vol = (name: string) => JSON.stringify({ containerPath: '/data', external: { name, provider: 'dvdi', options: { 'dvdi/driver': 'rexray' } } });
  const text = [
    '{',
    '  "id": "/g",',
    '  "apps": [',
    '    {',
    '      "id": "a",',
    '      "container": {',
    '        "type": "DOCKER",',
    `        "volumes": [${vol('va')}]`,
    '',
    '    },',
    '    {',
    '      "id": "b",',
    '      "container": {',
    '        "type": "DOCKER",',
    `        "volumes": [${vol('vb')}]`,
    '      }',
    '    }',
    '  ]',
    '}',
  ].join('\n');
  const lenses = findMountTargets(createDocument('file:///typing.json', 1, text));
  assert.deepEqual(lenses.map((l) => l.args.volume.name), ['va', 'vb']);
  const ownerOf = volumeOwners(text);
  assert.deepEqual(lenses.map((l) => ownerOf(l.pointer)?.source.absoluteId), ['/g/a', '/g/b']);
});

// Nested deeper than a recursive parser goes, and not JSON yet (labels being typed): the owner all the same, not a
// stack overflow (jsonc-parser's tree recursed per level, and so did structuredClone of the app).
test('a text being typed, nested thousands deep: its owner, no throw', () => {
  const text = `{"id": "/x", "container": {"volumes": [{"external": {"name": "v"}}]}, "labels": {"a": ${'['.repeat(20_000)}`;
  assert.equal(volumeOwners(text)('/container/volumes/0/external')?.source.absoluteId, '/x');
});
