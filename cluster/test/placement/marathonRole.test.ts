// The role Marathon gives an app (marathonRole.ts), case by case from util/RoleSettings.scala forService and
// api/v2/GroupNormalization.scala (1.10.26; 1.9.32/1.9.71 where they differ), and placement under it (rolePlacement.ts).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { groupBodyChain, resolveAppRole, type RoleFacts } from '../../src/placement/marathonRole';
import { placeUnderRole } from '../../src/placement/rolePlacement';
import type { GroupInfo } from '../../src/marathon/types';
import type { MesosAgent } from '../../src/mesos/agent';

const group = (id: string, enforceRole: boolean | undefined, apps: { id: string; role?: string }[] = []): GroupInfo => ({ id, apps, pods: [], groups: [], dependencies: [], ...(enforceRole === undefined ? {} : { enforceRole }) });
const root = (...groups: GroupInfo[]): GroupInfo => ({ id: '/', apps: [], pods: [], groups, dependencies: [] });
const facts = (o: Partial<RoleFacts> = {}): RoleFacts => ({ version: '1.10.26', mesosRole: '*', newGroupEnforceRole: 'Off', rootGroup: root(), ...o });

test('an app file without role: --mesos_role directly in /, the group name under an enforcing top-level group', () => {
  const f = facts({ mesosRole: 'ops', rootGroup: root(group('/shop', true), group('/web', false)) });
  assert.deepEqual(resolveAppRole({}, { absoluteId: '/db' }, f).roles, ['ops']);
  assert.deepEqual(resolveAppRole({}, { absoluteId: '/shop/db' }, f).roles, ['shop']);
  assert.deepEqual(resolveAppRole({}, { absoluteId: '/shop/a/b/db' }, f).roles, ['shop']);
  assert.deepEqual(resolveAppRole({}, { absoluteId: '/web/db' }, f).roles, ['ops']);
  // A group whose enforceRole is absent does not enforce (`_.enforceRole.getOrElse(false)`).
  assert.deepEqual(resolveAppRole({}, { absoluteId: '/x/db' }, facts({ rootGroup: root(group('/x', undefined)) })).roles, ['*']);
});

test('before 1.9 and without /v2/info: the role as written, else "*"', () => {
  const f = facts({ version: '1.8.232', mesosRole: 'ops', rootGroup: root(group('/shop', true)) });
  assert.deepEqual(resolveAppRole({}, { absoluteId: '/shop/db' }, f).roles, ['*']);
  assert.deepEqual(resolveAppRole({ role: 'x' }, { absoluteId: '/shop/db' }, f), { roles: ['x'] });
  assert.deepEqual(resolveAppRole({}, { absoluteId: '/shop/db' }, {}).roles, ['*']);
});

test('a top-level group not deployed yet: --new_group_enforce_role from 1.9.100, never before', () => {
  assert.deepEqual(resolveAppRole({}, { absoluteId: '/new/db' }, facts({ newGroupEnforceRole: 'Top' })).roles, ['new']);
  assert.deepEqual(resolveAppRole({}, { absoluteId: '/new/db' }, facts({ newGroupEnforceRole: 'Off' })).roles, ['*']);
  // 1.9.71: `defaultForEnforceFromConfig = false // TODO: Use value from config instead`.
  assert.deepEqual(resolveAppRole({}, { absoluteId: '/new/db' }, facts({ version: '1.9.71', newGroupEnforceRole: 'Top' })).roles, ['*']);
  // 1.9.100+ without the key: both roles, with what decides.
  const open = resolveAppRole({}, { absoluteId: '/new/db' }, facts({ newGroupEnforceRole: undefined }));
  assert.deepEqual(open.roles, ['new', '*']);
  assert.match(open.open ?? '', /--new_group_enforce_role/);
});

