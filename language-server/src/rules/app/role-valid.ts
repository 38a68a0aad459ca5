import type { Rule, RuleContext } from '../../core/rule';
import { joinPointer } from '../../model/documentModel';
import { rootGroupServiceRoles } from '../../model/app/appRole';
import { roleNameProblem } from '../../model/app/roleName';
import { podsOf } from '../../model/pod/podParts';
import { quoted } from '../../model/quoted';

/**
 * `role` must be one of the roles `RoleSettings.forService` allows (AppDefinition / PodsValidation
 * `validWithRoleEnforcement`: `role is in(validRoles)`, 1.9+). Reported only where the linter knows the whole
 * set: for a service directly in the root group it is `--mesos_role` alone, on create and on update alike
 * (RoleSettings.scala: "no enforced role here"; RootGroup.validRootGroup checks it again for every deployment).
 * A nested service may also keep the role it is deployed with, so it is not judged here (docs/rules/role-valid.md).
 */
export const roleValid: Rule = {
  id: 'role-valid',
  severity: 'error',
  kinds: ['app', 'group', 'pod'],
  versions: { min: '1.9' },
  summary: 'An app or pod directly in the root group runs under Marathon\'s --mesos_role: any other "role" is rejected.',
  marathonMessage: 'got <role>, expected one of: [<roles>]',
  check(ctx) {
    for (let ai = 0; ai < ctx.apps.length; ai++) {
      const ref = ctx.apps[ai];
      check(ctx, 'app', ref.app.role, ref.absoluteId, ref.pointer);
    }
    const pods = podsOf(ctx);
    for (let pi = 0; pi < pods.length; pi++) check(ctx, 'pod', pods[pi].value.role, pods[pi].id, pods[pi].pointer);
  },
};

function check(ctx: RuleContext, what: 'app' | 'pod', role: unknown, id: string | undefined, pointer: string): void {
  if (typeof role !== 'string') return;
  const valid = rootGroupServiceRoles(ctx.profile, id);
  // A role Mesos refuses by name is role-name-chars' finding: one mistake, one finding.
  if (valid === undefined || valid.includes(role) || roleNameProblem(role) !== undefined) return;
  const mesosRole = ctx.profile.mesosRole;
  ctx.report({
    pointer: joinPointer(pointer, 'role'),
    message:
      `Marathon rejects the ${what} with "got ${role}, expected one of: [${valid.join(', ')}]": ${what === 'app' ? 'an app' : 'a pod'} directly in the root group ` +
      `can only run under Marathon's --mesos_role (${quoted(mesosRole)} in this profile), whatever role it was deployed with; other roles are for ` +
      `services inside a top-level group, which may use the group's name as their role. Remove "role" (or set it to ${quoted(mesosRole)}), ` +
      `move the ${what} into a group, or set mesosRole in marathon-lint.config.json if your Marathon runs with --mesos_role ${quoted(role)}.`,
  });
}
