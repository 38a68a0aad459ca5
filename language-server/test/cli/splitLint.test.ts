import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { lint } from '../../src/core/index';
import { defaultProfile, type Profile } from '../../src/core/profile';
import { splitLint, tailFindings } from '../../src/cli/splitLint';
import { makeGroupText } from '../core/generateGroup';

// The worker path must report exactly what lint() reports: same findings, same order, same ranges.
const corpusDir = join(import.meta.dirname, '..', '..', '..', '..', 'shared', 'corpus');

function jsonFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...jsonFiles(p));
    else if (name.endsWith('.json')) out.push(p);
  }
  return out;
}

async function assertSame(text: string, options: { kind?: 'app' | 'group' | 'pod'; profile?: Profile } = {}, what = '') {
  const expected = lint(text, options);
  const tail = Promise.resolve(tailFindings(text, options.kind, options.profile ?? defaultProfile));
  assert.deepEqual(await splitLint(text, options, tail), expected, what);
  // The fallback (no worker answer): the main thread runs the tail itself.
  assert.deepEqual(await splitLint(text, options, Promise.resolve(undefined)), expected, `${what} (fallback)`);
}

test('split lint equals lint on every corpus file', { skip: !statSync(corpusDir, { throwIfNoEntry: false }) && 'no corpus' }, async () => {
  for (const file of jsonFiles(corpusDir)) await assertSame(readFileSync(file, 'utf8'), {}, file);
});

test('split lint equals lint on a generated group with errors, a forced kind, a profile, odd input', async () => {
  await assertSame(makeGroupText(300, 7));
  await assertSame(makeGroupText(50, 3), { kind: 'group', profile: { ...defaultProfile, marathonVersion: '1.4', rules: { 'unknown-property': 'off' } } });
  for (const odd of ['', '{', '[]', '\ufeff{"id": "/a", "cmd": "x", "cpus": "1"}', '{"id": "/a", "id": "/b", "cmd": "x"}', 'null', '{"x": 1}']) await assertSame(odd, {}, odd);
});
