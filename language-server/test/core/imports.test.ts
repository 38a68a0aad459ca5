/**
 * Dependencies point one way (ARCHITECTURE.md, "language-server/src/core/"): core/ does no I/O and imports no
 * LSP, ws or vscode, nor rules/; model/ (Marathon knowledge shared by rules and features) takes only types from
 * core/; rules/ never reach the adapters. Checked on the import statements and on the globals that do I/O.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, it } from 'node:test';

const SRC = resolve(import.meta.dirname, '../../src');
/** Packages the pure layers may use: the schemas and their precompiled validators, and the JSON parser. */
const PURE_PACKAGES = [/^@marathon-devtools\/schema(\/|$)/, /^jsonc-parser$/];
const ADAPTERS = ['cli', 'server', 'features', 'project', 'protocol.ts', 'index.ts'];

interface Import { spec: string; typeOnly: boolean }

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : []));
}

function importsOf(text: string): Import[] {
  return [...text.matchAll(/(import|export)(\s+type)?\s[^'";]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)|require\(\s*['"]([^'"]+)['"]\s*\)/g)].map((m) => ({
    spec: m[3] ?? m[4] ?? m[5],
    typeOnly: m[2] !== undefined,
  }));
}

/** The top-level folder (or file) of src/ an import lands in, or the package name of a bare import. */
function layerOf(file: string, spec: string): string {
  if (!spec.startsWith('.')) return spec;
  return relative(SRC, resolve(dirname(file), spec)).split('/')[0];
}

function violations(layer: string, check: (file: string, imp: Import, target: string) => string | undefined): string[] {
  const bad: string[] = [];
  for (const f of files(join(SRC, layer))) {
    const text = readFileSync(f, 'utf8');
    for (const imp of importsOf(text)) {
      const why = check(f, imp, layerOf(f, imp.spec));
      if (why) bad.push(`${relative(SRC, f)} → ${imp.spec}: ${why}`);
    }
    const io = text.match(/\b(process\.|globalThis\.|fetch\(|console\.|setTimeout\(|setInterval\(|require\()/);
    if (io) bad.push(`${relative(SRC, f)}: uses ${io[1]} (I/O or ambient state)`);
  }
  return bad;
}

const pureBare = (target: string) => (PURE_PACKAGES.some((p) => p.test(target)) ? undefined : 'a package the pure layers must not use (I/O, LSP, ws, vscode …)');

describe('one-way dependencies of the engine', () => {
  it('sees the imports it checks (the check itself can fail)', () => {
    const sample = importsOf("import type { A } from '../rules/x';\nimport { b } from 'node:fs';\nexport * from './y';");
    assert.deepEqual(sample, [{ spec: '../rules/x', typeOnly: true }, { spec: 'node:fs', typeOnly: false }, { spec: './y', typeOnly: false }]);
    assert.equal(layerOf(join(SRC, 'core', 'a.ts'), '../rules/index'), 'rules');
    assert.ok(violations('core', () => 'flag everything').length > 10);
  });

  it('core/ imports nothing from rules/, model types aside only model/, and no package that does I/O', () => {
    assert.deepEqual(
      violations('core', (_f, imp, target) => {
        if (!imp.spec.startsWith('.')) return pureBare(target);
        if (target === 'core' || target === 'model') return undefined;
        return `core must not depend on ${target}/`;
      }),
      [],
    );
  });

  it('model/ takes only types from core/ and nothing from rules/ or the adapters', () => {
    assert.deepEqual(
      violations('model', (_f, imp, target) => {
        if (!imp.spec.startsWith('.')) return pureBare(target);
        if (target === 'model') return undefined;
        if (target === 'core') return imp.typeOnly ? undefined : 'model may import only types from core/';
        return `model must not depend on ${target}/`;
      }),
      [],
    );
  });

  it('rules/ use core/ and model/, never the adapters', () => {
    assert.deepEqual(
      violations('rules', (_f, imp, target) => {
        if (!imp.spec.startsWith('.')) return pureBare(target);
        return ADAPTERS.includes(target) ? `rules must not depend on ${target}` : undefined;
      }),
      [],
    );
  });
});
