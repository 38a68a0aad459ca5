import type { Rule, RuleContext } from '../../core/rule';
import { isObject, joinPointer } from '../../model/documentModel';
import { nestedServiceRoleSets, rootGroupServiceRoles } from '../../model/app/appRole';
import { roleNameProblem } from '../../model/app/roleName';
import { podsOf } from '../../model/pod/podParts';
import { quoted } from '../../model/quoted';

/**
 * `role` must be one of the roles `RoleSettings.forService` allows (AppDefinition / PodsValidation
 * `validWithRoleEnforcement`: `role is in(validRoles)`, 1.9+). Reported only where the linter knows enough:
 * - a service directly in the root group: `--mesos_role` alone, on create and on update alike (RoleSettings.scala:
 *   "no enforced role here"; RootGroup.validRootGroup checks it again for every deployment);
 * - a nested service of an app or pod document placed into the deployed root group (ctx.sourceOf gives its deployed
 *   version): its top-level group's role, the role it is deployed with, and `--mesos_role` unless the group enforces
 *   its role; reported only when the role is outside every set Marathon may use (nestedServiceRoleSets).
 * Without the deployed root group a nested service's existing role is unknown, so it is not judged; nor is an app of
 * a group body, which /v2/groups checks with other sets (GroupNormalization.validRolesFor) (docs/rules/role-valid.md).
 */
export const roleValid: Rule = {
  id: 'role-valid',
  severity: 'error',
  kinds: ['app', 'group', 'pod'],
  versions: { min: '1.9' },
  summary: 'An app or pod directly in the root group runs under Marathon\'s --mesos_role, and a nested one under a role its top-level group allows: any other "role" is rejected.',
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
  // A role Mesos refuses by name is role-name-chars' finding: one mistake, one finding.
  if (roleNameProblem(role) !== undefined) return;
  const valid = rootGroupServiceRoles(ctx.profile, id);
  if (valid === undefined) return checkNested(ctx, what, role, id, pointer);
  if (valid.includes(role)) return;
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

function checkNested(ctx: RuleContext, what: 'app' | 'pod', role: string, id: string | undefined, pointer: string): void {
  const source = ctx.sourceOf?.(pointer);
  if (id === undefined || source === undefined || source === 'cluster' || source.deployed === undefined) return;
  const existing = source.deployed === null ? null : source.deployed.role;
  if (existing !== null && typeof existing !== 'string') return; // deployed without a readable role: unknown
  const topLevel = id.split('/').filter(Boolean)[0];
  const enforce = topLevelEnforcement(ctx, '/' + topLevel);
  const sets = nestedServiceRoleSets(ctx.profile.mesosRole, topLevel, existing, enforce);
  if (sets.some((s) => s.includes(role))) return;
  const got = (s: string[]) => `"got ${role}, expected one of: [${s.join(', ')}]"`;
  const because =
    enforce === true
      ? `the top-level group /${topLevel} enforces its role (enforceRole: true)`
      : enforce === false
        ? `the top-level group /${topLevel} does not enforce a role`
        : `/${topLevel} is not deployed yet, so Marathon creates it, enforcing its role or not as --new_group_enforce_role says`;
  const deployedAs = existing === null ? `nothing is deployed as ${id}` : `${id} is deployed with role ${quoted(existing)}`;
  ctx.report({
    pointer: joinPointer(pointer, 'role'),
    saysWhere: true,
    message:
      `Marathon rejects the ${what} with ${sets.map(got).join(' or, without role enforcement, ')}: ${because}, and ${deployedAs}. ` +
      `A service in /${topLevel} runs under the group's role ${quoted(topLevel)}` +
      (enforce === true ? '' : `, Marathon's --mesos_role (${quoted(ctx.profile.mesosRole)} in this profile)`) +
      ` or the role it is already deployed with. Set "role" to ${quoted(topLevel)}, or remove it to take the default.`,
  });
}

/** The deployed top-level group's `enforceRole`; undefined when it is not deployed (or a linted document changes it). */
function topLevelEnforcement(ctx: RuleContext, groupId: string): boolean | undefined {
  const root = ctx.root;
  if (!isObject(root) || !Array.isArray(root.groups)) return undefined;
  const i = root.groups.findIndex((g) => isObject(g) && g.id === groupId);
  if (i < 0 || ctx.sourceOf?.(joinPointer('', 'groups', i)) !== 'cluster') return undefined;
  const enforce = (root.groups[i] as Record<string, unknown>).enforceRole;
  return typeof enforce === 'boolean' ? enforce : undefined;
}
