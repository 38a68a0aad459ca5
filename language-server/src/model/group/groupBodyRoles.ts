/**
 * The roles `PUT`/`POST /v2/groups` lets an app a group body lists run under (Marathon 1.9.64 to 1.10.26,
 * api/v2/GroupNormalization.scala: `updateNormalization` → `visitRootGroup` / `visitTopLevelGroup` /
 * `visitChildGroup` → `visitApp` → `validRolesFor`, checked by AppValidation.validWithRoleEnforcement as
 * `got <role>, expected one of: [<roles>]`). These are not RoleSettings.forService's sets (docs/rules/role-valid.md):
 * - the body is for `/`: an app it lists directly may use `--mesos_role`;
 * - a top-level group (the body itself, or a group the body for `/` lists): its `enforceRole` as the body writes it,
 *   else `--new_group_enforce_role` (not the deployed value); enforced: the group's name, else `--mesos_role` only;
 * - any lower group: its own `enforceRole` as written (absent: false) with the default role of its top-level group
 *   (the group's name when that group enforces, else `--mesos_role`): enforced, that default role, else it and
 *   `--mesos_role`. For a body below the top level, the top-level group is the deployed one (`inferDefaultRole`);
 *   when it is not deployed, `--mesos_role`.
 * Every set also takes the role the app is deployed with (`maybeExistingRole`, from the root group before the change).
 */
import type { JsonObject } from '../documentModel';
import type { NewGroupEnforceRole } from '../../core/profile';

/** One group of the body, from the group the request names (first) down to the group that lists the app (last). */
export interface BodyGroup {
  /** Absolute id. */
  id: string;
  /** The group as the body writes it (GroupUpdate). */
  written: JsonObject;
}

/**
 * The deployed top-level group a body below the top level inherits its default role from: its `enforceRole`, or
 * null when it is not deployed. Asked only for such bodies; undefined when it cannot be told.
 */
export type TopLevelLookup = (topLevelId: string) => boolean | null | undefined;

const unique = (...roles: (string | null)[]): string[] => [...new Set(roles.filter((r): r is string => r !== null))];

const segments = (id: string): string[] => id.split('/').filter(Boolean);

/**
 * What decided the sets: the body for `/` listing the app itself (`root`); the top-level group listing it, enforcing
 * or not as written (`top`, `enforce` undefined: left to `--new_group_enforce_role`); a lower group (`below`) whose
 * top-level group gives the default role (`topEnforce`: as written in the body, undefined when left to the flag;
 * for a body below the top level, as deployed, null when not deployed) and whose own `enforceRole` is `own`.
 */
export type GroupBodyBasis =
  | { kind: 'root' }
  | { kind: 'top'; group: string; enforce: boolean | undefined }
  | { kind: 'below'; group: string; lister: string; topEnforce: boolean | null | undefined; own: boolean };

/**
 * The role sets Marathon may check the app with: one set when the body or `newGroupEnforceRole` (the profile's
 * `--new_group_enforce_role`, which GroupNormalization.effectiveEnforceRole takes for a top-level group whose body
 * leaves `enforceRole` out) decides, two when the body leaves it out and the profile does not know the flag (enforced
 * first, then not: a role outside both is refused either way). Undefined when the rules above cannot be applied (a
 * scale or rollback body, a non-boolean `enforceRole`, a deployed top-level group that cannot be told). `existing`:
 * the deployed app's role, null for none.
 */
