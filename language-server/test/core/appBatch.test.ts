// A batch of apps (`PUT /v2/apps`, a JSON array: marathon-api.md §4) with junk in it (fast-check): whatever the elements
// (any JSON value, app-like objects with wrong types, pods, groups, Chronos jobs, nulls, deep nesting), lint, lintValue
// and lintTogether with a deployed root group never throw and never report internal-error; every finding lies in
// the document and names an element that exists (or the batch itself); findings on one element are the same
// whatever its neighbours are, except the batch-wide ones (a JSON error anywhere holds back the rest, root-group rules).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { lint, lintTogether, lintValue } from '../../src/index';
import { batchFindings } from '../../src/core/appBatch';
import { defaultProfile } from '../../src/core/profile';
import type { Finding } from '../../src/core/finding';

const appLike = fc.record(
  {
    id: fc.oneof(fc.constantFrom('/a/b', 'a', '../x', '/', '', '/db/pg'), fc.string(), fc.constant(null), fc.integer()),
    cmd: fc.oneof(fc.string(), fc.constant(null), fc.integer()),
    cpus: fc.oneof(fc.double(), fc.string(), fc.constant(null)),
    instances: fc.oneof(fc.integer(), fc.string(), fc.constant(null)),
    instanses: fc.integer(),
    dependencies: fc.array(fc.oneof(fc.string(), fc.constant('/a/b')), { maxLength: 3 }),
    container: fc.record(
      {
        type: fc.constantFrom('MESOS', 'DOCKER', 'docker', 7),
        docker: fc.record({ image: fc.oneof(fc.string(), fc.integer()) }, { requiredKeys: [] }),
        volumes: fc.array(
          fc.oneof(
            fc.jsonValue(),
            fc.record({ containerPath: fc.string(), mode: fc.constantFrom('RW', 'RO', 'rw'), external: fc.record({ name: fc.constantFrom('pgdata', 'v', ''), provider: fc.constantFrom('dvdi', 'x'), options: fc.dictionary(fc.constantFrom('dvdi/driver', 'x'), fc.jsonValue()) }, { requiredKeys: [] }) }, { requiredKeys: [] }),
          ),
          { maxLength: 3 },
        ),
      },
      { requiredKeys: [] },
    ),
    containers: fc.array(fc.jsonValue(), { maxLength: 2 }),
    apps: fc.array(fc.jsonValue(), { maxLength: 2 }),
    name: fc.string(),
    command: fc.string(),
    schedule: fc.string(),
    version: fc.oneof(fc.string(), fc.constant('2020-01-01T00:00:00.000Z')),
  },
  { requiredKeys: [] },
);
const element = fc.oneof({ weight: 3, arbitrary: appLike }, { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 4 }) });
// One app with an id first, so that the array is a batch (core/kind.ts) whatever follows.
const batch = fc.array(element, { maxLength: 6 }).map((rest) => [{ id: '/first', cpus: 1 }, ...rest]);

const deployed = {
  id: '/',
  apps: [{ id: '/db/pg', cmd: 'sleep 1', instances: 1, container: { type: 'MESOS', volumes: [{ containerPath: 'd', mode: 'RW', external: { name: 'pgdata', provider: 'dvdi', options: { 'dvdi/driver': 'rexray' } } }] } }],
  groups: [{ id: '/a', apps: [{ id: '/a/b', cmd: 'sleep 1' }], groups: [] }],
};

function assertInBatch(text: string, items: readonly unknown[], ds: readonly { ruleId: string; pointer: string; message: string; range?: { start: { line: number }; end: { line: number } } }[]): void {
  const lines = text.split('\n').length;
  for (const d of ds) {
    assert.notEqual(d.ruleId, 'internal-error', d.message);
    const m = /^\/(0|[1-9]\d*)(\/|$)/.exec(d.pointer);
    assert.ok(d.pointer === '' || (m && Number(m[1]) < items.length), `${d.ruleId} at ${d.pointer}`);
    if (d.range) assert.ok(d.range.start.line >= 0 && d.range.end.line < lines, JSON.stringify(d.range));
  }
}

test('a batch with any elements: lint, lintValue and lintTogether (with a deployed root group) never fail', () => {
  fc.assert(
    fc.property(batch, fc.boolean(), (items, pretty) => {
      const text = JSON.stringify(items, null, pretty ? 2 : 0);
      const r = lint(text);
      assert.equal(r.kind, 'apps');
      assertInBatch(text, items, r.diagnostics);
      const v = lintValue(JSON.parse(text));
      assert.equal(v.kind, 'apps');
      assertInBatch(text, items, v.findings);
      const [together] = lintTogether([{ text }], { deployed });
      assertInBatch(text, items, together.diagnostics);
    }),
    { numRuns: 300 },
  );
});

test("an element's findings do not depend on the elements around it (no JSON error, no root-group rule)", () => {
  const crossRules = new Set(['dvdi-name-unique-in-root-group', 'group-cyclic-deps', 'group-app-vs-group-id', 'group-app-vs-pod-id', 'group-pod-vs-group-id', 'accepted-roles-for-role', 'resident-role-not-star', 'role-valid', 'group-dependency-exists']);
  fc.assert(
    fc.property(appLike, fc.array(appLike, { maxLength: 3 }), (app, others) => {
      const alone = [{ id: '/first', cpus: 1 }, app];
      const text = JSON.stringify(alone);
      const crowded = JSON.stringify([...alone, ...others]);
      const mine = (t: string) => lint(t).diagnostics.filter((d) => d.pointer === '/1' || d.pointer.startsWith('/1/')).filter((d) => !crossRules.has(d.ruleId));
      const jsonError = (t: string) => lint(t).diagnostics.some((d) => d.ruleId === 'schema' && d.severity === 'error');
      if (jsonError(crowded)) return; // deferral is batch-wide by design
      assert.deepEqual(mine(crowded).map((d) => [d.ruleId, d.pointer, d.message]), mine(text).map((d) => [d.ruleId, d.pointer, d.message]));
    }),
    { numRuns: 200 },
  );
});

