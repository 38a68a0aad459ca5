// Bad input on purpose (fast-check): any body on any judged route, with or without a deployed state, gives
// a verdict and never throws; a refusal is always Marathon's JSON shape with a path on every detail.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { defaultProfile } from '@marathon-devtools/language-server';
import { DeployedState } from '../src/deployedState';
import { judge } from '../src/judge';
import { notValid } from '../src/marathonErrors';
import { admissionRoute } from '../src/routes';
import { warningHeaders } from '../src/warningHeaders';

const urls = ['POST /v2/apps', 'PUT /v2/apps', 'PATCH /v2/apps', 'PUT /v2/apps/a/b', 'PATCH /v2/apps/a', 'PUT /v2/apps/a?partialUpdate=false',
  'POST /v2/groups', 'PUT /v2/groups/x', 'POST /v2/groups/x/y', 'PATCH /v2/groups/x', 'POST /v2/pods', 'PUT /v2/pods/p'];
const appLike = fc.record({
  id: fc.oneof(fc.constantFrom('/a/b', 'a', '../x', '/', ''), fc.string()),
  cmd: fc.option(fc.string(), { nil: undefined }),
  instances: fc.option(fc.oneof(fc.integer(), fc.string()), { nil: undefined }),
  container: fc.option(fc.record({ type: fc.constantFrom('MESOS', 'DOCKER', 7), volumes: fc.array(fc.jsonValue(), { maxLength: 3 }) }), { nil: undefined }),
}, { requiredKeys: [] });
const body = fc.oneof(
  fc.jsonValue().map((v) => JSON.stringify(v)),
  appLike.map((a) => JSON.stringify(a)),
  fc.record({ id: fc.string(), apps: fc.array(appLike, { maxLength: 4 }), groups: fc.array(fc.record({ id: fc.string(), apps: fc.array(appLike, { maxLength: 2 }) }), { maxLength: 2 }) }).map((g) => JSON.stringify(g)),
  fc.string(),
);
const deployed = DeployedState.fromRootGroup({ id: '/', apps: [{ id: '/a/b', cmd: 'sleep 1', container: { type: 'MESOS', volumes: [{ containerPath: 'd', mode: 'RW', external: { name: 'v', provider: 'dvdi', options: { 'dvdi/driver': 'rexray' } } }] } }], groups: [{ id: '/x', apps: [] }] }, Date.now());

test('any body on any judged route: a verdict, never an exception; refusals in Marathon\'s shape', () => {
  fc.assert(
    fc.property(fc.constantFrom(...urls), body, fc.boolean(), (methodUrl, text, withState) => {
      const [method, url] = methodUrl.split(' ');
      const v = judge(admissionRoute(method, url)!, text, withState ? deployed : undefined, defaultProfile);
      for (const f of v.findings) assert.ok(f.path.startsWith('/'), `path ${JSON.stringify(f.path)} for ${f.ruleId}`);
      const refusal = JSON.parse(notValid(v.findings).body) as { message: string; details: { path: string; errors: string[] }[] };
      assert.ok(refusal.message === 'Object is not valid' || refusal.message === 'Invalid JSON');
      assert.equal(new Set(refusal.details.map((d) => d.path)).size, refusal.details.length, 'one detail per path');
      for (const h of warningHeaders(v.findings, v.skipped)) assert.ok(h.length < 256);
    }),
    { numRuns: 400 },
  );
});
