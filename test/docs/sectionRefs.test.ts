/**
 * Every `§n` in the code, comments and docs names the document it cites, before it on the same line
 * ("marathon-rules.md §6.3", "dvdi-bridge.md §8.9, §1.5"): the next reader must not have to guess which of the
 * reference documents (../shared/reference/) a bare section number means.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { extname, join, relative } from 'node:path';

const root = join(import.meta.dirname, '..', '..');
const skip = new Set(['node_modules', 'out', 'dist', '.git', '.e2e-cache', 'test-artifacts', 'generated']);
const textFiles = new Set(['.ts', '.mjs', '.cjs', '.md', '.json', '.sh', '.mustache', '.conf', '.service', '.txt', '.scenario', '.lua', '.vim']);
/** A document name (`marathon-api.md`, `docs/gate.md`) or an RFC. */
const documentName = /[\w.-]+\.md\b|RFC ?\d+/;

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (skip.has(e.name) || e.name === 'package-lock.json' ? [] : e.isDirectory() ? files(join(dir, e.name)) : textFiles.has(extname(e.name)) ? [join(dir, e.name)] : []));
}

export function bareSectionRefs(text: string): number[] {
  const lines: number[] = [];
  text.split('\n').forEach((line, i) => {
    for (const m of line.matchAll(/§\s?\d/g)) {
      if (!documentName.test(line.slice(0, m.index))) {
        lines.push(i + 1);
        break;
      }
    }
  });
  return lines;
}

test('the check finds a bare section number and accepts a named one', () => {
  assert.deepEqual(bareSectionRefs('ok (marathon-rules.md §6.3, §6.1)\nbad (§4)\nok RFC 6901 §4'), [2]);
});

test('every §n reference names its document', () => {
  const bare = files(root).flatMap((f) => bareSectionRefs(readFileSync(f, 'utf8')).map((n) => `${relative(root, f)}:${n}`));
  assert.deepEqual(bare, [], 'name the document before the section, e.g. "marathon-api.md §5"');
});
