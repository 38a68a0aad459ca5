// The bridge's modules import one way (issue 14): no import circle anywhere under src/ (type-only imports
// included, since a circle of types is still a circle of concepts). Reads the sources, no bundler needed.
import assert from 'node:assert/strict';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { test } from 'node:test';

const SRC = resolve(import.meta.dirname, '..', 'src');

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? files(p) : p.endsWith('.ts') ? [p] : [];
  });
}

test('no import circle under agent-bridge/src', () => {
  const graph = new Map<string, string[]>();
  for (const f of files(SRC)) {
    const deps = [...readFileSync(f, 'utf8').matchAll(/^(?:import|export)\s[^;]*?from\s+'(\.{1,2}\/[^']+)'/gms)].map((m) => resolve(dirname(f), m[1]) + '.ts');
    graph.set(f, deps.filter((d) => graph.has(d) || statSync(d, { throwIfNoEntry: false })));
  }
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const circles: string[] = [];
  const visit = (f: string) => {
    if (state.get(f) === 'done') return;
    if (state.get(f) === 'open') {
      circles.push([...stack.slice(stack.indexOf(f)), f].map((p) => relative(SRC, p)).join(' → '));
      return;
    }
    state.set(f, 'open');
    stack.push(f);
    for (const d of graph.get(f) ?? []) visit(d);
    stack.pop();
    state.set(f, 'done');
  };
  for (const f of graph.keys()) visit(f);
  assert.ok(graph.size > 40, `read only ${graph.size} modules`);
  assert.deepEqual(circles, []);
});
