import { test } from 'node:test';
import assert from 'node:assert/strict';
import { codeLenses } from '../../src/features/codeLens';
import { TestMountCommand, type TestMountArgs } from '../../src/protocol';
import { at, json } from './inline';

const uri = 'file:///w/app.json';

// [case, document, the marathon.testMount arguments of each lens (uri filled in), in document order]
const cases: [string, string, Omit<TestMountArgs, 'uri'>[]][] = [
  [
    'external volume: dvdi/* options stripped of the prefix, dvdi/driver left out, size added, values trimmed',
    "{'id': '/a', 'cmd': 'x', 'container': {'type': 'MESOS', 'volumes': [{'containerPath': 'data', 'mode': 'RO', 'external': {'name': 'pg', 'provider': 'dvdi', 'size': 5, 'options': {'dvdi/driver': ' rexray ', 'dvdi/volumetype': ' io1 ', 'other': 'x'}}}]}}",
    [{ pointer: '/container/volumes/0/external', volume: { driver: 'rexray', name: 'pg', options: { volumetype: 'io1', size: '5' }, containerPath: 'data', mode: 'RO' }, containerizer: 'MESOS', engine: 'docker-volume' }],
  ],
  [
    'no external: no lens',
    "{'id': '/a', 'cmd': 'x', 'container': {'volumes': [{'containerPath': '/d', 'hostPath': '/h', 'mode': 'RW'}]}}",
    [],
  ],
  [
    'DVDI_VOLUME_* env form: default driver rexray, OPTS split on commas, MESOS, dvdi-module',
    "{'id': '/a', 'cmd': 'x', 'env': {'DVDI_VOLUME_NAME': 'logs', 'DVDI_VOLUME_OPTS': 'size=5, iops=100,newfstype', 'DVDI_VOLUME_CONTAINERPATH': '/logs'}}",
    [{ pointer: '/env/DVDI_VOLUME_NAME', volume: { driver: 'rexray', name: 'logs', options: { size: '5', iops: '100', newfstype: '' }, containerPath: '/logs', mode: 'RW' }, containerizer: 'MESOS', engine: 'dvdi-module' }],
  ],
  [
    'DVDI_VOLUME_* slots: each NAME<n> reads its own DRIVER<n>; slot 0 falls back to the bare names',
    "{'id': '/a', 'cmd': 'x', 'env': {'DVDI_VOLUME_NAME0': 'a', 'DVDI_VOLUME_DRIVER': 'pxd', 'DVDI_VOLUME_NAME1': 'b', 'DVDI_VOLUME_DRIVER1': 'rbd', 'DVDI_VOLUME_NAME2': ''}}",
    [
      { pointer: '/env/DVDI_VOLUME_NAME0', volume: { driver: 'pxd', name: 'a', options: {}, containerPath: '', mode: 'RW' }, containerizer: 'MESOS', engine: 'dvdi-module' },
      { pointer: '/env/DVDI_VOLUME_NAME1', volume: { driver: 'rbd', name: 'b', options: {}, containerPath: '', mode: 'RW' }, containerizer: 'MESOS', engine: 'dvdi-module' },
    ],
  ],
  [
    'group: pointers into each app',
    "{'id': '/g', 'apps': [{'id': 'a', 'cmd': 'x'}, {'id': 'b', 'cmd': 'x', 'container': {'volumes': [{'containerPath': 'd', 'external': {'name': 'v', 'provider': 'dvdi', 'options': {'dvdi/driver': 'pxd'}}}]}}]}",
    [{ pointer: '/apps/1/container/volumes/0/external', volume: { driver: 'pxd', name: 'v', options: {}, containerPath: 'd', mode: 'RW' }, containerizer: 'DOCKER', engine: 'docker-volume' }],
  ],
  [
    'Chronos job: provider is the driver, options are key/value pairs',
    "{'name': 'j', 'command': 'x', 'schedule': 'R/2020-01-01T00:00:00Z/PT1H', 'container': {'type': 'DOCKER', 'volumes': [{'containerPath': '/d', 'mode': 'RW', 'external': {'name': 'v', 'provider': 'rexray', 'options': [{'key': 'size', 'value': ' 3 '}]}}]}}",
    [{ pointer: '/container/volumes/0/external', volume: { driver: 'rexray', name: 'v', options: { size: '3' }, containerPath: '/d', mode: 'RW' }, containerizer: 'DOCKER', engine: 'docker-volume' }],
  ],
  [
    'Docker volume-driver parameters: the plugin engine, the name exactly as written (Portworx inline spec too), no options; bind mounts, anonymous volumes and a missing driver get no lens',
    "{'id': '/a', 'container': {'type': 'DOCKER', 'docker': {'image': 'pg', 'parameters': [{'key': 'volume-driver', 'value': 'pxd'}, {'key': 'volume', 'value': 'name=pg,size=10:/data:ro'}, {'key': 'volume', 'value': '/srv:/srv'}, {'key': 'volume', 'value': '/anon'}, {'key': 'volume', 'value': 'logs:/logs'}]}}}",
    [
      { pointer: '/container/docker/parameters/1', volume: { driver: 'pxd', name: 'name=pg,size=10', options: {}, containerPath: '/data', mode: 'RO' }, containerizer: 'DOCKER', engine: 'plugin' },
      { pointer: '/container/docker/parameters/4', volume: { driver: 'pxd', name: 'logs', options: {}, containerPath: '/logs', mode: 'RW' }, containerizer: 'DOCKER', engine: 'plugin' },
    ],
  ],
  [
    'Docker volume parameter without volume-driver (local driver): no lens',
    "{'id': '/a', 'container': {'type': 'DOCKER', 'docker': {'image': 'pg', 'parameters': [{'key': 'volume', 'value': 'pg:/data'}]}}}",
    [],
  ],
];

for (const [name, text, expected] of cases) {
  test(`code lens: ${name}`, () => {
    const { doc } = at(json(text), uri);
    const lenses = codeLenses(doc);
    assert.deepEqual(
      lenses.map((l) => l.command?.arguments?.[0]),
      expected.map((e) => ({ uri, ...e })),
    );
    for (const l of lenses) assert.equal(l.command?.command, TestMountCommand.id);
  });
}

test('code lens: anchored on the property key, titled with name and driver', () => {
  const text = json("{'id': '/a', 'cmd': 'x', 'env': {'DVDI_VOLUME_NAME': 'logs'}}");
  const { doc } = at(text, uri);
  const [lens] = codeLenses(doc);
  const key = text.indexOf('"DVDI_VOLUME_NAME"');
  assert.deepEqual(lens.range, { start: doc.lines.positionAt(key), end: doc.lines.positionAt(key + '"DVDI_VOLUME_NAME"'.length) });
  assert.equal(lens.command?.title, 'Test mount logs (rexray)');
});
