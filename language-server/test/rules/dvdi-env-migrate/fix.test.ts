// The migration quick fix must turn the env-var form into native stanzas that our own rules accept,
// with the volume, driver, options and container path carried over.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { applyTextEdits, fixToTextEdits } from '../../../src/core/fixes';
import { defaultProfile } from '../../../src/core/profile';
import { runRules } from '../../../src/core/runRules';
import { volumeRules } from '../../../src/rules/volume/index';
import { dvdiRules } from '../../../src/rules/dvdi/index';

const here = dirname(fileURLToPath(import.meta.url));
const rules = [...volumeRules, ...dvdiRules];

function fixOnce(text: string, ruleId: string): string {
  const doc = JSON.parse(text);
  const finding = runRules(doc, 'app', defaultProfile, rules).find((f) => f.ruleId === ruleId);
  assert.ok(finding?.fix, `${ruleId} offers a fix`);
  return applyTextEdits(text, fixToTextEdits(text, finding.fix));
}

test('dvdi-env-migrate: variables become one native external volume', () => {
  const text = readFileSync(join(here, 'invalid-env-var-volume.json'), 'utf8');
  const fixed = JSON.parse(fixOnce(text, 'dvdi-env-migrate'));
  assert.deepEqual(Object.keys(fixed.env ?? {}).filter((k) => k.startsWith('DVDI_VOLUME')), []);
  assert.deepEqual(fixed.container.volumes, [
    {
      containerPath: '/tmp/db',
      mode: 'RW',
      external: { name: 'legacy-db', provider: 'dvdi', options: { 'dvdi/driver': 'rexray', 'dvdi/size': '10', 'dvdi/volumetype': 'gp2' } },
    },
  ]);
  const left = runRules(fixed, 'app', defaultProfile, rules).filter((f) => f.severity !== 'info');
  assert.deepEqual(left.map((f) => f.ruleId), []);
});

test('dvdi-env-migrate: no fix when a slot has no container path', () => {
  const doc = JSON.parse(readFileSync(join(here, 'invalid-env-var-volume.json'), 'utf8'));
  delete doc.env.DVDI_VOLUME_CONTAINERPATH;
  const finding = runRules(doc, 'app', defaultProfile, rules).find((f) => f.ruleId === 'dvdi-env-migrate');
  assert.ok(finding);
  assert.equal(finding.fix, undefined);
  assert.match(finding.message, /containerPath/);
});

test('dvdi-upgrade-strategy fix adds maximumOverCapacity on 1.4, where it defaulted to 1.0', () => {
  const app = JSON.parse(readFileSync(join(here, '../dvdi-upgrade-strategy/marathon-1.4/invalid-missing-field-defaults-to-1-on-1.4.json'), 'utf8'));
  const profile = { ...defaultProfile, marathonVersion: '1.4' };
  const finding = runRules(app, 'app', profile, rules).find((f) => f.ruleId === 'dvdi-upgrade-strategy');
  assert.ok(finding?.fix);
  const text = JSON.stringify(app, null, 2);
  const fixed = JSON.parse(applyTextEdits(text, fixToTextEdits(text, finding.fix)));
  assert.equal(fixed.upgradeStrategy.maximumOverCapacity, 0);
  assert.deepEqual(runRules(fixed, 'app', profile, rules).filter((f) => f.ruleId === 'dvdi-upgrade-strategy'), []);
});

test('docker-containerizer fixes remove size and extra options', () => {
  const dir = join(here, '..');
  for (const [ruleId, file] of [
    ['dvdi-docker-size-undefined', 'dvdi-docker-size-undefined/invalid-size-on-docker.json'],
    ['dvdi-docker-options-driver-only', 'dvdi-docker-options-driver-only/invalid-extra-options.json'],
    ['dvdi-mesos-mode-rw', 'dvdi-mesos-mode-rw/invalid-ro-on-mesos.json'],
    ['dvdi-driver-required', 'dvdi-driver-required/invalid-no-options.json'],
  ] as const) {
    const fixed = JSON.parse(fixOnce(readFileSync(join(dir, file), 'utf8'), ruleId));
    assert.deepEqual(runRules(fixed, 'app', defaultProfile, rules).filter((f) => f.ruleId === ruleId), [], ruleId);
  }
});
