// A group body's findings assembled per app (groupByApp.ts) are the engine's findings on the whole body (rule,
// severity, pointer, message; root-group rules aside, the gate runs those in context): for every group among the
// rule fixtures and the corpus, and for random groups, both when each app is linted alone and when one lint of the
// whole body is cut into the per-app caches, and again from the caches.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { glob } from 'tinyglobby';
import { defaultProfile, lint, rootGroupRules, type Profile } from '@marathon-devtools/language-server';
import { isObject, type JsonObject } from '@marathon-devtools/language-server/model/documentModel';
import { groupFindingsByApp, type OwnFinding } from '../src/groupByApp';

const root = join(import.meta.dirname, '..', '..');
const rootGroupIds = new Set([...rootGroupRules.always, ...rootGroupRules.withCluster].map((r) => r.id));
const key = (f: OwnFinding) => `${f.ruleId} ${f.severity} ${f.pointer} ${f.message}`;
/** A profile object of its own: the caches are per profile, so each call below starts cold. */
const fresh = (): Profile => ({ ...defaultProfile, features: [...defaultProfile.features], rules: {} });

/** 'split' | 'whole' | 'fallback' — which way the body went, after checking the answer. */
function check(value: JsonObject, text: string, label: string): string {
  const expected = lint(text, { kind: 'group', profile: defaultProfile }).diagnostics.filter((d) => !rootGroupIds.has(d.ruleId)).map(key).sort();
  const split = groupFindingsByApp(value, text, fresh(), 1);
  if (split === undefined) return 'fallback';
  assert.deepEqual(split.map(key).sort(), expected, `${label}: each app alone`);
  const profile = fresh();
  const whole = groupFindingsByApp(value, text, profile, 0);
  assert.deepEqual(whole?.map(key).sort(), expected, `${label}: the whole body, cut`);
  assert.deepEqual(groupFindingsByApp(value, text, profile, 0)?.map(key), whole?.map(key), `${label}: from the caches, in the same order`);
  return 'split';
}

test('every group among the rule fixtures and the corpus', async () => {
  const patterns = ['language-server/test/rules/**/*.json', ...(existsSync(join(root, '../shared/corpus')) ? ['../shared/corpus/**/*.json'] : [])];
  const ways: Record<string, number> = {};
  for (const file of await glob(patterns, { cwd: root })) {
    const text = readFileSync(join(root, file), 'utf8');
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch {
      continue;
    }
    if (!isObject(value) || lint(text).kind !== 'group') continue;
    const way = check(value, text, file);
    ways[way] = (ways[way] ?? 0) + 1;
  }
  assert.ok((ways.split ?? 0) >= 20, `most groups are assembled per app: ${JSON.stringify(ways)}`);
});

const app = fc.record({
  id: fc.oneof({ arbitrary: fc.constantFrom('web', 'db', 'api', '/abs/x', '../up', 'sub'), weight: 9 }, { arbitrary: fc.constantFrom('UPPER', 'a_b'), weight: 1 }),
  cmd: fc.option(fc.constant('sleep 1'), { nil: undefined }),
  instances: fc.option(fc.integer({ min: 0, max: 3 }), { nil: undefined }),
  cpus: fc.option(fc.constantFrom(0.1, 1), { nil: undefined }),
  role: fc.option(fc.constantFrom('*', 'prod'), { nil: undefined }),
  dependencies: fc.option(fc.array(fc.constantFrom('db', '/x'), { maxLength: 2 }), { nil: undefined }),
  portDefinitions: fc.option(fc.array(fc.record({ port: fc.constantFrom(0, 80, 80), name: fc.constantFrom('http', 'http', 'x') }), { maxLength: 3 }), { nil: undefined }),
  container: fc.option(fc.record({
    type: fc.constantFrom('MESOS', 'DOCKER'),
    volumes: fc.array(fc.record({ containerPath: fc.constantFrom('data', '/abs', 'a/../b'), mode: fc.constantFrom('RW', 'RO'), external: fc.record({ name: fc.constantFrom('v', 'w', ''), provider: fc.constantFrom('dvdi', 'other'), options: fc.constantFrom({ 'dvdi/driver': 'rexray' }, {}) }, { requiredKeys: ['name', 'provider'] }) }, { requiredKeys: ['containerPath'] }), { maxLength: 2 }),
  }, { requiredKeys: ['type'] }), { nil: undefined }),
  }, { requiredKeys: ['id'] });
const group: fc.Arbitrary<JsonObject> = fc.record({
  id: fc.constantFrom('/prod', 'prod', '/a/b'),
  apps: fc.array(app, { maxLength: 4 }),
  groups: fc.option(fc.array(fc.record({ id: fc.constantFrom('sub', '/prod/sub', 'x'), apps: fc.array(app, { maxLength: 2 }), enforceRole: fc.option(fc.boolean(), { nil: undefined }) }, { requiredKeys: ['id'] }), { maxLength: 2 }), { nil: undefined }),
  enforceRole: fc.option(fc.boolean(), { nil: undefined }),
  dependencies: fc.option(fc.array(fc.constantFrom('/x', 'web'), { maxLength: 1 }), { nil: undefined }),
}, { requiredKeys: ['id', 'apps'] });

test('random groups', () => {
  fc.assert(fc.property(group, (g) => void check(g, JSON.stringify(g), JSON.stringify(g))), { numRuns: 300 });
});
