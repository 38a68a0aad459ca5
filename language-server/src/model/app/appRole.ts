/**
 * What Marathon's RoleSettings.forService (1.9+) decides for a service: the roles it allows, whether a top-level group
 * it creates enforces its role, and the role it gives a service posted on its own (model/app/givenRole.ts applies it).
 */
import { isObject, joinPointer, resolveId, type JsonObject } from '../documentModel';
import type { RuleContext } from '../../core/rule';
import type { NewGroupEnforceRole } from '../../core/profile';

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

/** What decides the role RoleSettings.forService gives a service posted on its own (/v2/apps, /v2/pods) without one. */
export interface PostedServiceFacts {
  /** `--mesos_role`. */
  mesosRole: string;
  /** The service's absolute id. */
  absoluteId: string;
  /** The deployed top-level group's enforceRole; null: not deployed (Marathon creates it); undefined: not known. */
  topLevelEnforce: boolean | null | undefined;
  newGroupEnforceRole: NewGroupEnforceRole | null;
  /** The Marathon version is at least `v`. */
  atLeast(v: string): boolean;
  /** The version names its patch ("1.9.40"): a bare "1.9" may be any 1.9. */
  patchKnown: boolean;
  /** The role of the service deployed with this id; null: none deployed, or not known (then not kept). */
  deployedRole: string | null | undefined;
}

/** The profile's Marathon version names its patch ("1.9.40"): a bare "1.9" may be any 1.9 (PostedServiceFacts.patchKnown). */
export function versionNamesPatch(marathonVersion: string): boolean {
  return /^\d+\.\d+\.\d+$/.test(marathonVersion);
}

/**
 * Whether the top-level group of a nested service posted on its own enforces its role: as deployed; for one Marathon
 * creates, from 1.9.100 as --new_group_enforce_role says (newTopLevelGroupEnforces), never before (`defaultForEnforceFromConfig
 * = false`, RoleSettings at v1.9.32 to v1.9.81). Undefined when that cannot be told.
 */
export function postedTopLevelEnforces(f: Pick<PostedServiceFacts, 'topLevelEnforce' | 'newGroupEnforceRole' | 'atLeast' | 'patchKnown'>): boolean | undefined {
  if (f.topLevelEnforce !== null) return f.topLevelEnforce;
  if (!f.atLeast('1.9.100') && f.patchKnown) return false;
  return newTopLevelGroupEnforces(f.newGroupEnforceRole, f.atLeast);
}

/**
 * Why a service posted on its own runs under its role: `kept` (the deployed one), `root` (--mesos_role directly in /),
 * its deployed top-level group enforcing or not, the 1.9.100 quirk, or the top-level group Marathon creates enforcing
 * or not (`before19100`: whatever the flag says).
 */
export type PostedRoleBasis =
  | { kind: 'kept' }
  | { kind: 'root' }
  | { kind: 'deployedGroup'; enforce: boolean }
  | { kind: 'quirk19100' }
  | { kind: 'createdGroup'; enforce: boolean; before19100: boolean };

/** The role, or the two it may be (the group's name first) and what would decide: the deployed groups, or the flag. */
export type PostedServiceRole = { role: string; basis: PostedRoleBasis } | { roles: [string, string]; open: 'rootGroup' | 'flag' | 'quirkFlag' };

/**
 * The role Marathon 1.9+ gives a service posted on its own without `role`. `PUT /v2/apps/{id}` merges the body into the
 * deployed app (partialUpdate, its default), so the deployed role is kept (raml/AppConversion.scala
 * `update.role.orElse(app.role)`). Otherwise util/RoleSettings.scala `defaultRole`: `--mesos_role` directly in `/`; for
 * a nested service the top-level group's name when that group enforces its role (postedTopLevelEnforces), else
 * `--mesos_role`, except on 1.9.100 to 1.9.108, which gives the group's name under a deployed top-level group that does
 * not enforce when the flag is Top (`defaultRoleToUse`, fixed by #7099 in 1.9.109).
 */
export function postedServiceRole(f: PostedServiceFacts): PostedServiceRole {
  if (typeof f.deployedRole === 'string') return { role: f.deployedRole, basis: { kind: 'kept' } };
  const segments = f.absoluteId.split('/').filter(Boolean);
  if (segments.length <= 1) return { role: f.mesosRole, basis: { kind: 'root' } };
  const top = segments[0];
  const both: [string, string] = [top, f.mesosRole];
  if (f.topLevelEnforce === undefined) return { roles: both, open: 'rootGroup' };
  if (f.topLevelEnforce === false && f.atLeast('1.9.100') && !f.atLeast('1.9.109') && f.newGroupEnforceRole !== 'Off') {
    return f.newGroupEnforceRole === 'Top' ? { role: top, basis: { kind: 'quirk19100' } } : { roles: both, open: 'quirkFlag' };
  }
  const enforce = postedTopLevelEnforces(f);
  if (enforce === undefined) return { roles: both, open: 'flag' };
  const role = enforce ? top : f.mesosRole;
  if (f.topLevelEnforce !== null) return { role, basis: { kind: 'deployedGroup', enforce } };
  return { role, basis: { kind: 'createdGroup', enforce, before19100: !f.atLeast('1.9.100') && f.patchKnown } };
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
 * does; one the cluster has deployed, as deployed; one Marathon creates, as postedTopLevelEnforces says; one a group
 * body declares without `enforceRole`, or one nothing is known of, as --new_group_enforce_role says (the profile's
 * newGroupEnforceRole: "Top" enforces from 1.9.100). Undefined when none of these is known.
 */
function groupRoleIsDefault(ctx: RuleContext, declared: Map<string, unknown>, top: string): boolean | undefined {
  const written = declared.get(top);
  if (written === true) return true;
  if (written === false) return false;
  const { newGroupEnforceRole } = ctx.profile;
  const deployed = deployedTopLevelEnforcement(ctx, top);
  // Deployed, or created by Marathon for a service posted on its own: as RoleSettings.forService reads it.
  if (deployed !== undefined) return postedTopLevelEnforces({ topLevelEnforce: deployed, newGroupEnforceRole, atLeast: ctx.atLeast, patchKnown: versionNamesPatch(ctx.profile.marathonVersion) });
  return newTopLevelGroupEnforces(newGroupEnforceRole, ctx.atLeast);
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
