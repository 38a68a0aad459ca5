/**
 * Rules and model/ quote a value users wrote with `quoted()` (model/quoted.ts), never by hand as `"${value}"`: a
 * value holding `"` or `\` then reads as something else (quotedValues.test.ts shows what). What is still written
 * between quotes by hand is listed here by name, each with why it may be.
 */
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

const SRC = join(import.meta.dirname, '../../src');

const allowed: Record<string, string> = {
  // The message of Marathon, Chronos, Docker or Mesos, quoted as they write it (marathon-rules.md).
  text: 'the checker\'s own message',
  marathonMessage: 'the checker\'s own message',
  labelRegexMessage: 'the checker\'s own message',
  optionKeyRegexMessage: 'the checker\'s own message',
  legacy: 'the checker\'s own message',
  text14: 'the checker\'s own message (Marathon 1.4\'s words)',
  problem: 'the checker\'s own message',
  // Names the linter knows, not text from the document.
  'c.op': 'a known constraint operator',
  op: 'a known constraint operator',
  field: 'a field name',
  guess: 'a known driver name',
  "last.replace(/\\./g, '') || 'app'": 'a reserved id keyword',
};

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : []));
}

test('rules and model/ write no value between double quotes by hand, only what is listed', () => {
  const found: string[] = [];
  const home = join(SRC, 'model', 'quoted.ts'); // its comment shows the form not to write
  for (const f of [...files(join(SRC, 'rules')), ...files(join(SRC, 'model'))].filter((f) => f !== home)) {
    for (const m of readFileSync(f, 'utf8').matchAll(/"\$\{((?:[^{}]|\{[^{}]*\})*)\}"/g)) {
      if (!(m[1] in allowed)) found.push(`${relative(SRC, f)}: "\${${m[1]}}" (use \${quoted(${m[1]})})`);
    }
  }
  assert.deepEqual(found, []);
});

test('the scan sees a hand-quoted value (the check itself can fail)', () => {
  const m = [...'`is "${n.name}" and "${text}"`'.matchAll(/"\$\{((?:[^{}]|\{[^{}]*\})*)\}"/g)].map((x) => x[1]);
  assert.deepEqual(m, ['n.name', 'text']);
});
