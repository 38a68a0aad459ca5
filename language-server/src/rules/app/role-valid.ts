import type { PartSource, Rule, RuleContext } from '../../core/rule';
import { joinPointer, type AppRef } from '../../model/documentModel';
import { givenRole } from '../../model/app/givenRole';
import { deployedTopLevelEnforcement, nestedServiceRoleSets, newTopLevelGroupEnforces, rootGroupServiceRoles } from '../../model/app/appRole';
import { groupBodyRoleSets, type GroupBodyBasis } from '../../model/group/groupBodyRoles';
import { bodyTopLevelEnforcement, listedBodyChain, listedByGroupBody } from '../../model/group/bodyChain';
import { roleNameProblem } from '../../model/app/roleName';
import { podsOf } from '../../model/pod/podParts';
import { quoted } from '../../model/quoted';
import type { NewGroupEnforceRole } from '../../core/profile';

/**
 * `role` must be one of the roles `RoleSettings.forService` allows (AppDefinition / PodsValidation
 * `validWithRoleEnforcement`: `role is in(validRoles)`, 1.9+). Reported only where the linter knows enough:
 * - a service directly in the root group: `--mesos_role` alone, on create and on update alike (RoleSettings.scala:
 *   "no enforced role here"; RootGroup.validRootGroup checks it again for every deployment);
 * - a nested service of an app or pod document (or an element of a batch of apps) placed into the deployed root group (ctx.sourceOf gives its deployed
 *   version): its top-level group's role, the role it is deployed with, and `--mesos_role` unless the group enforces
 *   its role (a top-level group Marathon creates for it: as the profile's newGroupEnforceRole says); reported only
 *   when the role is outside every set Marathon may use (nestedServiceRoleSets).
 * - a nested app a group document lists, placed into the deployed root group: the sets /v2/groups checks it with
 *   (GroupNormalization.validRolesFor, 1.9.64+, model/group/groupBodyRoles.ts) and the role it is deployed with.
 * Without the deployed root group a nested service's existing role is unknown, so it is not judged
 * (docs/rules/role-valid.md).
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
      if (ref.app.role === undefined) checkKept(ctx, ref);
      else check(ctx, 'app', ref.app.role, ref.absoluteId, ref.pointer);
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

/**
 * An app file without `role` for an app deployed directly in `/`: PUT /v2/apps/{id} keeps the deployed role
 * (model/app/givenRole.ts), which RoleSettings.forService checks against `--mesos_role` alone. A nested app's kept
 * role is always among the roles it allows (`maybeExistingRole`).
 */
function checkKept(ctx: RuleContext, ref: AppRef): void {
  const valid = rootGroupServiceRoles(ctx.profile, ref.absoluteId);
  if (valid === undefined) return;
  const given = givenRole(ctx, ref);
  if (given?.basis !== 'kept' || valid.includes(given.role)) return;
  const mesosRole = ctx.profile.mesosRole;
  ctx.report({
    pointer: joinPointer(ref.pointer, 'role'),
    saysWhere: true,
    message:
      `Marathon rejects the app with "got ${given.role}, expected one of: [${valid.join(', ')}]": ${ref.absoluteId} is deployed with role ${quoted(given.role)}, ` +
      `which PUT /v2/apps/{id} keeps when the file has no "role", and an app directly in the root group can only run under Marathon's --mesos_role ` +
      `(${quoted(mesosRole)} in this profile). Set "role" to ${quoted(mesosRole)}, or move the app into a group.`,
  });
}

