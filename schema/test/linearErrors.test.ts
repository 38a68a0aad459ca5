// The built validators gather a called validator's errors in place (scripts/linearErrors.ts), not with ajv's
// quadratic `concat`: same errors, same order as ajv's own compiled validator, on groups where many apps fail.
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import Ajv from 'ajv';
import fc from 'fast-check';
import { ajvOptions } from '../scripts/ajvOptions';
import { linearErrors } from '../scripts/linearErrors';
import { validateGroup } from '../src/validators';

const schemaDir = join(import.meta.dirname, '..');
const validatorsDir = join(schemaDir, 'generated/validators');

test('no built validator gathers errors with vErrors.concat', () => {
  const files = readdirSync(validatorsDir).filter((f) => f.endsWith('.cjs'));
  assert.ok(files.length > 0, 'schema/generated/validators is empty: run node scripts/build.mjs');
  for (const f of files) assert.doesNotMatch(readFileSync(join(validatorsDir, f), 'utf8'), /vErrors\.concat\(/, f);
});

test('the rewrite keeps each assignment: a concat becomes an append of the same errors', () => {
  const before = 'vErrors = vErrors === null ? validate11.errors : vErrors.concat(validate11.errors);\nerrors = vErrors.length;';
  assert.equal(linearErrors(before), 'if (vErrors === null) vErrors = validate11.errors; else for (const e of validate11.errors) vErrors.push(e);\nerrors = vErrors.length;');
  assert.throws(() => linearErrors('vErrors = vErrors.concat(x)'), /linearErrors\.ts does not know/);
});

// An app that breaks a few rules of the schema (wrong types, an unknown key, a bad enum), or a valid one.
const app = fc.record({
  id: fc.constantFrom('/a', 'b', '/g/c'),
  cmd: fc.constantFrom('sleep 1', 5, undefined),
  cpus: fc.constantFrom(0.1, 'x', -1),
  mem: fc.constantFrom(32, 'y'),
  typo: fc.constantFrom(undefined, true),
  container: fc.constantFrom(undefined, { type: 'MESOS' }, { type: 'RKT' }, { type: 'DOCKER', docker: { image: 1 } }),
}, { requiredKeys: ['id'] }).map((a) => JSON.parse(JSON.stringify(a)) as object);

test('the built group validator reports what ajv compiled at run time reports, in order', () => {
  const group = JSON.parse(readFileSync(join(schemaDir, 'marathon-group.schema.json'), 'utf8'));
  const reference = new Ajv(ajvOptions).compile(group);
  const built = validateGroup;
  fc.assert(fc.property(fc.array(app, { maxLength: 30 }), fc.array(fc.array(app, { maxLength: 5 }), { maxLength: 3 }), (apps, nested) => {
    const doc = { id: '/', apps, groups: nested.map((g, i) => ({ id: `/n${i}`, apps: g })) };
    const ok = built(doc);
    assert.equal(ok, reference(doc));
    assert.deepEqual(built.errors ?? null, reference.errors ?? null);
  }), { numRuns: 200 });
});