test('with the deployed app at hand, a fix that would write a deployed-only field into the element is left out; the finding stays', () => {
  const found: Finding[] = [
    { ruleId: 'r', severity: 'error', pointer: '/instances', message: 'm', fix: { title: 'inside', edits: [{ op: 'replace', pointer: '/instances', value: 1 }] } },
    { ruleId: 'r', severity: 'error', pointer: '/instances', message: 'n', fix: { title: 'reaches out', edits: [{ op: 'add', pointer: '/upgradeStrategy/maximumOverCapacity', value: 0 }] } },
    { ruleId: 'r', severity: 'error', pointer: '/instances', message: 'o', fix: { title: 'adds a field', edits: [{ op: 'add', pointer: '/upgradeStrategy', value: {} }] } },
  ];
  const stored = { id: '/db/pg', cmd: 'x', upgradeStrategy: { minimumHealthCapacity: 1 } };
  const out = batchFindings([{ id: '/db/pg', instances: 2 }], () => found, { profile: defaultProfile, jsonLayerIds: new Set(['schema']), deployed: new Map([[0, stored]]) });
  assert.deepEqual(out.map((f) => [f.pointer, f.fix?.title, f.fix?.edits.map((e) => e.pointer)]), [
    ['/0/instances', 'inside', ['/0/instances']],
    ['/0/instances', undefined, undefined],
    ['/0/instances', 'adds a field', ['/0/upgradeStrategy']],
  ]);
});

test('--kind apps: an empty array is a batch that updates nothing (a warning), an object is the reader\'s error.expected.jsarray', () => {
  assert.deepEqual(lint('[]', { kind: 'apps' }).diagnostics.map((d) => [d.ruleId, d.severity, d.pointer]), [['app-batch', 'warning', '']]);
  assert.deepEqual(lint('[]', { kind: 'apps', profile: { ...defaultProfile, rules: { 'app-batch': 'off' } } }).diagnostics, []);
  assert.deepEqual(lint('"x"', { kind: 'apps' }).diagnostics.map((d) => [d.ruleId, d.severity, d.message.slice(0, 80)]), [['schema', 'error', 'error.expected.jsarray: A batch of apps (PUT /v2/apps, PATCH /v2/apps) is a JSON']]);
});

test('a 10,000-element batch lints in about the time of a 10,000-app group (no step per element over the whole text)', () => {
  // Apps as bench/gen.mjs writes them, without a null: the text is then searched for one once, not once per element.
  const apps = Array.from({ length: 10_000 }, (_, i) => ({
    id: `/bench/app-${i}`,
    cmd: 'exec ./bin/server --port $PORT0',
    cpus: 0.5,
    mem: 256,
    instances: 1 + (i % 3),
    container: { type: 'DOCKER', docker: { image: `registry.example.com/app-${i}:1.0` }, portMappings: [{ containerPort: 8080, hostPort: 0, name: 'http' }] },
    networks: [{ mode: 'container/bridge' }],
    healthChecks: [{ protocol: 'MESOS_HTTP', path: '/health', portIndex: 0 }],
    labels: { team: `t${i % 5}` },
  }));
  const groupText = JSON.stringify({ id: '/bench', apps }, null, 2);
  const batchText = JSON.stringify(apps, null, 2);
  const timed = (text: string) => {
    const t0 = performance.now();
    const r = lint(text);
    return { ms: performance.now() - t0, r };
  };
  timed(JSON.stringify(apps.slice(0, 50))); // warm the rules up for both
  const group = timed(groupText);
  const batch = timed(batchText);
  assert.equal(group.r.kind, 'group');
  assert.equal(batch.r.kind, 'apps');
  assert.ok(batch.ms < 4 * group.ms + 1000, `batch ${batch.ms.toFixed(0)} ms, group ${group.ms.toFixed(0)} ms`);
});

test('an element\'s "__proto__" is a field Marathon ignores, merged into the deployed app or not: nothing in it reaches the rules', () => {
  // JSON.parse makes "__proto__" an own key; assigned into the merged app it became the app's prototype, so the rules
  // read its "container" as the app's (a volume: instances 2 refused) and unknown-property no longer saw the key.
  const deployedRoot = { id: '/', apps: [{ id: '/b', cmd: 'sleep 100', instances: 1 }] };
  const volume = { type: 'MESOS', volumes: [{ containerPath: 'data', mode: 'RW', external: { name: 'pg', provider: 'dvdi', options: { 'dvdi/driver': 'rexray' } } }] };
  const text = `[{"id": "/b", "__proto__": ${JSON.stringify({ container: volume })}, "instances": 2}]`;
  const found = (r: { diagnostics: { ruleId: string; pointer: string }[] }) => r.diagnostics.map((d) => [d.ruleId, d.pointer]);
  assert.deepEqual(found(lint(text)), [['unknown-property', '/0/__proto__']]);
  assert.deepEqual(found(lintTogether([{ text }], { deployed: deployedRoot })[0]), [['unknown-property', '/0/__proto__']]);
});
