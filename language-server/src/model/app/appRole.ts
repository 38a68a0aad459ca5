/**
 * The Mesos role an app runs under (1.9+): its own `role`, else the name of its top-level group when that
 * group has `enforceRole: true`, else Marathon's `--mesos_role` (profile.mesosRole).
 */
import { isObject, joinPointer, resolveId, type AppRef, type JsonObject } from '../documentModel';
import type { RuleContext } from '../../core/rule';
import type { NewGroupEnforceRole } from '../../core/profile';

export function effectiveRole(ctx: RuleContext, ref: AppRef): string {
  if (typeof ref.app.role === 'string') return ref.app.role;
  const topLevel = ref.groupId.split('/').filter(Boolean)[0];
  if (topLevel != null && ctx.kind === 'group' && enforcesRole(ctx.root, '/' + topLevel)) return topLevel;
  return ctx.profile.mesosRole;
}

/** True when the document contains the group `groupId` (absolute) with `enforceRole: true`. */
function enforcesRole(root: unknown, groupId: string): boolean {
  if (!isObject(root)) return false;
  const rootId = typeof root.id === 'string' ? '/' + root.id.replace(/^\/+|\/+$/g, '') : '/';
  if (rootId === groupId) return root.enforceRole === true;
  if (rootId !== '/' || !Array.isArray(root.groups)) return false;
  return root.groups.some(
    (g) => isObject(g) && typeof g.id === 'string' && '/' + g.id.replace(/^\/+|\/+$/g, '') === groupId && g.enforceRole === true,
  );
}

/**
 * The roles Marathon's `RoleSettings.forService` (1.9+) allows for the app or pod with this absolute id, when
 * they do not depend on the cluster: a service directly in the root group may only use `--mesos_role`
 * (`validRoles = Set(defaultRole)`; neither a group role nor the role it is deployed with). Undefined for a
 * nested service, whose valid roles depend on its top-level group's `enforceRole` and on the role it is
 * deployed with (`maybeExistingRole`), or when the id is unknown.
 */
export function rootGroupServiceRoles(profile: { mesosRole: string }, absoluteId: string | undefined): string[] | undefined {
  if (absoluteId === undefined) return undefined;
  const segments = absoluteId.split('/').filter(Boolean);
  return segments.length === 1 ? [profile.mesosRole] : undefined;
}

/**
 * The role sets `RoleSettings.forService` (1.9+) may allow a nested service posted on its own (/v2/apps, /v2/pods)
 * against the deployed root group: with its top-level group `g` enforcing its role, `g` and the deployed service's
 * role; otherwise `--mesos_role`, `g` and that role. `enforce` undefined (a top-level group Marathon has not
 * deployed takes `--new_group_enforce_role`, which the profile does not know) gives both sets; a role outside
 * both is refused either way. `existing` is the deployed service's role (null: nothing is deployed with its id).
 */
export function nestedServiceRoleSets(mesosRole: string, topLevel: string, existing: string | null, enforce: boolean | undefined): string[][] {
  const set = (...roles: (string | null)[]) => [...new Set(roles.filter((r): r is string => r !== null))];
  const enforced = set(topLevel, existing);
  const open = set(mesosRole, topLevel, existing);
  return enforce === true ? [enforced] : enforce === false ? [open] : [enforced, open];
}

/**
 * Whether the top-level group Marathon creates for a service posted on its own (/v2/apps, /v2/pods) into a group that
 * does not exist yet enforces its role: RoleSettings.forService takes `defaultForEnforceFromConfig` for a missing
 * top-level group, and RootGroup.NewGroupStrategy creates it with `enforceRole = id.isTopLevel` under "Top", false
 * under "Off" (1.9.100 to 1.10.26, MARATHON-8706). Before 1.9.100 RoleSettings took false whatever the flag ("TODO:
 * Use value from config instead", 1.9.32/1.9.34), so "Off" holds for every 1.9, and "Top" only from 1.9.100 (a
 * profile of "1.9" without a patch may be older). Undefined when the setting is unknown or does not apply.
 */
