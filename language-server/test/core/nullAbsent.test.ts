// `null` means "absent" (Marathon's validateOpt readers): UI / GET exports full of nulls lint clean, with every
// rule, not only the schema; a null where Marathon requires a value is still an error. (The GET export's groups carry no
// `version`, and the pod's scaling `kind` is "fixed": Marathon refuses a body with either otherwise, group-version-scaleby-alone
// and pod-scaling.)
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { lint } from '../../src/index';
import { asMarathonReadsIt } from '../../src/core/nullAbsent';

const fixtures = join(import.meta.dirname, '../rules/schema');

for (const name of ['valid-ui-export-app-nulls.json', 'valid-ui-export-group-nulls.json', 'valid-ui-export-pod-nulls.json', 'valid-get-groups-export.json']) {
  test(`${name} lints clean with every rule`, () => {
    const { diagnostics } = lint(readFileSync(join(fixtures, name), 'utf8'));
    assert.deepEqual(diagnostics.map((d) => `${d.ruleId} ${d.pointer}: ${d.message}`), []);
  });
}

test('a null in a required field is still the reader\'s type error', () => {
  const { diagnostics } = lint('{"id": "/a", "cmd": "sleep 1", "upgradeStrategy": {"minimumHealthCapacity": null, "maximumOverCapacity": 0}}');
  assert.deepEqual(diagnostics.map((d) => [d.ruleId, d.pointer]), [['schema', '/upgradeStrategy/minimumHealthCapacity']]);
  assert.match(diagnostics[0].message, /^error\.expected\.jsnumber: .* must be a number, but it is null/);
});

test('a wrong type in a nullable field does not offer null as the fix', () => {
  const { diagnostics } = lint('{"id": "/a", "cmd": "sleep 1", "acceptedResourceRoles": "*"}');
  assert.equal(diagnostics.length, 1);
  assert.match(diagnostics[0].message, /must be an array, but it is a string/);
});

test('deep errors inside a nullable object are all reported, not only the deepest', () => {
  const { diagnostics } = lint('{"id": "/a", "container": {"type": "DOCKER", "docker": {"image": ""}, "portMappings": [{"containerPort": 70000}]}}');
  const pointers = diagnostics.filter((d) => d.ruleId === 'schema').map((d) => d.pointer).sort();
  assert.deepEqual(pointers, ['/container/docker/image', '/container/portMappings/0/containerPort']);
});

test('the rules\' view drops null properties only, shares the rest, and leaves Chronos alone', () => {
  const root = { id: '/a', labels: { A: 'x' }, container: { docker: null, volumes: [null] } };
  const seen = asMarathonReadsIt(root, 'app', JSON.stringify(root)) as Record<string, any>;
  assert.deepEqual(seen, { id: '/a', labels: { A: 'x' }, container: { volumes: [null] } });
  assert.equal(seen.labels, root.labels);
  assert.equal(asMarathonReadsIt(root, 'chronos-job', JSON.stringify(root)), root);
  const plain = { id: '/a' };
  assert.equal(asMarathonReadsIt(plain, 'app', '{"id": "/a"}'), plain);
});

test('a GET /v2/apps/{id} answer ({"app": …}) is recognised and the user told to lint the inner object', () => {
  const { kind, diagnostics } = lint('{"app": {"id": "/a", "cmd": "sleep 1", "tasksRunning": 1}}');
  assert.equal(kind, 'unknown');
  assert.match(diagnostics[0].message, /GET \/v2\/apps\/\{id\} answer.*jq \.app/);
});
