/**
 * The transport (server/, security/, cli/) reaches the mount machinery only through the runner's public entry,
 * src/dryrun/index.ts (ARCHITECTURE.md: the seam is dryrun/contract.ts). Checked on the import statements.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, it } from 'node:test';

const SRC = resolve(import.meta.dirname, '../../src');
const TRANSPORT = ['server', 'security', 'cli'];
const MACHINERY = ['dryrun', 'engines', 'inuse', 'plugin', 'journal', 'local-driver', 'validation'];

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : []));
}

function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(/(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g)].map((m) => m[1] ?? m[2]);
}

describe('transport/runner seam', () => {
  it('finds the import statements it checks (the check itself can fail)', () => {
    assert.deepEqual(importsOf(join(SRC, 'cli', 'runnerSetup.ts')).filter((s) => s.startsWith('.')).sort(), ['../dryrun/index', '../dryrun/index', './serveConfig']);
  });

  for (const part of TRANSPORT) {
    it(`${part}/ imports the mount machinery only through dryrun/index`, () => {
      const bad: string[] = [];
      for (const f of files(join(SRC, part))) {
        for (const spec of importsOf(f).filter((s) => s.startsWith('.'))) {
          const target = relative(SRC, resolve(dirname(f), spec));
          if (MACHINERY.includes(target.split('/')[0]) && target !== 'dryrun/index') bad.push(`${relative(SRC, f)} → ${spec}`);
        }
      }
      assert.deepEqual(bad, []);
    });
  }
});
