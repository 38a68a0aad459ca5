import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { lint, lintValue } from '../../src/index';
import { defaultProfile } from '../../src/core/profile';
import { validateSchema } from '../../src/core/schemaValidation';

test('a value rejected by both the schema and a rule is reported once, by the rule', () => {
  const doc = { id: '/Web_Server', cmd: 'sleep 100' };
  // Otherwise there is nothing to de-duplicate and the assertions below hold vacuously.
  assert.ok(validateSchema(doc, 'app', defaultProfile).some((f) => f.pointer === '/id'), 'the schema rejects the id too');
  const { diagnostics } = lint(JSON.stringify(doc));
  const onId = diagnostics.filter((d) => d.pointer === '/id');
  assert.deepEqual(onId.map((d) => d.ruleId), ['app-id-pattern']);
  assert.ok(onId[0].fix, 'the rule finding keeps its fix');
});

test('schema findings on values no rule claims stay', () => {
  const { diagnostics } = lint('{"id": "/Web_Server", "cmd": "sleep 100", "cpus": "two"}');
  assert.ok(diagnostics.some((d) => d.ruleId === 'schema' && d.pointer === '/cpus'));
});

test('a missing field (schema, on the object) stays; a rule error elsewhere waits behind the JSON layer', () => {
  const { diagnostics } = lint('{"kind": "Deployment"}', { kind: 'app' });
  assert.ok(diagnostics.some((d) => d.ruleId === 'schema' && d.pointer === '' && d.message.includes('has no "id", which Marathon requires')));
  // app-cmd-args-container names the missing `cmd` (Marathon's place); with a JSON-layer error it is info (jsonLayer.ts).
  assert.ok(diagnostics.some((d) => d.ruleId === 'app-cmd-args-container' && d.pointer === '/cmd' && d.severity === 'info'));
});

test('a rule finding about a missing key replaces the schema\'s "has no" for the same key on the same object', () => {
  const job = { command: 'true', schedule: 'R/2030-01-01T00:00:00Z/PT1H' };
  const found = lint(JSON.stringify(job), { kind: 'chronos-job' }).diagnostics.filter((d) => d.pointer === '');
  assert.deepEqual(found.map((d) => d.ruleId), ['chronos-job-name']);
});

test('a misspelt key carries the findings its absence causes, at the highest severity', () => {
  const app = { id: '/web', cmd: 'sleep 1', container: { volumes: [], doccker: { image: 'nginx' } } };
  const found = lint(JSON.stringify(app)).diagnostics;
  assert.deepEqual(found.map((d) => `${d.ruleId} ${d.severity} ${d.pointer}`), ['unknown-property error /container/doccker']);
  assert.match(found[0].message, /Did you mean "docker"\? Without "docker": Marathon rejects the app/);
});

test('a rule the profile turns down to a warning is the one finding on its value, and the other errors stay errors', () => {
  const text = '{"id": "/Web_Server", "cmd": "x"}';
  const profile = { ...defaultProfile, rules: { 'app-id-pattern': 'warning' as const } };
  const found = lint(text, { profile }).diagnostics.map((d) => `${d.ruleId} ${d.severity} ${d.pointer}`);
  // Not also the schema's id pattern as an error, which made the cmd error an info waiting behind it.
  assert.deepEqual(found, ['app-id-pattern warning /id', 'app-cmd-length error /cmd']);
  // At its own severity nothing changes: the id error is the JSON layer's, and the cmd error waits behind it.
  assert.deepEqual(lint(text).diagnostics.map((d) => `${d.ruleId} ${d.severity} ${d.pointer}`), ['app-id-pattern error /id', 'app-cmd-length info /cmd']);
});

