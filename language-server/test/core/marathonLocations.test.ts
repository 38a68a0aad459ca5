// Findings land where Marathon reports them, in Marathon's words (issue: "Marathon's locations, Marathon's words").
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { defaultProfile, lint } from '../../src/index';

const of = (text: string, ruleId: string) => lint(text, { profile: { ...defaultProfile, marathonVersion: '1.10' } }).diagnostics.filter((d) => d.ruleId === ruleId);

test('resident app without a role: /role, as AppDefinition.validWithRoleEnforcement reports it', () => {
  const app = { id: '/db', cmd: 'sleep 1', container: { type: 'MESOS', volumes: [{ containerPath: 'data', mode: 'RW', persistent: { size: 10 } }] } };
  const found = of(JSON.stringify(app), 'resident-role-not-star');
  assert.deepEqual(found.map((d) => d.pointer), ['/role']);
  const inGroup = of(JSON.stringify({ id: '/g', apps: [app] }), 'resident-role-not-star');
  assert.deepEqual(inGroup.map((d) => d.pointer), ['/apps/0/role']);
});

test('app-cmd-args-container lands on the missing or wrong field, never the document root', () => {
  assert.deepEqual(of('{"id": "/a", "instances": 1}', 'app-cmd-args-container').map((d) => d.pointer), ['/cmd']);
  assert.deepEqual(of('{"id": "/a", "container": {"type": "DOCKER", "docker": {"privileged": true}}}', 'app-cmd-args-container').map((d) => d.pointer), ['/container/docker/image']);
  assert.deepEqual(of('{"id": "/a", "container": {"type": "DOCKER", "docker": {"image": ""}}}', 'app-cmd-args-container').map((d) => d.pointer), ['/container/docker']);
  const mesos = of('{"id": "/a", "container": {"type": "MESOS"}}', 'app-cmd-args-container');
  assert.deepEqual(mesos.map((d) => [d.pointer, d.range.start.line, d.range.start.character]), [['/container', 0, 13]]);
  assert.deepEqual(of('{"id": "/a", "cmd": "x y", "args": ["b"]}', 'app-cmd-args-container').map((d) => d.pointer), ['/args']);
});

test('acceptedResourceRoles: Marathon\'s list comes from a sorted set, so role "*" reads "can only contain *"', () => {
  const star = of('{"id": "/a", "cmd": "sleep 1", "role": "*", "acceptedResourceRoles": ["*", "slave_public"]}', 'accepted-roles-for-role');
  assert.equal(star.length, 1);
  assert.match(star[0].message, /"acceptedResourceRoles can only contain \*"/);
  assert.doesNotMatch(star[0].message, /\* and \*/);
  const own = of('{"id": "/a", "cmd": "sleep 1", "role": "web", "acceptedResourceRoles": ["other"]}', 'accepted-roles-for-role');
  assert.match(own[0].message, /"acceptedResourceRoles can only contain \* and web"/);
});

test('an unknown field of an app inside a group is named against the app fields', () => {
  const found = of('{"id": "/g", "apps": [{"id": "a", "cmd": "sleep 1", "zzqqxx": 1}], "zzqqyy": 2}', 'unknown-property');
  assert.deepEqual(found.map((d) => [d.pointer, /against the fields (of an? \w+|of "[^"]+") in Marathon/.exec(d.message)?.[1]]), [['/apps/0/zzqqxx', 'of an app'], ['/zzqqyy', 'of a group']]);
});

test('no message speaks of the tool\'s own machinery', () => {
  const d = of('{"id": "/a", "cmd": "sleep 1", "container": {"type": "MESOS", "volumes": [{"containerPath": "d", "mode": "RW", "external": {"name": "v", "provider": "dvdi", "options": {"dvdi/driver": "rexray", "dvdi/overwritefs": "true"}}}]}}', 'dvdi-destructive-option');
  assert.equal(d.length, 1);
  assert.doesNotMatch(d[0].message, /dry run|bridge|linter|schema/i);
});