function checkNested(ctx: RuleContext, what: 'app' | 'pod', role: string, id: string | undefined, pointer: string): void {
  const source = ctx.sourceOf?.(pointer);
  if (what === 'app' && id !== undefined && source !== undefined && source !== 'cluster' && listedByGroupBody(source)) return checkListed(ctx, role, id, pointer, source);
  if (id === undefined || source === undefined || source === 'cluster' || source.deployed === undefined) return;
  const existing = source.deployed === null ? null : source.deployed.role;
  if (existing !== null && typeof existing !== 'string') return; // deployed without a readable role: unknown
  const topLevel = id.split('/').filter(Boolean)[0];
  const deployed = deployedTopLevelEnforcement(ctx, '/' + topLevel);
  const setting = ctx.profile.newGroupEnforceRole;
  // A top-level group only linted documents imply is one Marathon creates: from 1.9.100 the flag decides, when the
  // profile knows it; before, RoleSettings.forService creates it without enforcing whatever the flag says. A profile
  // of "1.9" without a patch may be any 1.9, so there the flag may still decide.
  const enforce = deployed === null ? (before19100(ctx) ? false : newTopLevelGroupEnforces(setting, ctx.atLeast)) : deployed;
  const sets = nestedServiceRoleSets(ctx.profile.mesosRole, topLevel, existing, enforce);
  if (sets.some((s) => s.includes(role))) return;
  const got = (s: string[]) => `"got ${role}, expected one of: [${s.join(', ')}]"`;
  const because =
    deployed === null
      ? newGroupWhy(ctx, topLevel, enforce)
      : deployed === true
        ? `the top-level group /${topLevel} enforces its role (enforceRole: true)`
        : deployed === false
          ? `the top-level group /${topLevel} does not enforce a role`
          : // deployedTopLevelEnforcement's undefined: a linted group document changes the group (or its deployed
            // enforceRole is unreadable), so neither "not deployed yet" nor the flag is the reason, in any version.
            `whether /${topLevel} enforces its role is not known here`;
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

/** A profile of 1.9 with a patch below 100 ("1.9.40"): a bare "1.9" may be any 1.9. */
function before19100(ctx: RuleContext): boolean {
  return !ctx.atLeast('1.9.100') && /^\d+\.\d+\.\d+$/.test(ctx.profile.marathonVersion);
}

/**
 * Why a top-level group Marathon creates for a service posted on its own enforces its role or not, in the terms of
 * the profile's Marathon: the flag is --group_role_behavior before 1.9.64 and --new_group_enforce_role from 1.9.64
 * (MarathonConf.scala at v1.9.34 and v1.9.64), and RoleSettings.forService reads it only from 1.9.100 (before:
 * `defaultForEnforceFromConfig = false`, "TODO: Use value from config instead", v1.9.34 to v1.9.81).
 */
function newGroupWhy(ctx: RuleContext, topLevel: string, enforce: boolean | undefined): string {
  const setting = ctx.profile.newGroupEnforceRole;
  const creates = `/${topLevel} is not deployed yet, so Marathon creates it`;
  if (ctx.atLeast('1.9.100')) {
    return enforce === undefined
      ? `${creates}, enforcing its role or not as --new_group_enforce_role says`
      : `${creates} ${enforce ? 'enforcing its role' : 'without enforcing a role'} (--new_group_enforce_role ${setting} in this profile)`;
  }
  if (before19100(ctx)) {
    const flag = ctx.atLeast('1.9.64') ? '--new_group_enforce_role' : '--group_role_behavior';
    return `${creates} without enforcing a role: before 1.9.100 it does so whatever ${flag} says`;
  }
  const flags = '--new_group_enforce_role (--group_role_behavior before 1.9.64)';
  return enforce === false
    ? `${creates} without enforcing a role (${flags} is ${setting} in this profile, and before 1.9.100 Marathon does so whatever it says)`
    : `${creates} without enforcing a role before 1.9.100, and from 1.9.100 enforcing it or not as ${flags} says (the profile's "1.9" does not tell which 1.9)`;
}

/**
 * An app a group document lists (its pointer in the document is not ""): judged as /v2/groups judges it, only with
 * the deployed root group (the app's deployed role) and only when the groups from the body's own group down to the
 * one listing the app all come from that document as written (`written`), so their own `enforceRole` is known.
 */
function checkListed(ctx: RuleContext, role: string, id: string, pointer: string, source: Exclude<PartSource, 'cluster'>): void {
  if (!ctx.atLeast('1.9.64') || source.deployed === undefined) return;
  const existing = source.deployed === null ? null : source.deployed.role;
  if (existing !== null && typeof existing !== 'string') return;
  const found = listedBodyChain(ctx, pointer, source);
  if (found === undefined) return;
  const chain = [...found];
  // enforceRole: true below the top level is group-enforce-role-toplevel's finding. GroupNormalization.visitChildGroup
  // reads it first and narrows the group's apps to their default role, so a role outside that set is refused too; but
  // removing enforceRole, as that finding advises, fixes both: the apps are judged as after that fix (one mistake, one finding).
  const lister = chain[chain.length - 1];
  if (lister.written.enforceRole === true && lister.id.split('/').filter(Boolean).length > 1) {
    chain[chain.length - 1] = { id: lister.id, written: { ...lister.written, enforceRole: false } };
  }
  const decided = groupBodyRoleSets(ctx.profile.mesosRole, ctx.profile.newGroupEnforceRole, chain, existing, (topId) => bodyTopLevelEnforcement(ctx, topId, source.document));
  if (decided === undefined || decided.sets.some((set) => set.includes(role))) return;
  const { sets, basis } = decided;
  const got = (set: string[]) => `"got ${role}, expected one of: [${set.join(', ')}]"`;
  const gots = sets.length === 1 ? got(sets[0]) : `${got(sets[0])} (--new_group_enforce_role top) or ${got(sets[1])} (off)`;
  const deployedAs = existing === null ? `nothing is deployed as ${id}` : `${id} is deployed with role ${quoted(existing)}`;
  const defaults = [...new Set(sets.map((set) => set[0]))].map(quoted).join(' or ');
  ctx.report({
    pointer: joinPointer(pointer, 'role'),
    saysWhere: true,
    message:
      `Marathon rejects the group update with ${gots}: ${listedWhy(basis, ctx.profile.mesosRole, ctx.profile.newGroupEnforceRole)}, and ${deployedAs}. ` +
      (sets.length === 1
        ? `Set "role" to one of these roles, or remove it to take the default (${defaults}).`
        : `Write "enforceRole" on the top-level group in the body and set "role" to a role it allows, or remove "role" to take the default (${defaults}).`),
  });
}

/** Why /v2/groups allows only those roles, in GroupNormalization's terms; `flag`: the profile's newGroupEnforceRole. */
function listedWhy(basis: GroupBodyBasis, mesosRole: string, flag: NewGroupEnforceRole | null): string {
  const mesos = `Marathon's --mesos_role (${quoted(mesosRole)} in this profile)`;
  if (basis.kind === 'root') return `/v2/groups checks an app the body for / lists against ${mesos}`;
  const g = basis.group;
  const byFlag = `the body leaves out /${g}'s enforceRole, so /v2/groups takes --new_group_enforce_role, ${flag} in this profile, whatever /${g} is deployed with`;
  if (basis.kind === 'top') {
    if (basis.enforce === true) return `the body sets enforceRole: true on the top-level group /${g}, so its apps run under the group's name ${quoted(g)}`;
    if (basis.enforce === false) return `the body sets enforceRole: false on the top-level group /${g}, so /v2/groups allows its apps only ${mesos}, not the group's name`;
    if (flag === 'Top') return `${byFlag}: its apps run under the group's name ${quoted(g)}`;
    if (flag === 'Off') return `${byFlag}: it allows its apps only ${mesos}, not the group's name`;
    return (
      `the body leaves out /${g}'s enforceRole, so /v2/groups takes --new_group_enforce_role, whatever /${g} is deployed with ` +
      `(top: the group's name ${quoted(g)} only; off, the default: ${mesos} only)`
    );
  }
  const top =
    basis.topEnforce === true
      ? `its top-level group /${g} enforces its role, so their default role is ${quoted(g)}`
      : basis.topEnforce === false
        ? `its top-level group /${g} does not enforce a role, so their default role is --mesos_role`
        : basis.topEnforce === null
          ? `its top-level group /${g} is not deployed, so their default role is --mesos_role`
          : flag !== null
            ? `its top-level group /${g} leaves enforceRole to --new_group_enforce_role, ${flag} in this profile, so their default role is ${flag === 'Top' ? quoted(g) : '--mesos_role'}`
            : `whether its top-level group /${g} enforces its role is left to --new_group_enforce_role`;
  return `/v2/groups checks the apps of ${basis.lister} against their default role and ${basis.own ? 'nothing else (the group sets enforceRole: true)' : mesos}: ${top}`;
}