export function newTopLevelGroupEnforces(setting: NewGroupEnforceRole | null, atLeast: (v: string) => boolean): boolean | undefined {
  if (setting === 'Off') return false;
  if (setting === 'Top' && atLeast('1.9.100')) return true;
  return undefined;
}

/**
 * The deployed top-level group's `enforceRole`; null when it is not deployed and only implied by linted documents
 * (Marathon creates it); undefined when a linted document declares it, or its `enforceRole` cannot be read.
 */
export function deployedTopLevelEnforcement(ctx: RuleContext, groupId: string): boolean | null | undefined {
  const root = ctx.root;
  if (!isObject(root) || !Array.isArray(root.groups)) return undefined;
  const i = root.groups.findIndex((g) => isObject(g) && g.id === groupId);
  if (i < 0) return undefined;
  const source = ctx.sourceOf?.(joinPointer('', 'groups', i));
  if (source !== 'cluster') return source?.implied === true ? null : undefined;
  const enforce = (root.groups[i] as Record<string, unknown>).enforceRole;
  return typeof enforce === 'boolean' ? enforce : undefined;
}

/** The top-level groups the document declares (absolute id → its `enforceRole` as written, undefined when left out). */
export function declaredTopLevelGroups(ctx: RuleContext): Map<string, unknown> {
  const out = new Map<string, unknown>();
  if (ctx.kind !== 'group' || !isObject(ctx.root)) return out;
  const stack: { group: Record<string, unknown>; base: string }[] = [{ group: ctx.root, base: '/' }];
  while (stack.length > 0) {
    const { group, base } = stack.pop()!;
    const gid = typeof group.id === 'string' ? resolveId(group.id, base) : base;
    if (gid.split('/').filter(Boolean).length === 1) out.set(gid, group.enforceRole);
    if (Array.isArray(group.groups)) for (const g of group.groups) if (isObject(g)) stack.push({ group: g, base: gid });
  }
  return out;
}

/**
 * Whether a service without a role in top-level group `top` gets the group's name as its role (RoleSettings.forService:
 * the default role of a group that enforces its role) rather than --mesos_role. A group that says `enforceRole: true`
 * does; one the cluster has deployed, as deployed; one Marathon creates, or one a group body declares without
 * `enforceRole`, as --new_group_enforce_role says (the profile's newGroupEnforceRole: "Top" enforces from 1.9.100).
 * Undefined when none of these is known.
 */
function groupRoleIsDefault(ctx: RuleContext, declared: Map<string, unknown>, top: string): boolean | undefined {
  const written = declared.get(top);
  if (written === true) return true;
  if (written === false) return false;
  const deployed = deployedTopLevelEnforcement(ctx, top);
  if (typeof deployed === 'boolean') return deployed;
  return newTopLevelGroupEnforces(ctx.profile.newGroupEnforceRole, ctx.atLeast);
}

/** As `groupRoleIsDefault`, where unknown counts as no: only a known enforcing group gives its name. */
export function defaultsToGroupRole(ctx: RuleContext, declared: Map<string, unknown>, top: string): boolean {
  return groupRoleIsDefault(ctx, declared, top) === true;
}

/**
 * The roles a pod may end up with (PodNormalization: its own `role`, else RoleSettings.forService's default role):
 * one when known; a nested pod without `role` whose top-level group may or may not enforce its role gets the group's
 * name or --mesos_role, so both. Empty when the pod has no id to tell.
 */
export function podRoleCandidates(ctx: RuleContext, declared: Map<string, unknown>, pod: JsonObject, id: string | undefined): string[] {
  if (typeof pod.role === 'string') return [pod.role];
  if (id === undefined) return [];
  const segments = id.split('/').filter(Boolean);
  if (segments.length <= 1) return [ctx.profile.mesosRole];
  const byGroup = groupRoleIsDefault(ctx, declared, '/' + segments[0]);
  return byGroup === true ? [segments[0]] : byGroup === false ? [ctx.profile.mesosRole] : [segments[0], ctx.profile.mesosRole];
}
