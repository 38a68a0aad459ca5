// The gate places a write into only the part of the deployed root group the root-group rules can see from it
// (relevantRoot.ts), for speed. Property: for random deployed root groups and random writes (shared volume
// names, dependencies across groups, app and pod ids that are group, app or pod ids, enforceRole, roles), the engine's findings on
// the cut-down root group are the findings on the whole one (rule, severity, document, pointer).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { checkRootGroup, defaultProfile, lintValue, parseConfig, placeIntoRootGroup, rootGroupRules, type RootGroupFinding } from '@marathon-devtools/language-server';
import type { JsonObject } from '@marathon-devtools/language-server/model/documentModel';
import { DeployedState } from '../src/deployedState';
import { relevantRoot, type PlacedDocument } from '../src/relevantRoot';

const rules = [...rootGroupRules.always, ...rootGroupRules.withCluster];
const profiles = [defaultProfile, parseConfig('{"marathonVersion":"1.10"}', 'x').profile];

const ids = ['/a', '/a/x', '/a/y', '/b', '/b/x', '/b/c/z', '/c', '/d/e'];
const name = fc.constantFrom('v1', 'v2', 'v3');
const app = (id: fc.Arbitrary<string>) =>
  fc.record({
    id,
    cmd: fc.constant('sleep 1'),
    dependencies: fc.option(fc.array(fc.constantFrom(...ids, 'x', '../b', '/nothing'), { maxLength: 2 }), { nil: undefined }),
    role: fc.option(fc.constantFrom('*', 'a', 'b'), { nil: undefined }),
    acceptedResourceRoles: fc.option(fc.constantFrom(['*'], ['a'], ['b', '*']), { nil: undefined }),
    container: fc.option(
      fc.record({
        type: fc.constant('MESOS'),
        volumes: fc.array(fc.record({ containerPath: fc.constant('d'), mode: fc.constant('RW'), external: fc.record({ name, provider: fc.constant('dvdi'), options: fc.constant({ 'dvdi/driver': 'rexray' }), shared: fc.option(fc.boolean(), { nil: undefined }) }, { requiredKeys: ['name', 'provider', 'options'] }) }), { maxLength: 2 }),
      }),
      { nil: undefined },
    ),
  }, { requiredKeys: ['id', 'cmd'] });

const pod = (id: fc.Arbitrary<string>) =>
  fc.record({
    id,
    containers: fc.constant([{ name: 'c', resources: { cpus: 0.1, mem: 32 }, exec: { command: { shell: 'sleep 1' } } }]),
    role: fc.option(fc.constantFrom('*', 'a', 'b'), { nil: undefined }),
    scheduling: fc.option(fc.record({ placement: fc.record({ acceptedResourceRoles: fc.constantFrom(['*'], ['a'], ['b', '*']) }) }), { nil: undefined }),
  }, { requiredKeys: ['id', 'containers'] });

/** A deployed root group as GroupInfo: apps and pods spread over a few groups, some groups with dependencies or enforceRole. */
const deployedRoot = fc.tuple(fc.array(app(fc.constantFrom(...ids)), { maxLength: 8 }), fc.array(fc.constantFrom(...ids, '/a/p', '/p'), { maxLength: 3 })).chain(([apps, podIds]) =>
  fc.record({ deps: fc.array(fc.constantFrom(...ids), { maxLength: 2 }), enforce: fc.boolean() }).map(({ deps, enforce }) => {
    const byGroup = new Map<string, JsonObject[]>();
    const seen = new Set<string>();
    for (const a of apps) {
      if (seen.has(a.id)) continue;
      seen.add(a.id);
      const parent = a.id.slice(0, a.id.lastIndexOf('/')) || '/';
      byGroup.set(parent, [...(byGroup.get(parent) ?? []), a]);
    }
    const groups = new Map<string, JsonObject>();
    const group = (id: string): JsonObject => {
      let g = groups.get(id);
      if (g) return g;
      g = { id, apps: [], pods: [], groups: [], dependencies: id === '/b' ? deps : [], ...(id === '/a' ? { enforceRole: enforce } : {}) };
      groups.set(id, g);
      if (id !== '/') (group(id.slice(0, id.lastIndexOf('/')) || '/').groups as JsonObject[]).push(g);
      return g;
    };
    group('/');
    for (const [gid, list] of byGroup) (group(gid).apps as JsonObject[]).push(...list.filter((a) => !groups.has(a.id as string)));
    // Pods where no app or group has their id (Marathon refuses a root group with such a clash).
    for (const id of new Set(podIds)) {
      if (seen.has(id) || groups.has(id)) continue;
      const parent = id.slice(0, id.lastIndexOf('/')) || '/';
      (group(parent).pods as JsonObject[]).push({ id, containers: [{ name: 'c', resources: { cpus: 0.1, mem: 32 }, exec: { command: { shell: 'sleep 1' } } }] });
    }
    return groups.get('/')!;
  }),
// Marathon refuses every root group with a dependency cycle (RootGroup.validRootGroup), so no deployed one has
// one; with one, a write's own cycle can hide behind it (the rule reports one cycle, the cluster's is dropped).
).filter((root) => !lintValue(root, { kind: 'group', profile: defaultProfile }).findings.some((f) => f.ruleId === 'group-cyclic-deps'));

const write: fc.Arbitrary<PlacedDocument[]> = fc.oneof(
  app(fc.constantFrom(...ids, '/new', '/a/new', '/a/p', '/p')).map((a) => [{ kind: 'app' as const, value: a as JsonObject }]),
  pod(fc.constantFrom(...ids, '/new', '/a/p', '/p')).map((p) => [{ kind: 'pod' as const, value: p as JsonObject }]),
  fc.record({
    id: fc.constantFrom('/a', '/b', '/c', '/n'),
    apps: fc.option(fc.array(app(fc.constantFrom('x', 'y', 'w')), { maxLength: 3 }), { nil: undefined }),
    dependencies: fc.option(fc.array(fc.constantFrom(...ids), { maxLength: 1 }), { nil: undefined }),
    enforceRole: fc.option(fc.boolean(), { nil: undefined }),
  }, { requiredKeys: ['id'] }).map((g) => [{ kind: 'group' as const, value: g as JsonObject }]),
);

const key = (f: RootGroupFinding) => `${f.ruleId} ${f.severity} ${f.source} ${f.pointer}`;

test('the cut-down deployed root group gives the engine the findings the whole one gives', () => {
  fc.assert(
    fc.property(deployedRoot, write, fc.constantFrom(...profiles), (root, docs, profile) => {
      const state = DeployedState.fromRootGroup(root, Date.now());
      const whole = checkRootGroup(placeIntoRootGroup(root, docs), profile, rules).map(key).sort();
      const cut = checkRootGroup(placeIntoRootGroup(relevantRoot(state, docs), docs), profile, rules).map(key).sort();
      assert.deepEqual(cut, whole);
    }),
    { numRuns: 600 },
  );
});

test('a write touching nothing deployed places no deployed app at all', () => {
  const root = { id: '/', apps: [], groups: [{ id: '/t', apps: Array.from({ length: 50 }, (_, i) => ({ id: `/t/s${i}`, cmd: 'x' })), groups: [] }] };
  const state = DeployedState.fromRootGroup(root, Date.now());
  const cut = relevantRoot(state, [{ kind: 'app', value: { id: '/t/new', cmd: 'x' } }]);
  assert.deepEqual(cut, { id: '/', apps: [], pods: [], dependencies: [], groups: [{ id: '/t', apps: [], pods: [], groups: [], dependencies: [] }] });
});
