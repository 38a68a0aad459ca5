/** The github format's escaping, on the characters GitHub's runner treats specially. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { escapeData, escapeProperty } from '../../language-server/src/cli/formatters/github';

test('data escapes %, CR and LF (in that order, so % is not double-escaped)', () => {
  assert.equal(escapeData('100% done\r\nnext: a,b'), '100%25 done%0D%0Anext: a,b');
});

test('properties also escape : and , which delimit them', () => {
  assert.equal(escapeProperty('dir,with:odd%name.json'), 'dir%2Cwith%3Aodd%25name.json');
});
