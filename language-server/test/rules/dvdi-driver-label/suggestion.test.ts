// What dvdi-driver-label suggests is itself a driver name Marathon accepts (the rule's own label regex), and a
// spelling of a driver this project knows is answered with that driver, not with another unknown name.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lint } from '../../../src/index';
import { labelRegex } from '../../../src/model/volume/labelPatterns';

function findingFor(driver: string): string {
  const app = {
    id: '/db', cmd: 'sleep 1000', instances: 1,
    container: { type: 'MESOS', volumes: [{ containerPath: 'data', mode: 'RW', external: { name: 'db-data', provider: 'dvdi', options: { 'dvdi/driver': driver } } }] },
    upgradeStrategy: { minimumHealthCapacity: 0, maximumOverCapacity: 0 },
  };
  const found = lint(JSON.stringify(app)).diagnostics.filter((d) => d.ruleId === 'dvdi-driver-label');
  assert.equal(found.length, 1, `one dvdi-driver-label finding for ${JSON.stringify(driver)}`);
  assert.equal(found[0].fix, undefined, 'no quick fix: the rule does not guess a plugin name for the user');
  return found[0].message;
}

/** The value a message tells the user to write, if any. */
function suggested(message: string): string | undefined {
  return /(?:e\.g\.|Did you mean) ("(?:[^"\\]|\\.)*")/.exec(message.slice(message.indexOf('is not a plugin name')))?.[1];
}

test('dvdi-driver-label: every suggested driver name matches the label regex', () => {
  for (const driver of ['Rex_Ray', 'rex.ray', '-rexray', 'REXRAY ', 'RexRay', 'My Plugin', 'my_plugin.v2', 'local_persist', 'PXD', ' -x- ']) {
    const s = suggested(findingFor(driver));
    assert.ok(s !== undefined, `a suggestion for ${JSON.stringify(driver)}: ${findingFor(driver)}`);
    const value = JSON.parse(s) as string;
    assert.match(value, labelRegex, `${JSON.stringify(driver)} → ${s}`);
    assert.notEqual(value, driver, `${JSON.stringify(driver)}: the suggestion is not the value itself`);
  }
});

test('dvdi-driver-label: a known driver, however spelt, is suggested by its name', () => {
  const cases: [string, string][] = [['Rex_Ray', 'rexray'], ['rex.ray', 'rexray'], ['-rexray', 'rexray'], ['REXRAY ', 'rexray'], ['local_persist', 'local-persist'], ['PXD', 'pxd']];
  for (const [driver, want] of cases) assert.equal(suggested(findingFor(driver)), JSON.stringify(want), driver);
  assert.equal(suggested(findingFor('My Plugin')), '"my-plugin"');
});

test('dvdi-driver-label: no example when no label can be made from the value', () => {
  for (const driver of ['___', '.', 'ÄÖ']) {
    const m = findingFor(driver);
    assert.equal(suggested(m), undefined, m);
    assert.match(m, /lower-case letters, digits and inner hyphens/);
  }
});
