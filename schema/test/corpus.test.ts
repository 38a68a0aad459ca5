// The schemas must agree with Marathon 1.10 / Chronos 3.0 on the public corpus (../shared/corpus/INDEX.md):
// valid and likely-valid documents validate; invalid ones whose listed rule is a JSON-layer rule
// (play-json `error.*` or "is undefined on object") are rejected; invalid ones with only semantic rules
// (which Marathon checks after the JSON layer passed) validate, since semantic rules belong to the linter.
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { documentValidators, type WholeDocumentKind } from '../src/validators';

const corpusDir = join(import.meta.dirname, '../../../shared/corpus');
const known: Record<string, string> = JSON.parse(readFileSync(join(import.meta.dirname, 'corpus-known-disagreements.json'), 'utf8'));

interface Row {
  file: string;
  kind: WholeDocumentKind;
  verdict: string;
  rule: string;
}

function readIndex(): Row[] {
  const text = readFileSync(join(corpusDir, 'INDEX.md'), 'utf8');
  const rows: Row[] = [];
  // | `file` | upstream | licence | kind | features | verdict | rule | notes |
  for (const m of text.matchAll(/^\| `([^`]+)` \|[^|]*\|[^|]*\| ([a-z-]+) \|[^|]*\| ([a-z-]+) \| ([^|]*)\|/gm)) {
    rows.push({ file: m[1], kind: m[2] as WholeDocumentKind, verdict: m[3], rule: m[4] });
  }
  return rows;
}

const isJsonLayerRule = (rule: string) => /error\.[a-z]|is undefined on object/.test(rule);

test('corpus agreement', { skip: !existsSync(corpusDir) && 'shared corpus not present' }, () => {
  const rows = readIndex();
  assert.ok(rows.length >= 400, `expected the 427 corpus rows, parsed ${rows.length}`);
  const disagreements: string[] = [];
  let rejected = 0;
  for (const row of rows) {
    const validate = documentValidators[row.kind];
    assert.ok(validate, `${row.file}: unknown kind ${row.kind}`);
    const ok = validate(JSON.parse(readFileSync(join(corpusDir, row.file), 'utf8')));
    const expected = !(row.verdict === 'invalid' && isJsonLayerRule(row.rule));
    if (!expected) rejected++;
    if (ok !== expected && known[row.file] === undefined) {
      const errs = (validate.errors ?? []).slice(0, 3).map((e) => `${e.instancePath} ${e.message}`);
      disagreements.push(`${row.file} (${row.verdict}, ${row.rule.trim() || 'no rule'}): schema says ${ok ? 'valid' : 'invalid: ' + errs.join('; ')}`);
    }
  }
  assert.ok(rejected >= 15, `expected the JSON-layer invalid documents to be counted, got ${rejected}`);
  assert.deepEqual(disagreements, []);
});

test('every known disagreement still disagrees (remove it from the list otherwise)', { skip: !existsSync(corpusDir) && 'shared corpus not present' }, () => {
  const rows = new Map(readIndex().map((r) => [r.file, r]));
  for (const file of Object.keys(known)) {
    const row = rows.get(file);
    assert.ok(row, `${file} is not in INDEX.md`);
    const ok = documentValidators[row.kind](JSON.parse(readFileSync(join(corpusDir, file), 'utf8')));
    assert.equal(ok, row.verdict === 'invalid', `${file} now agrees with INDEX.md`);
  }
});