test('the deployed groups unreadable: both roles for a nested app, --mesos_role for one directly in /', () => {
  const f = facts({ rootGroup: { unknown: 'GET …/v2/groups: HTTP 403' } });
  const r = resolveAppRole({}, { absoluteId: '/shop/db' }, f);
  assert.deepEqual(r.roles, ['shop', '*']);
  assert.match(r.open ?? '', /could not be read \(GET …\/v2\/groups: HTTP 403\)/);
  assert.deepEqual(resolveAppRole({}, { absoluteId: '/db' }, f).roles, ['*']);
  // A role of its own is placed as written: whether Marathon allows it needs the deployed role, unknown here.
  assert.deepEqual(resolveAppRole({ role: 'ops' }, { absoluteId: '/shop/db' }, f), { roles: ['ops'] });
});

test('a role Marathon does not allow is its refusal, in its words', () => {
  const f = facts({ mesosRole: 'ops', rootGroup: root(group('/shop', true, [{ id: '/shop/old', role: 'legacy' }])) });
  assert.match(resolveAppRole({ role: 'x' }, { absoluteId: '/shop/db' }, f).refused ?? '', /"role": got x, expected one of: \[shop\]/);
  assert.equal(resolveAppRole({ role: 'legacy' }, { absoluteId: '/shop/old' }, f).refused, undefined, 'the deployed role stays allowed');
  assert.match(resolveAppRole({ role: 'shop' }, { absoluteId: '/db' }, f).refused ?? '', /got shop, expected one of: \[ops\]/);
  // Not enforcing: --mesos_role, the group's name and the deployed role.
  const open = facts({ mesosRole: 'ops', rootGroup: root(group('/web', false)) });
  assert.equal(resolveAppRole({ role: 'web' }, { absoluteId: '/web/db' }, open).refused, undefined);
  assert.match(resolveAppRole({ role: 'x' }, { absoluteId: '/web/db' }, open).refused ?? '', /got x, expected one of: \[ops, web\]/);
});

test('a group document: the body\'s own enforceRole, else the flag; a body below the top level, the deployed group', () => {
  const doc = { id: '/shop', enforceRole: true, apps: [{ id: 'db' }], groups: [{ id: 'back', apps: [{ id: 'cache' }] }] };
  const f = facts({ rootGroup: root(group('/shop', false)) });
  const chain = groupBodyChain(doc, '/groups/0/apps/0');
  assert.deepEqual(chain.map((g) => g.id), ['/shop', '/shop/back']);
  assert.deepEqual(resolveAppRole({}, { absoluteId: '/shop/db', chain: groupBodyChain(doc, '/apps/0') }, f).roles, ['shop']);
  assert.deepEqual(resolveAppRole({}, { absoluteId: '/shop/back/cache', chain }, f).roles, ['shop']);
  // Left out: --new_group_enforce_role, whatever /shop is deployed with (GroupNormalization.visitTopLevelGroup).
  const { enforceRole: _e, ...leftOut } = doc;
  const deployedEnforcing = facts({ rootGroup: root(group('/shop', true)) });
  assert.deepEqual(resolveAppRole({}, { absoluteId: '/shop/db', chain: groupBodyChain(leftOut, '/apps/0') }, deployedEnforcing).roles, ['*']);
  // A body for a group below the top level: the deployed /shop decides (inferDefaultRole).
  const below = { id: '/shop/back', apps: [{ id: 'cache' }] };
  assert.deepEqual(resolveAppRole({}, { absoluteId: '/shop/back/cache', chain: groupBodyChain(below, '/apps/0') }, deployedEnforcing).roles, ['shop']);
  // The body for /: its own apps take --mesos_role.
  const rootDoc = { id: '/', apps: [{ id: 'db' }], groups: [{ id: 'shop', enforceRole: true, apps: [{ id: 'db' }] }] };
  assert.deepEqual(resolveAppRole({}, { absoluteId: '/db', chain: groupBodyChain(rootDoc, '/apps/0') }, facts({ mesosRole: 'ops' })).roles, ['ops']);
  assert.deepEqual(resolveAppRole({}, { absoluteId: '/shop/db', chain: groupBodyChain(rootDoc, '/groups/0/apps/0') }, facts({ mesosRole: 'ops' })).roles, ['shop']);
  // A role the body's group does not allow: /v2/groups's refusal.
  assert.match(resolveAppRole({ role: 'x' }, { absoluteId: '/shop/db', chain: groupBodyChain(doc, '/apps/0') }, f).refused ?? '', /got x, expected one of: \[shop\]/);
});