export function groupBodyRoleSets(
  mesosRole: string,
  newGroupEnforceRole: NewGroupEnforceRole | null,
  chain: readonly BodyGroup[],
  existing: string | null,
  topLevel: TopLevelLookup,
): { sets: string[][]; basis: GroupBodyBasis } | undefined {
  const body = chain[0];
  const lister = chain[chain.length - 1];
  if (body === undefined || lister === undefined) return undefined;
  // "Only update if this is not a scale or rollback" (updateNormalization).
  if (body.written.version !== undefined || body.written.scaleBy !== undefined) return undefined;
  if (lister.id === '/') return { sets: [unique(mesosRole, existing)], basis: { kind: 'root' } };
  const own = lister.written.enforceRole;
  if (own !== undefined && typeof own !== 'boolean') return undefined;
  const setsFor = (defaultRole: string, enforce: boolean) => (enforce ? unique(defaultRole, existing) : unique(defaultRole, mesosRole, existing));
  const depth = segments(body.id).length;
  if (depth > 1) {
    // A body below the top level: the deployed top-level group gives the default role (inferDefaultRole).
    const group = segments(body.id)[0];
    const topEnforce = topLevel('/' + group);
    if (topEnforce === undefined) return undefined;
    return { sets: [setsFor(topEnforce === true ? group : mesosRole, own === true)], basis: { kind: 'below', group, lister: lister.id, topEnforce, own: own === true } };
  }
  const top = chain[depth === 0 ? 1 : 0];
  const group = segments(top.id)[0];
  const written = top.written.enforceRole;
  if (written !== undefined && typeof written !== 'boolean') return undefined;
  // GroupNormalization reads the flag under this name since 1.9.64, as --group_role_behavior before (same Off/Top).
  const flag = newGroupEnforceRole === null ? undefined : newGroupEnforceRole === 'Top';
  const enforce = written ?? flag;
  const choices = enforce === undefined ? [true, false] : [enforce];
  // An app the top-level group lists is checked with that group's enforcement, one below it with its own group's.
  const sets = choices.map((e) => setsFor(e ? group : mesosRole, lister === top ? e : own === true));
  const basis: GroupBodyBasis =
    lister === top ? { kind: 'top', group, enforce: written } : { kind: 'below', group, lister: lister.id, topEnforce: written, own: own === true };
  return { sets, basis };
}

/**
 * Why GroupNormalization gives its default role: the body for `/` lists the app (`root`); a top-level group the body
 * writes, enforcing as `written` in the body, else as the flag says (`top`); a body below the top level, whose
 * deployed top-level group enforces or not, or is not deployed (null) (`below`).
 */
export type BodyDefaultBasis =
  | { kind: 'root' }
  | { kind: 'top'; group: string; enforce: boolean; written: boolean }
  | { kind: 'below'; group: string; topEnforce: boolean | null };

/** The default role, or the two it may be (the group's name first) and what would decide: the deployed groups, or the flag. */
export type BodyDefaultRole = { role: string; basis: BodyDefaultBasis } | { roles: [string, string]; group: string; open: 'rootGroup' | 'flag' };

/**
 * The role GroupNormalization gives an app the body lists without a `role` (AppNormalization's default role, 1.9.64 to
 * 1.10.26): the body for `/` lists it, `--mesos_role`; under a top-level group the body writes, that group's name when
 * its `enforceRole` as written, else `--new_group_enforce_role`, says so (the deployed value is not read), else
 * `--mesos_role`; for a body below the top level, the deployed top-level group's name when it enforces its role, else
 * `--mesos_role` (not deployed too: inferDefaultRole). A group body replaces the app, so the deployed app's role is not
 * kept. Undefined for a scale or rollback body, or an `enforceRole` that is not a boolean.
 */
export function groupBodyDefaultRole(
  mesosRole: string,
  newGroupEnforceRole: NewGroupEnforceRole | null,
  chain: readonly BodyGroup[],
  topLevel: TopLevelLookup,
): BodyDefaultRole | undefined {
  const body = chain[0];
  const lister = chain[chain.length - 1];
  if (body === undefined || lister === undefined) return undefined;
  if (body.written.version !== undefined || body.written.scaleBy !== undefined) return undefined;
  if (lister.id === '/') return { role: mesosRole, basis: { kind: 'root' } };
  const depth = segments(body.id).length;
  if (depth > 1) {
    const group = segments(body.id)[0];
    const topEnforce = topLevel('/' + group);
    if (topEnforce === undefined) return { roles: [group, mesosRole], group, open: 'rootGroup' };
    return { role: topEnforce === true ? group : mesosRole, basis: { kind: 'below', group, topEnforce } };
  }
  const top = chain[depth === 0 ? 1 : 0];
  const group = segments(top.id)[0];
  const written = top.written.enforceRole;
  if (written !== undefined && typeof written !== 'boolean') return undefined;
  const enforce = typeof written === 'boolean' ? written : newGroupEnforceRole === null ? undefined : newGroupEnforceRole === 'Top';
  if (enforce === undefined) return { roles: [group, mesosRole], group, open: 'flag' };
  return { role: enforce ? group : mesosRole, basis: { kind: 'top', group, enforce, written: typeof written === 'boolean' } };
}
