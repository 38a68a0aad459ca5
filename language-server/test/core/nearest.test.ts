// Typo distance (core/nearest.ts): two swapped letters are one edit, the most common typo, so "vaule" finds "value".
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { editDistance, nearest, nearestName } from '../../src/core/nearest';

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
