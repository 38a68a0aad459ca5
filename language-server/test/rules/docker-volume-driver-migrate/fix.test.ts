// The migration writes what Marathon would hand Docker anyway (--volume-driver, -v name:path:mode) as
// container.volumes[].external, and the result lints clean: Marathon's rules for Docker containers hold.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { applyTextEdits, fixToTextEdits, lint } from '../../../src/index';

function migrate(text: string): string {
  const finding = lint(text).diagnostics.find((d) => d.ruleId === 'docker-volume-driver-migrate');
  assert.ok(finding?.fix, 'a fix is offered');
  return applyTextEdits(text, fixToTextEdits(text, finding.fix));
}

test('docker-volume-driver-migrate: rexray volume-driver + volume become one external volume, and nothing is left to report', () => {
  const fixed = migrate(readFileSync(join(import.meta.dirname, 'invalid-rexray-volume.json'), 'utf8'));
  const app = JSON.parse(fixed);
  assert.deepEqual(app.container.docker.parameters, []);
  assert.deepEqual(app.container.volumes, [
    { containerPath: '/var/lib/postgresql/data', mode: 'RW', external: { name: 'pgdata', provider: 'dvdi', options: { 'dvdi/driver': 'rexray' } } },
  ]);
  assert.deepEqual(lint(fixed).diagnostics.map((d) => `${d.ruleId}: ${d.message}`), []);
});

test('docker-volume-driver-migrate: several volumes, ro mode, and other parameters kept in order', () => {
  const text = JSON.stringify({
    id: '/a', instances: 1, cmd: 'sleep 1',
    container: { type: 'DOCKER', docker: { image: 'busybox', parameters: [
      { key: 'log-driver', value: 'journald' }, { key: 'volume-driver', value: 'rexray' },
      { key: 'volume', value: 'a:/a' }, { key: 'env', value: 'X=1' }, { key: 'volume', value: 'b:/b:ro' },
    ] }, volumes: [{ containerPath: '/tmp/x', hostPath: '/tmp', mode: 'RW' }] },
  }, null, 2);
  const app = JSON.parse(migrate(text));
  assert.deepEqual(app.container.docker.parameters, [{ key: 'log-driver', value: 'journald' }, { key: 'env', value: 'X=1' }]);
  assert.deepEqual(app.container.volumes.map((v: { containerPath: string; mode: string }) => [v.containerPath, v.mode]), [['/tmp/x', 'RW'], ['/a', 'RW'], ['/b', 'RO']]);
});

test('docker-volume-driver-migrate: no fix where Marathon would refuse the result', () => {
  for (const [why, patch] of [
    ['three instances', { instances: 3 }],
    ['a managed plugin name', { driver: 'rexray/ebs' }],
    ['an upgrade strategy with over-capacity', { upgradeStrategy: { minimumHealthCapacity: 1, maximumOverCapacity: 1 } }],
  ] as const) {
    const p = patch as { instances?: number; driver?: string; upgradeStrategy?: object };
    const text = JSON.stringify({
      id: '/a', instances: p.instances ?? 1, cmd: 'sleep 1', ...(p.upgradeStrategy ? { upgradeStrategy: p.upgradeStrategy } : {}),
      container: { type: 'DOCKER', docker: { image: 'busybox', parameters: [{ key: 'volume-driver', value: p.driver ?? 'rexray' }, { key: 'volume', value: 'a:/a' }] } },
    });
    const finding = lint(text).diagnostics.find((d) => d.ruleId === 'docker-volume-driver-migrate');
    assert.ok(finding, why);
    assert.equal(finding.fix, undefined, why);
    assert.match(finding.message, /No automatic fix: /, why);
  }
});
