// Typo distance (model/nearest.ts): two swapped letters are one edit, the most common typo, so "vaule" finds "value".
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { editDistance, nearest, nearestName } from '../../src/model/nearest';

test('an adjacent transposition is one edit; other distances stay Levenshtein\'s', () => {
  assert.equal(editDistance('vaule', 'value'), 1);
  assert.equal(editDistance('cdm', 'cmd'), 1);
  assert.equal(editDistance('contianer', 'container'), 1);
  assert.equal(editDistance('kitten', 'sitting'), 3);
  assert.equal(editDistance('CMD', 'cmd'), 0);
  assert.equal(editDistance('', 'abc'), 3);
  assert.equal(editDistance('ab', 'ba'), 1);
  assert.equal(editDistance('abc', 'ca'), 3); // optimal string alignment: no edit of a transposed pair
});

test('field names and enum values with two swapped letters find the intended one', () => {
  assert.equal(nearestName('vaule', ['fieldName', 'operator', 'value']), 'value');
  assert.equal(nearestName('cdm', ['cmd', 'args', 'cpus']), 'cmd');
  assert.equal(nearest('UNIUQE', ['UNIQUE', 'CLUSTER', 'LIKE']), 'UNIQUE');
  assert.equal(nearestName('xyz', ['cmd', 'args']), undefined);
});

// nearestName skips names too far apart in length and stops a distance once it cannot win; the answer must be the
// one the whole distance to every name gives: the first of the closest, if within the allowance.
test('nearestName answers as the full distance to every known name would', () => {
  const byFullDistance = (name: string, known: string[]) => {
    const allowed = Math.min(3, Math.max(1, Math.floor(name.length / 4)));
    let best: string | undefined;
    let bestDistance = Infinity;
    for (const k of known) {
      const d = editDistance(name, k);
      if (d < bestDistance) [best, bestDistance] = [k, d];
    }
    return bestDistance <= allowed ? best : undefined;
  };
  // Few letters, so near misses, swaps and ties are common; İ lower-cases to two code units.
  const word = fc.string({ unit: fc.constantFrom('a', 'b', 'c', 'A', 'İ', 'ß'), maxLength: 14 });
  fc.assert(
    fc.property(word, fc.array(word, { maxLength: 12 }), (name, known) => {
      assert.equal(nearestName(name, known), byFullDistance(name, known));
    }),
    { numRuns: 3000 },
  );
});
