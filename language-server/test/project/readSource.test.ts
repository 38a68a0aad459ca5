// The CLI's guarded read of a file (project/readSource.ts): read to the end, whatever size the file reports.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSource } from '../../src/project/readSource';

test('a procfs file, whose reported size is 0, is read to its end', () => {
  const source = readFileSource('/proc/self/status');
  assert.ok(source.ok, JSON.stringify(source));
  assert.match(source.text, /^Name:\t.*\n(.*\n)*Pid:\t\d+\n/);
});

test('the size limit holds for a file read past its reported size', () => {
  const source = readFileSource('/proc/self/status', 16);
  assert.ok(!source.ok && /^too large \(over the \d+ MB limit\)$/.test(source.error), JSON.stringify(source));
});

test('a procfs file longer than the first buffer is read whole (/proc/self/smaps: hundreds of KB, reported as 0)', () => {
  const source = readFileSource('/proc/self/smaps');
  assert.ok(source.ok, JSON.stringify(source));
  assert.ok(source.text.length > 64 * 1024 && source.text.endsWith('\n'), `${source.text.length} characters`);
});
