/**
 * The role Marathon 1.9+ gives an app, as the rules see it (accepted-roles-for-role): its own `role`; in a root-group
 * run with the deployed root group (src/rootGroup: `marathon-lint --marathon`, the server's cluster link, the gate),
 * what Marathon decides for the route the document takes: an app file, or an element of a batch, as `PUT /v2/apps/{id}` (postedServiceRole: the
 * deployed role kept, RoleSettings.forService with the deployed top-level group or --new_group_enforce_role), an app a
 * group file lists as `PUT /v2/groups/{id}` (groupBodyDefaultRole, GroupNormalization); without the deployed root group,
 * its top-level group's name when a document says that group enforces its role, else `--mesos_role` (the profile's).
 * Undefined when the facts cannot tell (reported by no rule, never guessed).
 */
import type { RuleContext } from '../../core/rule';
import type { AppRef } from '../documentModel';
import { declaredTopLevelGroups, deployedTopLevelEnforcement, postedServiceRole, versionNamesPatch, type PostedRoleBasis } from './appRole';
import { groupBodyDefaultRole, type BodyDefaultBasis } from '../group/groupBodyRoles';
import type { NewGroupEnforceRole } from '../../core/profile';
import { bodyTopLevelEnforcement, listedBodyChain, listedByGroupBody } from '../group/bodyChain';

export interface GivenRole {
  role: string;
  /** Where the role comes from, for a message: "from `role`", or why Marathon gives it. */
  why: string;
  /**
   * `own`: the app's `role`; `kept`: the role the deployed app has, which PUT /v2/apps/{id} keeps; `cluster`: the
   * default Marathon gives with the deployed root group; `document`: the default as the documents alone tell it.
   */
  basis: 'own' | 'kept' | 'cluster' | 'document';
}

export function givenRole(ctx: RuleContext, ref: AppRef): GivenRole | undefined {
  if (typeof ref.app.role === 'string') return { role: ref.app.role, why: 'from `role`', basis: 'own' };
  const source = ref.absoluteId === undefined ? undefined : ctx.sourceOf?.(ref.pointer);
  if (source === undefined || source === 'cluster' || source.deployed === undefined) return withoutCluster(ctx, ref);
  const { mesosRole, newGroupEnforceRole } = ctx.profile;
  if (listedByGroupBody(source)) {
    if (!ctx.atLeast('1.9.64')) return withoutCluster(ctx, ref);
    const chain = listedBodyChain(ctx, ref.pointer, source);
    const given = chain === undefined ? undefined : groupBodyDefaultRole(mesosRole, newGroupEnforceRole, chain, (topId) => bodyTopLevelEnforcement(ctx, topId, source.document));
    return given === undefined || 'open' in given ? undefined : { role: given.role, why: bodyWhy(given.basis, newGroupEnforceRole), basis: 'cluster' };
  }
  const deployedRole = source.deployed === null ? null : typeof source.deployed.role === 'string' ? source.deployed.role : undefined;
  const top = ref.absoluteId!.split('/').filter(Boolean)[0];
  const given = postedServiceRole({
    mesosRole,
    absoluteId: ref.absoluteId!,
    topLevelEnforce: deployedTopLevelEnforcement(ctx, '/' + top),
    newGroupEnforceRole,
    atLeast: ctx.atLeast,
    patchKnown: versionNamesPatch(ctx.profile.marathonVersion),
    deployedRole,
  });
  if ('open' in given) return undefined;
  return { role: given.role, why: postedWhy(given.basis, ref.absoluteId!, top), basis: given.basis.kind === 'kept' ? 'kept' : 'cluster' };
}

/** Why, in Marathon's terms, a service posted on its own gets its role (postedServiceRole's basis). */
function postedWhy(basis: PostedRoleBasis, id: string, top: string): string {
  const mesos = `Marathon's --mesos_role`;
  const group = `the name of its top-level group /${top}`;
  switch (basis.kind) {
    case 'kept':
      return `the role ${id} is deployed with, which PUT /v2/apps/{id} keeps when the file has no "role"`;
    case 'root':
      return `${mesos}, which a service directly in / runs under`;
    case 'deployedGroup':
      return basis.enforce ? `${group}, which enforces its role` : `${mesos}, as its top-level group /${top} does not enforce a role`;
    case 'quirk19100':
      return `${group}: Marathon 1.9.100 gives it under a top-level group that does not enforce a role when --new_group_enforce_role is Top`;
    case 'createdGroup':
      return basis.enforce
        ? `${group}, which Marathon creates enforcing its role (--new_group_enforce_role Top)`
        : `${mesos}, as Marathon creates its top-level group /${top} without enforcing a role (${basis.before19100 ? 'before 1.9.100, whatever --new_group_enforce_role says' : '--new_group_enforce_role Off'})`;
  }
}

/** Why, in Marathon's terms, /v2/groups gives an app the body lists its role (groupBodyDefaultRole's basis). */
function bodyWhy(basis: BodyDefaultBasis, flag: NewGroupEnforceRole | null): string {
  const mesos = `Marathon's --mesos_role`;
  if (basis.kind === 'root') return `${mesos}, which /v2/groups gives an app the body for / lists`;
  const g = basis.group;
  if (basis.kind === 'below') {
    if (basis.topEnforce === true) return `the name of its top-level group /${g}, which enforces its role`;
    return `${mesos}, as its top-level group /${g} ${basis.topEnforce === null ? 'is not deployed' : 'does not enforce a role'}`;
  }
  if (basis.written) {
    return basis.enforce ? `the name of its top-level group /${g}, on which the body sets enforceRole: true` : `${mesos}, as the body sets enforceRole: false on its top-level group /${g}`;
  }
  const byFlag = `the body leaves out /${g}'s enforceRole, so /v2/groups takes --new_group_enforce_role ${flag}, whatever /${g} is deployed with`;
  return basis.enforce ? `the name of its top-level group /${g}: ${byFlag}` : `${mesos}: ${byFlag}`;
}

/** The document alone: its top-level group's name when the document has that group enforce its role, else --mesos_role. */
function withoutCluster(ctx: RuleContext, ref: AppRef): GivenRole {
  const topLevel = ref.groupId.split('/').filter(Boolean)[0];
  const enforced = topLevel != null && declaredTopLevelGroups(ctx).get('/' + topLevel) === true;
  return { role: enforced ? topLevel : ctx.profile.mesosRole, why: 'from the group or --mesos_role', basis: 'document' };
}
