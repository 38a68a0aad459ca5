import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { detectKind, lint } from '../../src/index';

// Fixture names say the expected kind: <kind>--<what it shows>.json
const dir = join(import.meta.dirname, 'fixtures/kind');
for (const file of readdirSync(dir)) {
  const expected = file.split('--')[0];
  test(`kind: ${file}`, () => {
    const text = readFileSync(join(dir, file), 'utf8');
    assert.equal(detectKind(JSON.parse(text)), expected);
    const { kind, diagnostics } = lint(text);
    assert.equal(kind, expected);
    const unknown = diagnostics.filter((d) => d.ruleId === 'unknown-kind');
    assert.equal(unknown.length, expected === 'unknown' ? 1 : 0);
    if (expected === 'unknown') assert.equal(unknown[0].severity, 'info');
  });
}

test('kind: options.kind overrides detection', () => {
  const text = readFileSync(join(dir, 'unknown--kubernetes.json'), 'utf8');
  const { kind, diagnostics } = lint(text, { kind: 'app' });
  assert.equal(kind, 'app');
  assert.ok(diagnostics.some((d) => d.ruleId === 'schema' && d.message.includes('has no "id", which Marathon requires')));
});

test('kind: a $schema naming one of our schemas wins over the shape, in lint() too', () => {
  const text = JSON.stringify({ $schema: 'https://marathon-devtools.github.io/schema/marathon-pod.schema.json', id: '/web', cmd: 'sleep 1' });
  assert.equal(detectKind(JSON.parse(text)), 'pod');
  assert.equal(lint(text).kind, 'pod');
  // Any other $schema is not ours to read: the shape decides.
  assert.equal(lint(JSON.stringify({ $schema: 'https://json.schemastore.org/package.json', id: '/web', cmd: 'sleep 1' })).kind, 'app');
});
