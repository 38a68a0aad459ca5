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

test('kind: a document whose $schema is a JSON Schema meta-schema is a schema, not an app, and the finding says so', () => {
  const schema = { $schema: 'http://json-schema.org/draft-04/schema#', id: 'http://example.com/app.json', type: 'object' };
  const { kind, diagnostics } = lint(JSON.stringify(schema));
  assert.equal(kind, 'unknown');
  assert.deepEqual(diagnostics.map((d) => d.ruleId), ['unknown-kind']);
  assert.match(diagnostics[0].message, /is a JSON Schema \(its "\$schema" is "http:\/\/json-schema\.org\/draft-04\/schema#"\)/);
  // A meta-schema URL on https, any draft.
  assert.equal(detectKind({ ...schema, $schema: 'https://json-schema.org/draft/2020-12/schema' }), 'unknown');
});

test('kind: a Chronos job with "name": null is a job, and the Chronos null rules judge its name', () => {
  // JobDeserializer reads a null name as the text "null" (chronos-null-value): the job must be linted as a job
  // without --kind for that finding to reach the user.
  const text = readFileSync(join(dir, 'chronos-job--null-name.json'), 'utf8');
  const { kind, diagnostics } = lint(text);
  assert.equal(kind, 'chronos-job');
  assert.deepEqual(diagnostics.filter((d) => d.ruleId.startsWith('chronos-null')).map((d) => [d.ruleId, d.pointer]), [['chronos-null-value', '/name']]);
  // A null name alone is not a job: the rest of the shape decides, as for a string name.
  assert.equal(detectKind({ name: null, command: 'x' }), 'unknown');
});

test('kind: an array is a batch of apps (PUT /v2/apps) when one element is a Marathon definition; otherwise the finding says what an array needs', () => {
  assert.equal(detectKind([{ id: '/a', cpus: 1 }]), 'apps');
  assert.equal(detectKind([3, { id: '/p', containers: [] }]), 'apps');
  const unknown = (doc: unknown) => {
    const { kind, diagnostics } = lint(JSON.stringify(doc));
    assert.equal(kind, 'unknown');
    assert.equal(diagnostics.length, 1);
    return diagnostics[0].message;
  };
  assert.match(unknown([]), /^This document is an empty JSON array: as the body of PUT \/v2\/apps \(a batch of apps\) it would update no app/);
  assert.match(unknown([{ name: 'nightly', command: 'x', schedule: 'R/2024-01-01T00:00:00Z/P1D' }]), /^This document is a JSON array of Chronos jobs, so it is not checked: Chronos takes one job per request/);
  assert.match(unknown(['a', 1, null, [{ id: '/deeper' }]]), /^This document is a JSON array whose elements are not Marathon definitions/);
  // What Marathon answers has ids too, and so have data records: none of them is a request body (they were linted as
  // batches, with findings telling the user to remove "affectedApps" or that "instances" must be an integer).
  const answer = (file: string) => unknown(JSON.parse(readFileSync(join(dir, file), 'utf8')));
  assert.match(answer('unknown--get-v2-deployments-answer.json'), /^This document is a GET \/v2\/deployments answer, a JSON array of deployments, not a definition/);
  assert.match(answer('unknown--get-v2-pods-status-answer.json'), /^This document is a GET \/v2\/pods\/::status answer.*the object under its "spec"/);
  assert.match(answer('unknown--records-with-numeric-ids.json'), /^This document is a JSON array whose elements are not Marathon definitions.*"id", a string such as "\/my\/app"/);
  // A string id, even a missing one, still makes an app among them.
  assert.equal(detectKind([{ id: 1, name: 'x' }, { id: '/a', cpus: 1 }]), 'apps');
  assert.equal(detectKind([{ cmd: 'sleep 1' }]), 'apps');
});

test('kind: $schema naming the batch schema on an object makes it a batch, which Marathon cannot read', () => {
  const text = JSON.stringify({ $schema: 'https://marathon-devtools.github.io/schema/marathon-apps.schema.json', id: '/web', cmd: 'sleep 1' });
  const { kind, diagnostics } = lint(text);
  assert.equal(kind, 'apps');
  assert.deepEqual(diagnostics.map((d) => [d.ruleId, d.severity, d.pointer]), [['schema', 'error', '']]);
  assert.match(diagnostics[0].message, /^error\.expected\.jsarray: A batch of apps \(PUT \/v2\/apps, PATCH \/v2\/apps\) is a JSON array, but this document is an object\./);
});
