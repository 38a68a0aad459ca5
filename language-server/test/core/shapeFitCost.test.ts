/**
 * What shapeFit.ts may spend on a minified document with a bracket missing, on every keystroke. Its budget counts
 * characters, but a schema validation costs more than its characters when it finds many errors (on a 121 kB group of
 * 3,300 apps with two wrong types each, one validation took 1.1 s and the finding 8.4 s: nine places, each validated
 * whole). Counted here in validations, not timed: once a repaired text misfits its schema that badly, the schema no
 * longer tells places apart and the structure decides (docs/rules/syntax.md).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { documentValidators } from '../../../schema/src/validators';
import { parseDocument } from '../../src/core/parse';

interface Counted {
  (data: unknown): boolean;
  errors?: unknown[] | null;
}

/** Runs `f` with the group validator counting the validations that found more than `many` errors. */
function countingBadValidations(many: number, f: () => void): number {
  const validators = documentValidators as unknown as Record<string, Counted>;
  const real = validators.group;
  let bad = 0;
  const counting: Counted = (data) => {
    const ok = real(data);
    counting.errors = real.errors;
    if ((real.errors?.length ?? 0) > many) bad++;
    return ok;
  };
  validators.group = counting;
  try {
    f();
  } finally {
    validators.group = real;
  }
  return bad;
}

test('a minified group full of schema errors with a \'}\' missing and many places to close it is validated with many errors once, not at each place', () => {
  const apps = Array.from({ length: 300 }, (_, i) => `{"id":"/a${i}","cpus":"x","mem":"y"}`).join(',');
  const labels = Array.from({ length: 9 }, (_, i) => `"k${i}":"v"`).join(',');
  // The document's '}' or "labels"' is missing: closing "labels" after any of its values parses.
  const text = `{"id":"/g","apps":[${apps}],"labels":{${labels}}`;
  let finding = '';
  const bad = countingBadValidations(500, () => (finding = parseDocument(text).findings[0].message));
  assert.ok(finding.includes('never closed'), finding);
  assert.ok(bad <= 1, `${bad} validations found more than 500 errors`);
});