test('a rule the profile turns off takes the schema\'s echo of its mistake with it, and the other errors stay errors', () => {
  const text = '{"id": "/Web_Server", "cmd": "x"}';
  const profile = { ...defaultProfile, rules: { 'app-id-pattern': 'off' as const } };
  const found = lint(text, { profile }).diagnostics.map((d) => `${d.ruleId} ${d.severity} ${d.pointer}`);
  // Not the schema's id pattern as an error in the rule's place, which made the cmd error an info waiting behind it.
  assert.deepEqual(found, ['app-cmd-length error /cmd']);
  // lintValue (the gate) agrees.
  assert.deepEqual(lintValue(JSON.parse(text), { profile }).findings.map((d) => `${d.ruleId} ${d.severity} ${d.pointer}`), ['app-cmd-length error /cmd']);
  // Schema findings no rule claims stay when a rule is off: a string where a number goes.
  const cpus = lint('{"id": "/Web_Server", "cmd": "sleep 1", "cpus": "two"}', { profile }).diagnostics.map((d) => `${d.ruleId} ${d.pointer}`);
  assert.deepEqual(cpus, ['schema /cpus']);
});

test('a dvdi/ option key Marathon rejects, also near one the driver reads, is one finding: external-volume-option-key\'s', () => {
  // dvdi-option-misspelled judges keys Marathon passes on; these it refuses (marathon-rules.md §6.1 OptionKeyRegex).
  for (const [options, key] of [
    [{ 'dvdi/driver': 'rexray', 'dvdi/iops-': '100' }, 'dvdi/iops-'],
    [{ 'dvdi/driver': 'rexray', 'dvdi/volume type': 'gp2' }, 'dvdi/volume type'],
    [{ 'dvdi/driver_': 'rexray' }, 'dvdi/driver_'],
  ] as const) {
    const app = {
      id: '/db', cmd: 'sleep 100', cpus: 0.5, mem: 512, instances: 1, upgradeStrategy: { minimumHealthCapacity: 0, maximumOverCapacity: 0 },
      container: { type: 'MESOS', volumes: [{ containerPath: 'data', mode: 'RW', external: { name: 'db-data', provider: 'dvdi', options } }] },
    };
    const pointer = `/container/volumes/0/external/options/${key.replace('/', '~1')}`;
    const found = lint(JSON.stringify(app)).diagnostics.filter((d) => d.pointer === pointer);
    assert.deepEqual(found.map((d) => `${d.ruleId} ${d.severity}`), ['external-volume-option-key error'], JSON.stringify(found.map((d) => d.message)));
  }
});

test('a misspelt dvdi/driver on the Docker containerizer is one finding, the misspelling, and no fix deletes it', () => {
  // "Must only contain dvdi/driver" and "dvdi/driver not defined" both follow from the one misspelt key (issue 14).
  const app = (options: Record<string, string>) => ({
    id: '/db', cmd: 'sleep 100', cpus: 0.5, mem: 512, instances: 1, upgradeStrategy: { minimumHealthCapacity: 0, maximumOverCapacity: 0 },
    container: { type: 'DOCKER', docker: { image: 'postgres:16' }, volumes: [{ containerPath: '/data', mode: 'RW', external: { name: 'db-data', provider: 'dvdi', options } }] },
  });
  const options = '/container/volumes/0/external/options';
  const found = lint(JSON.stringify(app({ 'dvdi/drive': 'rexray' }))).diagnostics;
  assert.deepEqual(found.map((d) => `${d.ruleId} ${d.severity} ${d.pointer}`), [`dvdi-option-misspelled error ${options}/dvdi~1drive`]);
  assert.match(found[0].message, /Did you mean "dvdi\/driver"\?/);
  assert.deepEqual(found[0].fix?.edits, [{ op: 'rename', pointer: `${options}/dvdi~1drive`, to: 'dvdi/driver' }]);
  // Beside another option, that option is still the Docker containerizer's finding, and its fix keeps the misspelt key.
  const both = lint(JSON.stringify(app({ 'dvdi/drive': 'rexray', 'dvdi/size': '10' }))).diagnostics;
  const dockerOnly = both.find((d) => d.ruleId === 'dvdi-docker-options-driver-only');
  assert.ok(dockerOnly, JSON.stringify(both.map((d) => d.ruleId)));
  assert.doesNotMatch(dockerOnly.message, /dvdi\/drive"/);
  assert.deepEqual(dockerOnly.fix?.edits, [{ op: 'remove', pointer: `${options}/dvdi~1size` }]);
});
