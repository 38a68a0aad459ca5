import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { lint } from '../../src/index';
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

test('a missing field (schema, on the object) and a rule finding on the same object are both kept', () => {
  const { diagnostics } = lint('{"kind": "Deployment"}', { kind: 'app' });
  assert.ok(diagnostics.some((d) => d.ruleId === 'schema' && d.pointer === '' && d.message.includes("'id' is undefined on object")));
  // app-cmd-args-container names the missing `cmd` (Marathon's place), so it cannot collide with the object's finding.
  assert.ok(diagnostics.some((d) => d.ruleId === 'app-cmd-args-container' && d.pointer === '/cmd'));
});