const res = (cpus: number) => ({ cpus, gpus: 0, mem: cpus * 1024, disk: 1000 });
const agents: MesosAgent[] = [
  { id: 'S1', hostname: 'agent-1', attributes: {}, active: true, unreserved_resources: res(4), reserved_resources: {} },
  { id: 'S2', hostname: 'agent-2', attributes: {}, active: true, unreserved_resources: res(0), reserved_resources: { shop: res(2) } },
];

test('placement under two possible roles: where they differ, no candidate and undecided; a refusal places nothing', () => {
  const names = (p: ReturnType<typeof placeUnderRole>) => p.candidates.map((a) => a.hostname);
  const open = resolveAppRole({}, { absoluteId: '/shop/db' }, facts({ rootGroup: { unknown: 'HTTP 403' } }));
  const p = placeUnderRole({}, open, agents, { acceptedResourceRolesDefaultBehavior: 'reserved' });
  assert.deepEqual(names(p), []);
  assert.match(p.undecided.join('\n'), /agent-1, agent-2 are candidates under one of the roles Marathon may give the app only; it is not known whether \/shop\/db runs under its top-level group's name "shop" or --mesos_role "\*"/);
  // Under "any" both roles take agent-1; agent-2 only under "shop".
  const any = placeUnderRole({}, open, agents, { acceptedResourceRolesDefaultBehavior: 'any' });
  assert.deepEqual(names(any), ['agent-1']);
  assert.match(any.agents[1].reasons.join(), /a candidate under role "shop", not under "\*"/);
  const refused = placeUnderRole({ role: 'x' }, resolveAppRole({ role: 'x' }, { absoluteId: '/shop/db' }, facts({ rootGroup: root(group('/shop', true)) })), agents);
  assert.deepEqual([refused.candidates, refused.agents], [[], []]);
  assert.match(refused.problems[0], /^Marathon refuses it: "role": got x, expected one of: \[shop\]/);
});

test('an app file for a deployed app without role keeps the deployed role (PUT /v2/apps/{id}, partialUpdate)', () => {
  // AppConversion `role = update.role.orElse(app.role)`: the body without role keeps the stored one, whatever the group.
  const f = facts({ rootGroup: root(group('/shop', true, [{ id: '/shop/db', role: '*' }]), group('/web', false, [{ id: '/web/db', role: 'web' }])) });
  const kept = resolveAppRole({}, { absoluteId: '/shop/db' }, f);
  assert.deepEqual(kept.roles, ['*']);
  assert.equal(kept.refused, undefined);
  assert.deepEqual(resolveAppRole({}, { absoluteId: '/web/db' }, f).roles, ['web']);
  assert.match(resolveAppRole({}, { absoluteId: '/web/db' }, f).defaulted ?? '', /deployed with role "web"/);
  // Directly in /, only --mesos_role is valid (no maybeExistingRole): the kept role is refused when it differs.
  const rootApp = facts({ mesosRole: 'ops', rootGroup: { ...root(), apps: [{ id: '/db', role: '*' }] as GroupInfo['apps'] } });
  assert.match(resolveAppRole({}, { absoluteId: '/db' }, rootApp).refused ?? '', /"role": got \*, expected one of: \[ops\]/);
  // A group body replaces the app: its default role, not the deployed one (GroupNormalization.visitApp).
  const doc = { id: '/web', apps: [{ id: 'db' }] };
  assert.deepEqual(resolveAppRole({}, { absoluteId: '/web/db', chain: groupBodyChain(doc, '/apps/0') }, f).roles, ['*']);
});

test('1.9.100: a deployed top-level group not enforcing still gives its name under --new_group_enforce_role Top', () => {
  // RoleSettings at v1.9.100: `defaultRoleToUse = if (defaultForEnforceFromConfig) topLevelGroupRole else defaultRole`;
  // 1.9.109 (#7099, "Fix default role for top-level enforceRole: false groups") takes --mesos_role.
  const f = (version: string, flag?: string) => facts({ version, newGroupEnforceRole: flag, rootGroup: root(group('/shop', false)) });
  assert.deepEqual(resolveAppRole({}, { absoluteId: '/shop/db' }, f('1.9.100', 'Top')).roles, ['shop']);
  assert.deepEqual(resolveAppRole({}, { absoluteId: '/shop/db' }, f('1.9.100', 'Off')).roles, ['*']);
  assert.deepEqual(resolveAppRole({}, { absoluteId: '/shop/db' }, f('1.9.109', 'Top')).roles, ['*']);
  assert.deepEqual(resolveAppRole({}, { absoluteId: '/shop/db' }, f('1.10.26', 'Top')).roles, ['*']);
  assert.deepEqual(resolveAppRole({}, { absoluteId: '/shop/db' }, f('1.9.100', undefined)).roles, ['shop', '*']);
});

test('role "" is refused as Marathon reads it (RAML minLength 1: error.minLength), not as "got , expected one of"', () => {
  const f = facts({ rootGroup: root(group('/shop', true)) });
  for (const [id, chain] of [['/db', undefined], ['/shop/db', undefined], ['/shop/db', groupBodyChain({ id: '/shop', apps: [{ id: 'db', role: '' }] }, '/apps/0')]] as const) {
    const r = resolveAppRole({ role: '' }, { absoluteId: id, chain }, f);
    assert.match(r.refused ?? '', /"role": error\.minLength/, id);
    assert.doesNotMatch(r.refused ?? '', /got ,/, id);
  }
  // Before 1.9 there is no role field: ignored, as before.
  assert.equal(resolveAppRole({ role: '' }, { absoluteId: '/db' }, facts({ version: '1.8.232' })).refused, undefined);
});

test('acceptedResourceRoles beside the role it runs under: 1.10 refuses other roles, 1.9 drops them (sanitize_accepted_resource_roles)', () => {
  const f = (version: string) => facts({ version, rootGroup: root(group('/shop', true)) });
  // ResourceRole.validForRole: `acceptedResourceRoles can only contain ${(SortedSet("*") ++ role).mkString(" and ")}`.
  const refused = resolveAppRole({ acceptedResourceRoles: ['ops'] }, { absoluteId: '/shop/db' }, f('1.10.26'));
  assert.match(refused.refused ?? '', /^Marathon refuses it: "acceptedResourceRoles": acceptedResourceRoles can only contain \* and shop \(/);
  assert.match(refused.refused ?? '', /--deprecated_features sanitize_accepted_resource_roles/);
  assert.equal(resolveAppRole({ acceptedResourceRoles: ['*', 'shop'] }, { absoluteId: '/shop/db' }, f('1.10.26')).refused, undefined);
  assert.match(resolveAppRole({ acceptedResourceRoles: ['shop'] }, { absoluteId: '/db' }, f('1.10.26')).refused ?? '', /can only contain \* \(/);
  // 1.9 (the deprecated feature on by default before 1.10): the others dropped, none left is ["*"] (1.9.64+).
  const kept = resolveAppRole({ acceptedResourceRoles: ['ops', 'shop'] }, { absoluteId: '/shop/db' }, f('1.9.109'));
  assert.equal(kept.refused, undefined);
  assert.deepEqual(kept.acceptedResourceRoles, ['shop']);
  assert.deepEqual(resolveAppRole({ acceptedResourceRoles: ['ops'] }, { absoluteId: '/shop/db' }, f('1.9.109')).acceptedResourceRoles, ['*']);
  // 1.9.32/1.9.34 filter without the fallback: none left fails `notEmpty`.
  assert.match(resolveAppRole({ acceptedResourceRoles: ['ops'] }, { absoluteId: '/shop/db' }, f('1.9.34')).refused ?? '', /"acceptedResourceRoles": must not be empty/);
  // Placed with what Marathon keeps: agent-2 has only "shop" reservations.
  const p = placeUnderRole({ acceptedResourceRoles: ['ops', 'shop'] }, kept, agents);
  assert.deepEqual(p.candidates.map((a) => a.hostname), ['agent-2']);
  assert.deepEqual(placeUnderRole({ acceptedResourceRoles: ['ops'] }, refused, agents).candidates, []);
});
