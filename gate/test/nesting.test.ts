// The gate's nesting bound counts the brackets of the JSON structure only, not those inside strings.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { nestsDeeperThan } from '../src/nesting';

test('depth counts objects and arrays, not brackets inside strings or after escaped quotes', () => {
  assert.equal(nestsDeeperThan('{"a":[[1]]}', 3), false);
  assert.equal(nestsDeeperThan('{"a":[[[1]]]}', 3), true);
  assert.equal(nestsDeeperThan(`{"cmd":"${'['.repeat(50)}"}`, 3), false);
  assert.equal(nestsDeeperThan(`{"cmd":"a\\"${'{'.repeat(50)}"}`, 3), false);
  assert.equal(nestsDeeperThan(`{"a":"\\\\",${'"b":{'.repeat(4)}1${'}'.repeat(4)}}`, 3), true, 'an escaped backslash ends before the quote');
});
