// `marathon.files` globs: which document paths the server treats as definitions.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { matchesGlob } from '../../src/server/glob';

const roots = ['/work/repo'];
const cases: [glob: string, path: string, expected: boolean][] = [
  ['deploy/**/*.json', '/work/repo/deploy/a/b/app.json', true],
  ['deploy/**/*.json', '/work/repo/other/app.json', false],
  ['*.marathon.json', '/work/repo/x/y/web.marathon.json', true],
  ['*.marathon.json', '/work/repo/x/y/web.json', false],
  ['/abs/**/*.json', '/abs/a.json', true],
  ['apps/{web,db}.json', '/work/repo/apps/db.json', true],
  ['apps/{web,db}.json', '/work/repo/apps/cache.json', false],
  ['apps/app-[0-9].json', '/work/repo/apps/app-7.json', true],
  ['**/.hidden/*.json', '/work/repo/a/.hidden/x.json', true],
  ['[', '/work/repo/[', true], // an unclosed [ is a literal character
];

for (const [glob, path, expected] of cases) {
  test(`glob ${glob} ${expected ? 'matches' : 'does not match'} ${path}`, () => {
    assert.equal(matchesGlob(path, glob, roots), expected);
  });
}
