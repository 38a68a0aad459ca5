// role-valid's message for a service posted into a top-level group Marathon creates names the flag and the behaviour of
// the profile's Marathon: --group_role_behavior before 1.9.64 (MarathonConf.scala at v1.9.34), --new_group_enforce_role
// from 1.9.64; before 1.9.100 RoleSettings.forService creates such a group without enforcing its role whatever the
// flag says ("TODO: Use value from config instead", v1.9.34 to v1.9.81). The verdict is the same in every case.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { defaultProfile, lintTogether, type Profile } from '../../../src/index';

const deployed = { id: '/', apps: [], pods: [], groups: [] };
const app = { id: '/newteam/web', cmd: 'sleep 7200', cpus: 0.1, mem: 64, role: 'other' };

function message(marathonVersion: string, newGroupEnforceRole: Profile['newGroupEnforceRole']): string {
  const profile: Profile = { ...defaultProfile, marathonVersion, mesosRole: '*', newGroupEnforceRole };
  const found = lintTogether([{ text: JSON.stringify(app) }], { profile, deployed })[0].diagnostics.filter((d) => d.ruleId === 'role-valid');
  assert.equal(found.length, 1, `one role-valid finding on ${marathonVersion} (${newGroupEnforceRole})`);
  return found[0].message;
}

for (const setting of ['Off', 'Top', null] as const) {
  test(`1.9.32 to 1.9.63 (${setting}): --group_role_behavior, and the new group never enforces its role`, () => {
    for (const v of ['1.9.32', '1.9.34', '1.9.63']) {
      const m = message(v, setting);
      assert.doesNotMatch(m, /new_group_enforce_role/, `${v}: ${m}`);
      assert.match(m, /--group_role_behavior/, `${v}: ${m}`);
      assert.match(m, /creates it without enforcing a role/, `${v}: ${m}`);
      assert.match(m, /"got other, expected one of: \[\*, newteam\]"/, `${v}: ${m}`);
      assert.doesNotMatch(m, /or, without role enforcement/, `${v}: ${m}`);
    }
  });

  test(`1.9.64 to 1.9.99 (${setting}): --new_group_enforce_role, which does not decide yet`, () => {
    for (const v of ['1.9.64', '1.9.81', '1.9.99']) {
      const m = message(v, setting);
      assert.doesNotMatch(m, /group_role_behavior/, `${v}: ${m}`);
      assert.match(m, /--new_group_enforce_role/, `${v}: ${m}`);
      assert.match(m, /creates it without enforcing a role/, `${v}: ${m}`);
    }
  });

  test(`a profile of "1.9" without a patch (${setting}) names both flags`, () => {
    const m = message('1.9', setting);
    assert.match(m, /--new_group_enforce_role/, m);
    assert.match(m, /--group_role_behavior before 1\.9\.64/, m);
  });
}

test('1.9.100 and later: the flag decides, as the profile says', () => {
  assert.match(message('1.9.100', 'Off'), /creates it without enforcing a role \(--new_group_enforce_role Off in this profile\)/);
  assert.match(message('1.10', null), /enforcing its role or not as --new_group_enforce_role says/);
  assert.doesNotMatch(message('1.10', 'Off'), /group_role_behavior/);
});

// A linted group document that changes the top-level group leaves its enforceRole unknown (docs/rules/role-valid.md:
// "judged as unknown too"), deployed or not, in every version: the message must not say the group is not deployed
// yet, nor that the flag decides (the group document's own enforceRole, or the deployed one, may).
test('a top-level group a linted group document changes: its enforcement is unknown, in every version', () => {
  const withTeam = { ...deployed, groups: [{ id: '/newteam', enforceRole: true, apps: [], pods: [], groups: [] }] };
  const group = { id: '/newteam', apps: [{ id: 'db', cmd: 'sleep 1', cpus: 0.1, mem: 64 }] };
  for (const [marathonVersion, d] of [['1.9.81', withTeam], ['1.9.100', withTeam], ['1.10', withTeam], ['1.10', deployed]] as const) {
    const profile: Profile = { ...defaultProfile, marathonVersion, mesosRole: '*', newGroupEnforceRole: 'Off' };
    const [, appResult] = lintTogether([{ text: JSON.stringify(group) }, { text: JSON.stringify(app) }], { profile, deployed: d });
    const found = appResult.diagnostics.filter((f) => f.ruleId === 'role-valid');
    assert.equal(found.length, 1, `${marathonVersion}: one role-valid finding`);
    const m = found[0].message;
    assert.doesNotMatch(m, /not deployed yet|as --new_group_enforce_role says/, `${marathonVersion}: ${m}`);
    assert.match(m, /whether \/newteam enforces its role is not known here/, `${marathonVersion}: ${m}`);
  }
});
