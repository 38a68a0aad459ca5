// The volume type rexray-option-volumetype suggests (and the one its quick fix writes) is one Marathon accepts.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lint } from '../../../src/index';
import { labelRegex } from '../../../src/model/volume/labelPatterns';

function findingFor(volumetype: string) {
  const app = {
    id: '/db', cmd: 'sleep 1000', instances: 1,
    container: { type: 'MESOS', volumes: [{ containerPath: 'data', mode: 'RW', external: { name: 'db-data', provider: 'dvdi', options: { 'dvdi/driver': 'rexray', 'dvdi/volumetype': volumetype } } }] },
    upgradeStrategy: { minimumHealthCapacity: 0, maximumOverCapacity: 0 },
  };
  const found = lint(JSON.stringify(app)).diagnostics.filter((d) => d.ruleId === 'rexray-option-volumetype');
  assert.equal(found.length, 1, `one finding for ${JSON.stringify(volumetype)}`);
  return found[0];
}

test('rexray-option-volumetype: the example and the fix are volume types Marathon accepts', () => {
  for (const [value, example] of [['GP2', 'gp2'], [' io1 ', 'io1'], ['GP 2', 'gp2'], ['io_1', 'io1'], ['St.1', 'st1'], ['__', 'gp2']]) {
    const d = findingFor(value);
    const shown = /e\.g\. ("[^"]*")/.exec(d.message)?.[1];
    assert.equal(shown, JSON.stringify(example), `${JSON.stringify(value)}: ${d.message}`);
    for (const e of d.fix?.edits ?? []) if (e.op === 'replace') assert.match(String(e.value), labelRegex, `${JSON.stringify(value)}: the fix writes ${JSON.stringify(e.value)}`);
  }
});
