/**
 * Names say one thing (ARCHITECTURE.md, "Rules of the house"): no two source files declare an export of the same name; file
 * nothing is exported that no other file uses; file names are camelCase in every package (a file named after an id it carries keeps the id: a rule file is its rule
 * id, a generated module its schema's file name); each package's `exports` lists its public faces by name, no
 * `./*` wildcard (only the published `*.schema.json` data files are matched by pattern).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import { declaredExports, duplicates, repoRoot, unusedValueExports } from './exportedNames';

const workspaces = (JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as { workspaces: string[] }).workspaces;
const skip = new Set(['node_modules', 'out', 'dist', '.e2e-cache', 'test-artifacts']);

function tsFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (skip.has(e.name) ? [] : e.isDirectory() ? tsFiles(join(dir, e.name)) : e.name.endsWith('.ts') && !e.name.endsWith('.d.ts') ? [join(dir, e.name)] : []));
}

test('no two source files export a declaration of the same name', () => {
  const found = duplicates().map(([name, files]) => `${name}: ${files.join(', ')}`);
  assert.deepEqual(found, [], `rename one of each pair (or import the other) so a name means one thing:\n${found.join('\n')}`);
});

test('the export scan sees declarations, not re-exports', () => {
  const text = "import { a } from './a';\nexport { a };\nexport type { B } from './b';\nexport const c = 1;\nfunction d() {}\nexport { d as e };\nexport interface F {}";
  assert.deepEqual(declaredExports(text, 'x.ts').sort(), ['F', 'c', 'e']);
});

/** camelCase (`bridgeClient.ts`, `judge.fuzz.test.ts`), or a name that is an id the file carries. */
function nameProblem(file: string): string | undefined {
  const name = basename(file);
  if (/^[a-z][a-zA-Z0-9]*(\.[a-z0-9]+)*\.ts$/.test(name)) return undefined;
  const rel = relative(repoRoot, file);
  const stem = name.replace(/\.ts$/, '');
  if (rel.startsWith('language-server/src/rules/') && readFileSync(file, 'utf8').includes(`id: '${stem}'`)) return undefined;
  if (rel.startsWith('schema/src/generated/') && existsSync(join(repoRoot, 'schema', `${stem}.schema.json`))) return undefined;
  if (rel.startsWith('schema/src/generated/') && stem === 'marathon-documents') return undefined; // the four document schemas' types, generated together
  return `${rel}: not camelCase`;
}

test('file names are camelCase in every package (ids excepted)', () => {
  const problems = workspaces.flatMap((w) => tsFiles(join(repoRoot, w))).map(nameProblem).filter((p): p is string => p !== undefined);
  assert.deepEqual(problems, []);
});

test('package exports list the public faces by name, each an existing file', () => {
  for (const w of workspaces) {
    const manifest = JSON.parse(readFileSync(join(repoRoot, w, 'package.json'), 'utf8')) as { exports?: Record<string, string> };
    for (const [key, target] of Object.entries(manifest.exports ?? {})) {
      if (key === './*.schema.json') continue;
      assert.ok(!key.includes('*'), `${w}/package.json exports ${key}: list the public faces by name, not a pattern`);
      assert.ok(existsSync(join(repoRoot, w, target)), `${w}/package.json exports ${key} → ${target}, which does not exist`);
    }
  }
});

/** Exported for a caller outside the repo: VS Code calls `deactivate`; the schema package's README lists its validators. */
const usedFromOutside = ['extension/src/extension.ts: deactivate', 'schema/src/validators.ts: validateChronosJob', 'schema/src/validators.ts: validateGroup', 'schema/src/validators.ts: validatePod'];

test('no dead exports: every exported function, const and class is used by another file', () => {
  const dead = unusedValueExports().filter((e) => !usedFromOutside.includes(e));
  assert.deepEqual(dead, [], 'drop the export (or the code) of what only its own file uses');
});
