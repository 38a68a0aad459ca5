// A config's ignorePatterns are read as .gitignore reads its patterns, so the verdicts are held equal to git's own
// (`git check-ignore --no-index`, the real git, run on the same patterns and paths), on a table of the cases users
// write and on random patterns and paths.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import fc from 'fast-check';
import { ignoreMatcher } from '../../src/project/ignorePatterns';

const noGit = spawnSync('git', ['--version']).status !== 0 ? 'git is not installed' : undefined;

/** git's verdict per path: the pattern that ignores it, or undefined. */
function gitVerdicts(patterns: readonly string[], paths: readonly string[]): (string | undefined)[] {
  const dir = mkdtempSync(join(tmpdir(), 'ignore-oracle-'));
  try {
    spawnSync('git', ['init', '-q', dir]);
    writeFileSync(join(dir, '.gitignore'), patterns.join('\n') + '\n');
    const r = spawnSync('git', ['-C', dir, 'check-ignore', '--no-index', '-v', '-n', '--stdin', '-z'], { input: paths.join('\0') + '\0', encoding: 'utf8' });
    // -z -v: source, line number, pattern, path, each ended by NUL; a path nothing matches has empty fields.
    const f = r.stdout.split('\0');
    const verdict = new Map<string, string | undefined>();
    for (let i = 0; i + 3 < f.length; i += 4) verdict.set(f[i + 3], f[i + 2] === '' || f[i + 2].startsWith('!') ? undefined : f[i + 2]);
    return paths.map((p) => verdict.get(p));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const root = '/srv/deploy';
const ours = (patterns: readonly string[], paths: readonly string[]) => {
  const m = ignoreMatcher(root, patterns);
  return paths.map((p) => m?.(`${root}/${p}`));
};

const table: [string[], string[]][] = [
  [['package.json'], ['package.json', 'a/package.json', 'a/b/package.json', 'package.json.bak', 'web.json']],
  [['fixtures/'], ['fixtures/x.json', 'sub/fixtures/y.json', 'fixtures', 'fixturesx/y.json']],
  [['fixtures'], ['fixtures', 'fixtures/x.json', 'a/fixtures/x.json']],
  [['/generated/*.json'], ['generated/o.json', 'sub/generated/o.json', 'generated/deep/o.json']],
  [['generated/**'], ['generated/o.json', 'generated/deep/o.json', 'sub/generated/o.json']],
  [['**/test/*.json'], ['test/a.json', 'x/y/test/a.json', 'test/deep/a.json']],
  [['*.tmp.json', '!keep.tmp.json'], ['a.tmp.json', 'keep.tmp.json', 'sub/keep.tmp.json', 'sub/b.tmp.json']],
  [['fixtures/', '!fixtures/keep.json'], ['fixtures/keep.json', 'fixtures/x.json']],
  [['fixtures/*', '!fixtures/keep.json'], ['fixtures/keep.json', 'fixtures/x.json', 'fixtures/deep/x.json']],
  [['.*'], ['.hidden.json', 'a/.vscode/settings.json', 'a/b.json']],
  [['a?c.json', '[bc]*.json'], ['abc.json', 'ac.json', 'b.json', 'c/x.json', 'd.json']],
  [['/'], ['a.json']],
  // Trailing spaces are not part of a pattern unless escaped (gitignore(5)); a leading one is.
  [['package.json ', 'fixtures/  ', 'keep\\ '], ['package.json', 'a/package.json', 'fixtures/x.json', 'keep ', 'keep']],
  [[' lead.json'], ['lead.json', ' lead.json']],
  // `[!...]` is a negated class, as `[^...]` is (gitignore(5) follows fnmatch(3)).
  [['[!a]*.json', 'x[!0-9].json'], ['a.json', 'b.json', 'xa.json', 'x1.json', 'sub/b.json']],
];

test('ignorePatterns: each case users write gets the verdict git check-ignore gives', { skip: noGit }, () => {
  for (const [patterns, paths] of table) assert.deepEqual(ours(patterns, paths), gitVerdicts(patterns, paths), JSON.stringify({ patterns, paths }));
});

test('ignorePatterns: random patterns and paths get the verdicts git check-ignore gives', { skip: noGit }, () => {
  const name = fc.constantFrom('a', 'b', 'fixtures', 'x.json', 'a.json', '.h.json');
  const glob = fc.constantFrom('a', 'b', 'fixtures', '*', '**', '*.json', 'x.json', 'a?json', '[ab]*', '[!a]*', '.h.json');
  const pattern = fc
    .tuple(fc.boolean(), fc.boolean(), fc.array(glob, { minLength: 1, maxLength: 3 }), fc.boolean())
    .map(([neg, lead, segs, trail]) => `${neg ? '!' : ''}${lead ? '/' : ''}${segs.join('/')}${trail ? '/' : ''}`);
  const path = fc.array(name, { minLength: 1, maxLength: 4 }).map((s) => s.join('/'));
  fc.assert(
    fc.property(fc.array(pattern, { minLength: 1, maxLength: 4 }), fc.uniqueArray(path, { minLength: 1, maxLength: 8 }), (patterns, paths) => {
      assert.deepEqual(ours(patterns, paths), gitVerdicts(patterns, paths), JSON.stringify({ patterns, paths }));
    }),
    { numRuns: 150 },
  );
});

test('ignorePatterns: files outside the config\'s directory, and the directory itself, are never ignored', () => {
  const m = ignoreMatcher(root, ['*', '**'])!;
  for (const f of ['/srv/other/a.json', '/srv/deploy', '/srv/deploy-old/a.json', '/etc/passwd']) assert.equal(m(f), undefined, f);
  assert.equal(m('/srv/deploy/a.json'), '**'); // the last pattern that matches
});

test('ignorePatterns: no pattern, or only unusable ones, is no matcher', () => {
  assert.equal(ignoreMatcher(root, []), undefined);
  assert.equal(ignoreMatcher(root, ['/', '!']), undefined);
});
